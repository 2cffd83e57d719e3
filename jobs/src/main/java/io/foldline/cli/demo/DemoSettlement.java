package io.foldline.cli.demo;

import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.submit.PasswordSource;
import io.foldline.chain.submit.PendingWindow;
import io.foldline.chain.submit.SettledCheck;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.SubmitterOptions;
import io.foldline.chain.submit.WindowId;
import io.foldline.chain.submit.WindowStatus;
import io.foldline.chain.window.WindowCalldata;
import io.foldline.chain.window.WindowVerifierSolidity;
import io.foldline.cli.Console;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/**
 * The demo's last step: the folded windows settle on a local anvil. It generates the model's WindowVerifier
 * from the window keys, compiles it with solc-js, deploys it, and hands every FOLDED window to the product's
 * {@link Submitter} (an encrypted keystore of anvil's public dev key #0, a journal in the run folder, one
 * confirmation because anvil mines at once). Prints the gas per window and per inference.
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

    static Result settle(List<WindowProof> windows, Path windowKeys, Path runDir, Console out) throws Exception {
        List<WindowProof> folded = windows.stream().filter(w -> w.getKind() == WindowKind.FOLDED).toList();
        out.progress("settling %d folded windows on a local anvil ...", folded.size());
        SUBMITTER_LOG.setLevel(Level.WARNING);
        Compiled contract = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile(
                "WindowVerifier.sol", WindowVerifierSolidity.generate(windowKeys), WindowVerifierSolidity.CONTRACT_NAME);
        try (Anvil anvil = Anvil.start()) {
            Credentials dev = anvil.devKey(0);
            Evm.Deployed deployed = anvil.evm().deploy(dev, contract);
            out.progress("  WindowVerifier deployed at %s (%d bytes of code, %d gas)", deployed.address(),
                    contract.runtimeBytes(), deployed.gasUsed());
            Map<WindowId, WindowStatus> done = new ConcurrentHashMap<>();
            Map<WindowId, Integer> sizes = new ConcurrentHashMap<>();
            SubmitterOptions options = SubmitterOptions.builder(anvil.chainId(), BigInteger.valueOf(100_000_000_000L))
                    .confirmations(1).batchSize(Math.max(1, folded.size())).interval(Duration.ofSeconds(1))
                    .poll(Duration.ofMillis(200)).build();
            try (Submitter submitter = Submitter.open(anvil.rpcUrl(), keystore(dev, runDir.resolve("keystore")),
                    runDir.resolve("settlement.journal"), SettledCheck.viewFunction("isSettled"), options,
                    s -> {
                        if (s.state() == WindowStatus.State.CONFIRMED || s.state() == WindowStatus.State.FAILED) {
                            done.put(s.windowId(), s);
                        }
                    })) {
                submitter.start();
                for (WindowProof w : folded) {
                    byte[] proof = bytes(w.getFoldedProof());
                    WindowId id = WindowId.of(Receipts.windowId(w.getWindowId()));
                    sizes.put(id, w.getInferences().size());
                    submitter.offer(new PendingWindow(id, deployed.address(), WindowCalldata.encode(id.bytes(),
                            WindowProofFile.decode(proof, "window " + w.getWindowId()))));
                }
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (done.size() < folded.size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
            return result(anvil, sizes, done, out);
        }
    }

    private static Result result(Anvil anvil, Map<WindowId, Integer> sizes, Map<WindowId, WindowStatus> done,
                                 Console out) throws IOException {
        List<long[]> gas = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<WindowId, Integer> e : sizes.entrySet()) {
            WindowStatus s = done.get(e.getKey());
            if (s == null || s.state() != WindowStatus.State.CONFIRMED) {
                failed.add(e.getKey() + ": " + (s == null ? "no confirmation within " + WAIT.toMinutes() + " min"
                        : s.reason()));
                continue;
            }
            long used = anvil.web3j().ethGetTransactionReceipt(s.txHash()).send().getTransactionReceipt()
                    .orElseThrow().getGasUsed().longValueExact();
            gas.add(new long[] {e.getValue(), used});
            out.progress("  window of %3d settled in block %s: %,d gas (%,d per inference)", e.getValue(),
                    s.block(), used, used / e.getValue());
        }
        return new Result(gas, failed);
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
