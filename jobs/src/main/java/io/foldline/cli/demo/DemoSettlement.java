package io.foldline.cli.demo;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.submit.PasswordSource;
import io.foldline.chain.submit.SettledCheck;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.SubmitterOptions;
import io.foldline.chain.window.WindowVerifierSolidity;
import io.foldline.cli.Console;
import io.foldline.jobs.kafka.Topics;
import io.foldline.jobs.settle.SettlementService;
import io.foldline.schemas.Settlement;
import io.foldline.schemas.SettlementStatus;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.NewTopic;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/**
 * The demo's last step: the folded windows settle on a local anvil the way a deployment settles them. It
 * generates the model's WindowVerifier from the window keys, compiles it with solc-js, deploys it, and runs the
 * product's {@link SettlementService} on the run's window-proofs topic: every FOLDED window goes through the
 * {@link Submitter} (an encrypted keystore of anvil's public dev key #0, a journal in the run folder, one
 * confirmation because anvil mines at once), and its status, settlement and receipts go to the run's topics.
 * Prints the gas per window and per inference.
 */
final class DemoSettlement {
    /** What settled: per window its size and gas, and the windows that did not confirm. */
    record Result(List<long[]> sizeAndGas, List<String> failed) {
        long totalGas() {
            return sizeAndGas.stream().mapToLong(g -> g[1]).sum();
        }

        long totalInferences() {
            return sizeAndGas.stream().mapToLong(g -> g[0]).sum();
        }
    }

    private static final Duration WAIT = Duration.ofMinutes(3);
    /** The submitter logs every status through java.util.logging; the demo prints its own lines instead. */
    private static final Logger SUBMITTER_LOG = Logger.getLogger("io.foldline.chain.submit");

    private DemoSettlement() {
    }

    static Result settle(String bootstrap, DemoTopics topics, String modelId, int foldedWindows, Path windowKeys,
                         Path runDir, Console out) throws Exception {
        out.progress("settling %d folded windows on a local anvil through the settlement service ...", foldedWindows);
        SUBMITTER_LOG.setLevel(Level.WARNING);
        Compiled contract = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile(
                "WindowVerifier.sol", WindowVerifierSolidity.generate(windowKeys), WindowVerifierSolidity.CONTRACT_NAME);
        Topics.create(bootstrap, List.of(new NewTopic(topics.settlements(), 1, (short) 1),
                new NewTopic(topics.receipts(), 1, (short) 1), new NewTopic(topics.statuses(), 1, (short) 1),
                new NewTopic(topics.settleDeadLetters(), 1, (short) 1)), Duration.ofSeconds(60));
        try (Anvil anvil = Anvil.start()) {
            Credentials dev = anvil.devKey(0);
            Evm.Deployed deployed = anvil.evm().deploy(dev, contract);
            out.progress("  WindowVerifier deployed at %s (%d bytes of code, %d gas)", deployed.address(),
                    contract.runtimeBytes(), deployed.gasUsed());
            SettlementService.Config cfg = new SettlementService.Config(bootstrap, topics.windowProofs(),
                    topics.settlements(), topics.receipts(), topics.statuses(), topics.settleDeadLetters(),
                    topics.groupId() + "-settler", topics.transactionalIdPrefix() + "-settler",
                    Map.of(modelId, deployed.address()), anvil.chainId());
            SubmitterOptions options = SubmitterOptions.builder(anvil.chainId(), BigInteger.valueOf(100_000_000_000L))
                    .confirmations(1).batchSize(Math.max(1, foldedWindows)).interval(Duration.ofSeconds(1))
                    .poll(Duration.ofMillis(200)).build();
            List<long[]> gas = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            SettlementService.Outcomes collect = new SettlementService.Outcomes() {
                @Override
                public void settled(Settlement s) {
                    long used = s.getGasUsed() == null ? 0 : s.getGasUsed();
                    gas.add(new long[] {s.getSize(), used});
                    out.progress("  window of %3d settled in block %s: %,d gas (%,d per inference)", s.getSize(),
                            s.getBlock(), used, used / s.getSize());
                }

                @Override
                public void failed(SettlementStatus s) {
                    failed.add(s.getWindowId() + ": " + s.getReason());
                }
            };
            long deadline = System.nanoTime() + WAIT.toNanos();
            try (SettlementService service = new SettlementService(cfg, anvil.evm(), collect);
                 Submitter submitter = Submitter.open(anvil.rpcUrl(), keystore(dev, runDir.resolve("keystore")),
                         runDir.resolve("settlement.journal"), SettledCheck.viewFunction("isSettled"), options,
                         service.listener())) {
                submitter.start();
                service.run(submitter, () -> gas.size() + failed.size() < foldedWindows
                        && System.nanoTime() < deadline, null);
            }
            if (gas.size() + failed.size() < foldedWindows) {
                failed.add((foldedWindows - gas.size() - failed.size()) + " windows: no outcome within "
                        + WAIT.toMinutes() + " min");
            }
            out.progress("  statuses, settlements and %d receipts written to %s, %s, %s", gas.stream()
                    .mapToLong(g -> g[0]).sum(), topics.statuses(), topics.settlements(), topics.receipts());
            return new Result(gas, failed);
        }
    }

    /**
     * An encrypted keystore of {@code key} with a random password kept in a file beside it: the submitter
     * takes keys only from keystores. (Anvil's dev keys are public; a real deployment brings its own.)
     */
    private static SigningKey keystore(Credentials key, Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] pw = new byte[16];
        new SecureRandom().nextBytes(pw);
        Path password = dir.resolve("password");
        Files.writeString(password, HexFormat.of().formatHex(pw));
        String file = WalletUtils.generateWalletFile(Files.readString(password), key.getEcKeyPair(), dir.toFile(),
                false);
        return SigningKey.fromKeystore(dir.resolve(file), PasswordSource.fromFile(password));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
