package io.foldline.chain.window;

import io.foldline.aggregation.DeciderCircuit;
import io.foldline.aggregation.RelaxedR1cs;
import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.aggregation.WindowProver;
import io.foldline.circuits.onnx.OnnxImporter;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.quant.ModelCircuit;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.quant.Quantizer;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixture model of the circuits module as the window tests see it: its window keys on an insecure test ptau,
 * written to a folder (the verifier reads only verification_key.json and window_vk.bin), and window proofs over
 * its test rows, cycled when a window is longer than the test split (salt row + 1; the tag of request id
 * {@code <model>-test-<row>}, a full 32-byte word as the job's request tags are: Keccak-256 of the id mod r).
 * Keys and proofs are made once per test JVM and model; times are printed. With
 * {@code -Dfoldline.windowCache=<dir>} they are also kept in {@code <dir>/<model>} and reused by later runs (for
 * iterating on the contract; delete the folder when the aggregation code changes).
 */
final class ModelWindows {
    private static final Map<String, ModelWindows> BY_MODEL = new HashMap<>();

    final String model;

    final ModelCircuit.Compiled compiled;
    final ModelInputs.Dataset test;
    final WindowKeys keys;
    final Path keysDir;
    private final Path proofDir;
    private final Map<Integer, WindowProof> proofs = new HashMap<>();

    private ModelWindows(String model) {
        this.model = model;
        try {
            Path models = models();
            var f = OnnxImporter.load(models.resolve(model + ".onnx"));
            var cal = ModelInputs.readDataset(models.resolve(model + ".calibration.json"));
            QuantizedModel q = Quantizer.calibrate(f, cal.inputs(), QuantizerOptions.DEFAULTS).model();
            compiled = ModelCircuit.compile(q);
            test = ModelInputs.readDataset(models.resolve(model + ".test.json"));
            String cache = System.getProperty("foldline.windowCache", "");
            Path dir = cache.isBlank() ? Files.createTempDirectory("foldline-chain-window-")
                    : Path.of(cache).resolve(model);
            if (cache.isBlank()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            }
            keysDir = dir.resolve("keys");
            proofDir = dir;
            if (Files.isRegularFile(keysDir.resolve(WindowKeys.COMMITMENT_KEY))) {
                keys = WindowKeys.load(keysDir, compiled.circuit().r1cs());
                System.out.printf("%s: window keys from %s%n", model, keysDir);
                return;
            }
            Files.createDirectories(dir);
            var decider = DeciderCircuit.compile(new RelaxedR1cs(compiled.circuit().r1cs()));
            int rows = decider.nConstraints() + decider.r1cs().nPublic() + 1;
            int power = 32 - Integer.numberOfLeadingZeros(rows - 1);
            Path ptau = dir.resolve("pot" + power + ".ptau");
            long t0 = System.nanoTime();
            TestPowersOfTau.write(ptau, power, "chain window test " + model);
            keys = WindowKeys.setup(compiled.circuit().r1cs(), ptau, line -> { });
            keys.write(keysDir);
            Files.delete(ptau);
            System.out.printf("%s: test ptau and window setup %.1f s%n", model, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized ModelWindows of(String model) {
        return BY_MODEL.computeIfAbsent(model, ModelWindows::new);
    }

    /** The window proof of test rows {@code 0 .. n-1} (modulo the test split's size). */
    synchronized WindowProof window(int n) {
        return proofs.computeIfAbsent(n, size -> {
            Path file = proofDir.resolve("window-" + size + ".proof");
            if (Files.isRegularFile(file)) {
                return WindowProofFile.read(file);
            }
            List<Witness> witnesses = new ArrayList<>(size);
            for (int row = 0; row < size; row++) {
                witnesses.add(witness(row));
            }
            long t0 = System.nanoTime();
            WindowProof p = new WindowProver(keys).prove(witnesses, new SplittableRandom(size),
                    WindowProver.Progress.NONE);
            System.out.printf("%s: window of %d proved in %.1f s%n", model, size, (System.nanoTime() - t0) / 1e9);
            WindowProofFile.write(p, file);
            return p;
        });
    }

    private Witness witness(int row) {
        int at = row % test.inputs().size();
        long[] xq = compiled.model().quantizeInput(test.inputs().get(at), model + ".test.json row " + at);
        byte[] id = (model + "-test-" + row).getBytes(StandardCharsets.UTF_8);
        Fr tag = Fr.reduce(new BigInteger(1, Keccak256.digest(id)));
        return ModelWitness.compute(compiled, xq, Fr.of(row + 1), tag).witness();
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** Tests run in the chain module's folder; the fixture models belong to the circuits module beside it. */
    private static Path models() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../circuits/src/test/resources/models")
                .normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixture models not found at " + dir);
        }
        return dir;
    }
}
