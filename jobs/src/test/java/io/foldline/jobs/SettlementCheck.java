package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.evm.Tools;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.submit.PasswordSource;
import io.foldline.chain.submit.SettledCheck;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.SubmitterOptions;
import io.foldline.chain.window.WindowVerifierSolidity;
import io.foldline.chain.window.WindowVerifierViews;
import io.foldline.jobs.kafka.Topics;
import io.foldline.jobs.settle.SettlementService;
import io.foldline.jobs.settle.SettlementServiceHooks;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.Receipt;
import io.foldline.schemas.Settlement;
import io.foldline.schemas.SettlementState;
import io.foldline.schemas.SettlementStatus;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The settlement service over a window-proofs topic the job wrote, on a real anvil with the model's generated
 * WindowVerifier: the first run crashes after the chain confirmed a window and before its Kafka transaction
 * commits; a restart with the same group and journal finishes. Then every FOLDED window has exactly one
 * settlement, every inference exactly one receipt that {@code isVerified} accepts on chain, the key sent exactly
 * one transaction per window, and the records that cannot settle got a FAILED status or a dead letter.
 */
final class SettlementCheck {
    private static final String PASSWORD = "settlement-check-not-a-secret";

    private SettlementCheck() {
    }

    /** Skips (or fails with -Dfoldline.requireInterop=true) when anvil, node or solc-js are missing. */
    static void requireChainTools() {
        String missing = Tools.missing();
        if (missing != null) {
            if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
                Assertions.fail("chain tools: " + missing + " (-Dfoldline.requireInterop=true)");
            }
            Assumptions.abort("chain tools: " + missing);
        }
    }

    static void settleAndCheck(String bootstrap, String name, Path windowKeys, Path dir,
                               List<ConsumerRecord<byte[], byte[]>> windows) throws Exception {
        String in = name + "-window-proofs";
        Topics.create(bootstrap, List.of(new NewTopic(name + "-settlements", 1, (short) 1),
                new NewTopic(name + "-receipts", 2, (short) 1), new NewTopic(name + "-statuses", 1, (short) 1),
                new NewTopic(name + "-settle-dead", 1, (short) 1)), Duration.ofSeconds(60));
        List<WindowProof> folded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : windows) {
            folded.add(AvroBinary.decode(r.value(), WindowProof.class));
        }
        byte[] junk = {0x01, 0x02, 0x03, (byte) 0xfe};
        WindowProof sample = folded.get(0);
        appendBadRecords(bootstrap, in, sample, junk);

        Compiled verifier = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile("WindowVerifier.sol",
                WindowVerifierSolidity.generate(windowKeys), WindowVerifierSolidity.CONTRACT_NAME);
        try (Anvil anvil = Anvil.start()) {
            String contract = anvil.evm().deploy(anvil.devKey(1), verifier).address();
            Credentials submitterKey = anvil.devKey(0);
            SigningKey key = keystore(submitterKey, dir.resolve("settle-keystore"));
            SettlementService.Config cfg = new SettlementService.Config(bootstrap, in, name + "-settlements",
                    name + "-receipts", name + "-statuses", name + "-settle-dead", name + "-settler", name + "-settler",
                    Map.of(sample.getModelId(), contract), anvil.chainId());
            Path journal = dir.resolve("settle.journal");
            SettlementService.Config noReceipts = new SettlementService.Config(bootstrap, in, cfg.settlements(),
                    name + "-nowhere", cfg.statuses(), cfg.deadLetters(), cfg.groupId(), cfg.transactionalId(),
                    cfg.contractByModel(), cfg.chainId());
            try (SettlementService s = new SettlementService(noReceipts, anvil.evm(), SettlementService.Outcomes.NONE)) {
                JobSetupException e = assertThrows(JobSetupException.class, () -> s.run(null, () -> true, null));
                assertTrue(e.getMessage().startsWith("topic " + name + "-nowhere missing on the broker"), e.getMessage());
            }

            AtomicBoolean crashed = new AtomicBoolean();
            IllegalStateException crash = assertThrows(IllegalStateException.class, () -> run(anvil, key, journal, cfg,
                    service -> SettlementServiceHooks.beforeCommit(service, out -> {
                        boolean settlement = out.stream().anyMatch(r -> r.topic().equals(cfg.settlements()));
                        if (settlement && crashed.compareAndSet(false, true)) {
                            throw new IllegalStateException("injected crash after a confirmation");
                        }
                    })));
            assertTrue(crashed.get(), "the first run never reached a confirmed window: " + crash.getMessage());
            run(anvil, key, journal, cfg, service -> { });

            checkSettlements(bootstrap, cfg, folded);
            checkReceipts(bootstrap, cfg, folded, anvil, contract);
            checkRefusals(bootstrap, cfg, junk);
            BigInteger nonce = anvil.web3j().ethGetTransactionCount(submitterKey.getAddress(),
                    DefaultBlockParameterName.LATEST).send().getTransactionCount();
            assertEquals(folded.size(), nonce.intValueExact(), "one transaction per window, none twice");
        }
    }

    private interface Setup {
        void apply(SettlementService service);
    }

    private static void run(Anvil anvil, SigningKey key, Path journal, SettlementService.Config cfg, Setup setup) {
        SubmitterOptions options = SubmitterOptions.builder(anvil.chainId(), BigInteger.valueOf(100_000_000_000L))
                .confirmations(1).batchSize(1).interval(Duration.ofSeconds(1)).poll(Duration.ofMillis(200)).build();
        try (SettlementService service = new SettlementService(cfg, anvil.evm(), SettlementService.Outcomes.NONE);
             Submitter submitter = Submitter.open(anvil.rpcUrl(), key, journal, SettledCheck.viewFunction("isSettled"),
                     options, service.listener())) {
            setup.apply(service);
            submitter.start();
            service.run(submitter, () -> true, Duration.ofSeconds(5));
        }
    }

    /** Junk bytes, a BATCH window, a window of a model without a deployment, one whose inference was changed. */
    private static void appendBadRecords(String bootstrap, String topic, WindowProof sample, byte[] junk) throws Exception {
        WindowProof batch = WindowProof.newBuilder(sample).setWindowId("bad/batch").setKind(WindowKind.BATCH)
                .setFoldedProof(null).build();
        WindowProof unknown = WindowProof.newBuilder(sample).setWindowId("bad/unknown").setModelId("no_such_model")
                .build();
        List<ProvenInference> changed = new ArrayList<>(sample.getInferences());
        ProvenInference first = changed.get(0);
        List<Long> outputs = new ArrayList<>(first.getOutputs());
        outputs.set(0, outputs.get(0) + 1);
        changed.set(0, ProvenInference.newBuilder(first).setOutputs(outputs).build());
        WindowProof tampered = WindowProof.newBuilder(sample).setWindowId("bad/tampered").setInferences(changed).build();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Topics.orderedProducer(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, utf8("junk"), junk)).get();
            for (WindowProof w : List.of(batch, unknown, tampered)) {
                p.send(new ProducerRecord<>(topic, utf8(w.getWindowId()), AvroBinary.encode(w))).get();
            }
        }
    }

    private static void checkSettlements(String bootstrap, SettlementService.Config cfg, List<WindowProof> folded)
            throws Exception {
        Map<String, Settlement> byWindow = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readCommitted(bootstrap, cfg.settlements())) {
            Settlement s = AvroBinary.decode(r.value(), Settlement.class);
            assertEquals(null, byWindow.put(s.getWindowId(), s), "two settlements of " + s.getWindowId());
        }
        assertEquals(folded.size(), byWindow.size(), "one settlement per folded window: " + byWindow.keySet());
        for (WindowProof w : folded) {
            Settlement s = byWindow.get(w.getWindowId());
            assertNotNull(s, w.getWindowId() + " not settled");
            assertEquals(w.getInferences().size(), s.getSize());
            assertArrayEquals(InferenceProverTest.bytes(w.getReceiptsRoot()), InferenceProverTest.bytes(s.getReceiptsRoot()));
            assertNotNull(s.getTxHash(), w.getWindowId() + ": no transaction");
            assertTrue(s.getGasUsed() != null && s.getGasUsed() > 0, w.getWindowId() + ": no gas");
            System.out.printf("settled %s: %d inferences, block %d, %,d gas (%,d per inference)%n", w.getWindowId(),
                    s.getSize(), s.getBlock(), s.getGasUsed(), s.getGasUsed() / s.getSize());
        }
    }

    private static void checkReceipts(String bootstrap, SettlementService.Config cfg, List<WindowProof> folded,
                                      Anvil anvil, String contract) throws Exception {
        Map<String, Receipt> byRequest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readCommitted(bootstrap, cfg.receipts())) {
            Receipt rc = AvroBinary.decode(r.value(), Receipt.class);
            assertEquals(rc.getRequestId(), new String(r.key(), StandardCharsets.UTF_8));
            assertEquals(null, byRequest.put(rc.getRequestId(), rc), "two receipts for " + rc.getRequestId());
        }
        int n = 0;
        for (WindowProof w : folded) {
            byte[] root = InferenceProverTest.bytes(w.getReceiptsRoot());
            for (int i = 0; i < w.getInferences().size(); i++, n++) {
                Receipt rc = byRequest.get(w.getInferences().get(i).getRequestId());
                assertNotNull(rc, "no receipt for " + w.getInferences().get(i).getRequestId());
                assertEquals(w.getWindowId(), rc.getWindowId());
                assertEquals(i, rc.getIndex());
                assertEquals(contract.toLowerCase(), rc.getContract().toLowerCase());
                byte[] leaf = InferenceProverTest.bytes(rc.getLeaf());
                List<byte[]> path = rc.getPath().stream().map(InferenceProverTest::bytes).toList();
                assertTrue(Receipts.verify(root, leaf, i, path), rc.getRequestId() + ": path does not reach the root");
                assertTrue(isVerified(anvil, contract, InferenceProverTest.bytes(rc.getWindowKey()), leaf, i, path),
                        rc.getRequestId() + ": isVerified false on chain");
                if (i == 0) {
                    leaf[31] ^= 1;
                    assertTrue(!isVerified(anvil, contract, InferenceProverTest.bytes(rc.getWindowKey()), leaf, i, path),
                            "a changed leaf must not verify");
                }
            }
        }
        assertEquals(n, byRequest.size(), "one receipt per inference, no other");
    }

    private static void checkRefusals(String bootstrap, SettlementService.Config cfg, byte[] junk) throws Exception {
        Map<String, SettlementStatus> failed = new HashMap<>();
        Set<String> confirmed = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readCommitted(bootstrap, cfg.statuses())) {
            SettlementStatus s = AvroBinary.decode(r.value(), SettlementStatus.class);
            if (s.getState() == SettlementState.FAILED) {
                failed.put(s.getWindowId(), s);
            } else if (s.getState() == SettlementState.CONFIRMED) {
                assertTrue(confirmed.add(s.getWindowId()), "CONFIRMED twice for " + s.getWindowId());
            }
        }
        assertEquals(Set.of("bad/batch", "bad/unknown", "bad/tampered"), failed.keySet());
        assertTrue(failed.get("bad/batch").getReason().contains("BATCH"), failed.get("bad/batch").getReason());
        assertTrue(failed.get("bad/unknown").getReason().contains("no_such_model"), failed.get("bad/unknown").getReason());
        assertTrue(failed.get("bad/tampered").getReason().contains("does not match instance 0"),
                failed.get("bad/tampered").getReason());
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readCommitted(bootstrap, cfg.deadLetters());
        assertEquals(1, dead.size(), "one dead letter: the junk record");
        DeadLetter d = AvroBinary.decode(dead.get(0).value(), DeadLetter.class);
        assertEquals(DeadLetterReason.UNDECODABLE, d.getReason());
        assertArrayEquals(junk, InferenceProverTest.bytes(d.getOriginal()));
        assertEquals(cfg.windowProofs(), d.getSourceTopic());
    }

    private static boolean isVerified(Anvil anvil, String contract, byte[] windowKey, byte[] leaf, int index,
                                      List<byte[]> path) {
        return WindowVerifierViews.isVerified(anvil.evm(), contract, windowKey, leaf, index, path);
    }

    private static SigningKey keystore(Credentials key, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path password = dir.resolve("password");
        Files.writeString(password, PASSWORD);
        String file = WalletUtils.generateWalletFile(PASSWORD, key.getEcKeyPair(), dir.toFile(), false);
        return SigningKey.fromKeystore(dir.resolve(file), PasswordSource.fromFile(password));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
