package io.foldline.chain.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.ChainTools;
import io.foldline.chain.submit.WindowStatus.State;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The submitter against a real anvil and a real contract (compiled with solc-js): a crash between broadcast
 * and bookkeeping, a stuck transaction, a reorg, an unreachable node, a wrong chain id, a fee above the cap.
 * Every test also checks that neither the key nor the keystore password reached a log or a status.
 */
@Tag("slow")
class SubmitterAnvilTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final BigInteger CAP = BigInteger.valueOf(100_000_000_000L); // 100 gwei

    @TempDir
    Path dir;
    private Anvil anvil;
    private String contract;
    private SigningKey key;
    private String keyHex;
    private LogCapture logs;
    private final StatusRecorder statuses = new StatusRecorder();

    @BeforeEach
    void chain() throws Exception {
        ChainTools.require();
        logs = new LogCapture();
        anvil = Anvil.start();
        contract = SettleContract.deploy(anvil);
        keyHex = Numeric.toHexStringNoPrefix(anvil.devKey(1).getEcKeyPair().getPrivateKey());
        Path keystore = dir.resolve(WalletUtils.generateWalletFile(PASSWORD, anvil.devKey(1).getEcKeyPair(),
                dir.toFile(), false));
        Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        key = SigningKey.fromKeystore(keystore, PasswordSource.fromFile(passwordFile));
    }

    @AfterEach
    void stopAndCheckSecrets() {
        if (anvil != null) {
            anvil.close();
        }
        if (logs != null) {
            logs.close();
            String seen = logs.text() + statuses.describe();
            assertTrue(logs.size() > 0, "the submitter logged nothing: the secrets check would be empty");
            assertFalse(seen.toLowerCase().contains(keyHex.toLowerCase()), "private key in logs or statuses");
            assertFalse(seen.contains(PASSWORD), "keystore password in logs or statuses");
        }
    }

    private SubmitterOptions.Builder fast() {
        return SubmitterOptions.builder(Anvil.CHAIN_ID, CAP).batchSize(1).poll(Duration.ofMillis(100))
                .confirmations(2).replaceAfter(Duration.ofSeconds(30)).retries(3, Duration.ofMillis(50));
    }

    private Submitter submitter(SubmitterOptions options) {
        return Submitter.open(anvil.rpcUrl(), key, dir.resolve("journal"), SettledCheck.viewFunction("isSettled"),
                options, statuses);
    }

    private void automine(boolean on) {
        try {
            Anvil.ObjectResponse r = new Request<>("evm_setAutomine", List.of(on), new HttpService(anvil.rpcUrl()),
                    Anvil.ObjectResponse.class).send();
            assertFalse(r.hasError(), () -> "evm_setAutomine: " + r.getError().getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private BigInteger sentBySubmitter() throws IOException {
        return anvil.web3j().ethGetTransactionCount(key.address(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }

    private Transaction tx(String hash) throws IOException {
        return anvil.web3j().ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
    }

    private static java.util.function.Predicate<WindowStatus> is(State state) {
        return s -> s.state() == state;
    }

    /**
     * A submitter dies right after its broadcast, before any bookkeeping; a new one on the same journal, also
     * offered the same window again (as a replayed Kafka record would be), must not send a second transaction.
     * With automine the dead submitter's transaction is already mined; without, it is still in the pool.
     */
    @ParameterizedTest(name = "automine={0}")
    @ValueSource(booleans = {true, false})
    void crashBetweenBroadcastAndBookkeepingSettlesOnce(boolean automine) throws Exception {
        automine(automine);
        PendingWindow w = SettleContract.window(contract, 1, "payload".getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> broadcast = new AtomicReference<>();
        try (Submitter dying = submitter(fast().build())) {
            dying.afterBroadcast(intent -> {
                broadcast.set(intent.txHash());
                throw new IllegalStateException("simulated crash right after broadcast");
            });
            dying.start();
            dying.offer(w);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (dying.halted() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertNotNull(dying.halted(), "the crash hook never ran");
        }
        assertNotNull(broadcast.get());
        assertEquals(0, statuses.count(s -> s.state() == State.SUBMITTED), "bookkeeping ran before the crash");

        try (Submitter restarted = submitter(fast().build())) {
            restarted.start();
            restarted.offer(w);
            restarted.offer(w);
            WindowStatus done = statuses.await(is(State.CONFIRMED), WAIT, () -> anvil.mine(1));
            assertEquals(broadcast.get(), done.txHash(), "confirmed a transaction other than the one broadcast");
        }
        assertEquals(1, SettleContract.settlements(anvil, contract, w.id()));
        assertEquals(BigInteger.ONE, sentBySubmitter(), "the submitter's key sent more than one transaction");
        assertEquals(1, statuses.count(is(State.CONFIRMED)));
    }

    /** Automine off: the first transaction never gets mined, is replaced with >= 10% higher fees, then mined. */
    @Test
    void stuckTransactionIsReplacedWithHigherFeesAndMined() throws Exception {
        automine(false);
        PendingWindow w = SettleContract.window(contract, 2, new byte[] {1, 2, 3});
        SubmitterOptions options = fast().minPriorityFee(BigInteger.ONE).replaceAfter(Duration.ofMillis(800))
                .confirmations(1).build();
        List<String> signed = new CopyOnWriteArrayList<>();
        try (Submitter s = submitter(options)) {
            s.afterBroadcast(intent -> signed.add(intent.rawTx()));
            s.start();
            s.offer(w);
            WindowStatus first = statuses.await(st -> st.state() == State.SUBMITTED && st.txHash() != null, WAIT);
            WindowStatus replaced = statuses.await(st -> st.reason().startsWith("replaced"), WAIT);
            assertNotEquals(first.txHash(), replaced.txHash());
            anvil.mine(1);
            WindowStatus done = statuses.await(is(State.CONFIRMED), WAIT);
            assertNotEquals(first.txHash(), done.txHash(), "the underpriced original was mined");
            assertTrue(anvil.web3j().ethGetTransactionReceipt(first.txHash()).send().getTransactionReceipt().isEmpty());

            // The original left the pool when replaced: its fees come from the bytes that were signed.
            Transaction1559 original = (Transaction1559) TransactionDecoder.decode(signed.get(0)).getTransaction();
            Transaction mined = tx(done.txHash());
            assertEquals(original.getNonce(), mined.getNonce(), "a replacement must reuse the nonce");
            assertAtLeastTenPercentMore(original.getMaxFeePerGas(), mined.getMaxFeePerGas());
            assertAtLeastTenPercentMore(original.getMaxPriorityFeePerGas(), mined.getMaxPriorityFeePerGas());
            assertTrue(mined.getMaxFeePerGas().compareTo(CAP) <= 0);
        }
        // The journal: the header, an intent per signed transaction (same nonce), then the outcome.
        List<String> journal = Files.readAllLines(dir.resolve("journal"));
        assertEquals(SettlementJournal.HEADER, journal.get(0));
        List<String[]> intents = journal.stream().filter(l -> l.startsWith("I\t")).map(l -> l.split("\t")).toList();
        assertEquals(signed.size(), intents.size());
        assertTrue(intents.stream().allMatch(f -> f[3].equals("0")), "every intent uses nonce 0");
        String[] outcome = journal.get(journal.size() - 1).split("\t");
        assertEquals(List.of("O", w.id().hex(), "CONFIRMED"), List.of(outcome).subList(0, 3));
        assertEquals(1, SettleContract.settlements(anvil, contract, w.id()));
        assertEquals(BigInteger.ONE, sentBySubmitter());
    }

    private static void assertAtLeastTenPercentMore(BigInteger before, BigInteger after) {
        assertTrue(after.multiply(BigInteger.TEN).compareTo(before.multiply(BigInteger.valueOf(11))) >= 0,
                () -> after + " is not at least 10% above " + before);
    }

    /**
     * The transaction is mined, then the chain is reverted to a snapshot taken before it: the re-check after
     * the confirmations notices, the window is sent again and confirmed exactly once.
     */
    @Test
    void reorgBeforeConfirmationIsNoticedAndResubmitted() throws Exception {
        PendingWindow w = SettleContract.window(contract, 3, new byte[] {9});
        String snapshot = anvil.snapshot();
        try (Submitter s = submitter(fast().confirmations(3).build())) {
            s.start();
            s.offer(w);
            WindowStatus mined = statuses.await(st -> st.state() == State.SUBMITTED && st.block() != null, WAIT);
            assertTrue(anvil.revert(snapshot));
            assertEquals(0, SettleContract.settlements(anvil, contract, w.id()), "revert did not remove the tx");

            statuses.await(is(State.CONFIRMED), WAIT, () -> anvil.mine(1));
            assertEquals(1, statuses.count(st -> st.reason().startsWith("reorg")), statuses.describe());
            assertTrue(statuses.all().indexOf(mined) < statuses.all().size() - 1);
        }
        assertEquals(1, SettleContract.settlements(anvil, contract, w.id()));
        assertEquals(1, statuses.count(is(State.CONFIRMED)));
        assertEquals(BigInteger.ONE, sentBySubmitter());
    }

    /** The node goes away after start: the window fails, with a reason, after the configured retries. */
    @Test
    void unreachableNodeFailsWindowWithReason() {
        PendingWindow w = SettleContract.window(contract, 4, new byte[] {4});
        try (Submitter s = submitter(fast().build())) {
            s.start();
            anvil.close();
            s.offer(w);
            WindowStatus failed = statuses.await(is(State.FAILED), WAIT);
            assertTrue(failed.reason().contains("unreachable") && failed.reason().contains("failed 3 times"),
                    failed.reason());
            assertTrue(failed.reason().contains(anvil.rpcUrl()), failed.reason());
        }
        anvil = null;
    }

    @Test
    void wrongChainIdIsRefused() {
        try (Submitter s = submitter(SubmitterOptions.builder(1, CAP).build())) {
            SubmitterException e = assertThrows(SubmitterException.class, s::start);
            assertTrue(e.getMessage().contains("reports chain id 31337") && e.getMessage().contains("chain id 1;")
                    && e.getMessage().contains("refusing"), e.getMessage());
        }
        assertTrue(statuses.all().isEmpty());
        logs.close();
        logs = null;
    }

    /** Anvil's base fee starts at 1 gwei; with a cap of half that, the window waits and says why. */
    @Test
    void feeAboveCapWaits() throws Exception {
        PendingWindow capped = SettleContract.window(contract, 6, new byte[] {6});
        SubmitterOptions low = SubmitterOptions.builder(Anvil.CHAIN_ID, BigInteger.valueOf(500_000_000L))
                .batchSize(1).poll(Duration.ofMillis(100)).build();
        try (Submitter s = submitter(low)) {
            s.start();
            s.offer(capped);
            WindowStatus waiting = statuses.await(st -> st.reason().startsWith("fee above cap"), WAIT);
            assertEquals(State.PENDING, waiting.state());
            assertEquals(State.PENDING, s.status(capped.id()).orElseThrow().state());
        }
        assertEquals(BigInteger.ZERO, sentBySubmitter(), "a window above the fee cap was sent");
    }

    /**
     * With K = 3 and a long interval, two windows wait; the third sends all three, with consecutive nonces from
     * the local counter. With K large and a short interval, a single window goes out on the schedule.
     */
    @Test
    void windowsGoOutWhenKArePendingOrOnTheSchedule() throws Exception {
        List<PendingWindow> batch = List.of(SettleContract.window(contract, 10, new byte[] {10}),
                SettleContract.window(contract, 11, new byte[] {11}),
                SettleContract.window(contract, 12, new byte[] {12}));
        try (Submitter s = submitter(fast().batchSize(3).interval(Duration.ofHours(1)).build())) {
            s.start();
            s.offer(batch.get(0));
            s.offer(batch.get(1));
            statuses.await(st -> st.windowId().equals(batch.get(1).id()) && st.state() == State.PENDING, WAIT);
            Thread.sleep(500); // a few polls: nothing may go out with two of three pending
            assertEquals(0, statuses.count(is(State.SUBMITTED)), statuses.describe());
            assertEquals(BigInteger.ZERO, sentBySubmitter());
            s.offer(batch.get(2));
            for (PendingWindow w : batch) {
                statuses.await(st -> st.windowId().equals(w.id()) && st.state() == State.CONFIRMED, WAIT,
                        () -> anvil.mine(1));
            }
        }
        assertEquals(BigInteger.valueOf(3), sentBySubmitter());
        for (PendingWindow w : batch) {
            assertEquals(1, SettleContract.settlements(anvil, contract, w.id()));
        }
        PendingWindow alone = SettleContract.window(contract, 13, new byte[] {13});
        try (Submitter s = submitter(fast().batchSize(100).interval(Duration.ofMillis(300)).build())) {
            s.start();
            s.offer(alone);
            statuses.await(st -> st.windowId().equals(alone.id()) && st.state() == State.CONFIRMED, WAIT,
                    () -> anvil.mine(1));
        }
        assertEquals(BigInteger.valueOf(4), sentBySubmitter());
    }
}
