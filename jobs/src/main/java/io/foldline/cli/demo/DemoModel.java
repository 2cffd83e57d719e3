package io.foldline.cli.demo;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.AtomicFolder;
import io.foldline.cli.Console;
import io.foldline.cli.WindowCommands;
import io.foldline.cli.ModelCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The model the demo serves: a fixture model compiled ({@code foldline model compile}) into a cached folder
 * with an insecure test proving key ({@code powersoftau new} + {@code groth16 setup}), made once and reused.
 * A folded model also gets its window keys ({@code foldline window setup}, again on an insecure test ptau).
 * {@link #jobSettings} is the one place where the model's entry in the job's configuration is written.
 *
 * <p>Cache layout: {@code <cache>/<id>/model/} (the compiled-model folder), {@code <cache>/<id>/<id>.zkey},
 * {@code <cache>/<id>/window/} (the window keys).
 */
public record DemoModel(String id, Path fixtures, Path dir, Path zkey, Path windowKeys, boolean folded) {
    public static final String DIGITS = "digits_mlp";

    /**
     * The fixture {@code id} from {@code fixtures}, cached under {@code cache/id}; {@code folded}: windows are
     * folded into one decider proof (window keys made once), else BATCH windows of Groth16 proofs.
     */
    public static DemoModel of(String id, Path fixtures, Path cache, boolean folded) {
        Path home = cache.resolve(id);
        return new DemoModel(id, fixtures, home.resolve("model"), home.resolve(id + ".zkey"), home.resolve("window"),
                folded);
    }

    /** Compiles the model and sets up its key where either is missing; a no-op on a warm cache. */
    public DemoModel prepare(Console out) throws IOException {
        Path onnx = fixtures.resolve(id + ".onnx");
        if (!Files.isRegularFile(onnx)) {
            throw new FormatException(onnx + ": no such fixture model (the demo runs from a "
                    + "checkout of the repository; set -Dfoldline.root)");
        }
        Files.createDirectories(dir.getParent());
        if (!Files.isDirectory(dir)) {
            out.progress("compiling %s into %s (once) ...", id, dir);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            ModelCommands.compile(onnx, fixtures.resolve(id + ".calibration.json"), QuantizerOptions.DEFAULTS, dir,
                    true, new Console(quiet, quiet, true)); // all or nothing, as 'model compile' writes
        }
        if (!Files.isRegularFile(zkey)) {
            R1cs r1cs = ModelPackage.load(dir).compiled().circuit().r1cs();
            long needed = (long) r1cs.nConstraints() + r1cs.nPublic();
            int power = 64 - Long.numberOfLeadingZeros(needed);
            out.progress("Groth16 setup of %s: %d constraints, INSECURE test powers of tau 2^%d (once) ...", id,
                    r1cs.nConstraints(), power);
            Path ptau = zkey.resolveSibling("pot" + power + "_test.ptau");
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            TestPowersOfTau.write(ptau, power, HexFormat.of().formatHex(seed));
            Path tmp = zkey.resolveSibling(id + ".zkey.tmp");
            ZkeyFile.write(Setup.newZkey(r1cs, ModelPackage.CIRCUIT, ptau, s -> { }), tmp);
            Files.move(tmp, zkey, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(ptau); // its secrets derive from the seed, which is gone: nothing else may use it
        }
        if (folded && !Files.isRegularFile(windowKeys.resolve(WindowKeys.WINDOW_VK))) {
            setupWindowKeys(out);
        }
        return this;
    }

    private void setupWindowKeys(Console out) throws IOException {
        R1cs r1cs = ModelPackage.load(dir).compiled().circuit().r1cs();
        WindowCommands.DeciderSize size = WindowCommands.deciderSize(r1cs);
        out.progress("window keys of %s: decider %d constraints, INSECURE test powers of tau 2^%d (once, a minute "
                + "or two) ...", id, size.constraints(), size.power());
        Path ptau = windowKeys.resolveSibling("pot" + size.power() + "_window_test.ptau");
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        TestPowersOfTau.write(ptau, size.power(), HexFormat.of().formatHex(seed));
        WindowKeys keys = WindowKeys.setup(r1cs, ptau, line -> out.progress("  %s", line));
        Files.delete(ptau);
        AtomicFolder.write(windowKeys, keys::write, () -> { });
    }

    /** The model's entry in the job's configuration, as {@code --key value} flags of {@code JobConfig}. */
    public List<String> jobSettings() {
        String key = "--models." + id;
        List<String> flags = new ArrayList<>(List.of(key + ".dir", dir.toAbsolutePath().toString(),
                key + ".zkey", zkey.toAbsolutePath().toString()));
        if (folded) {
            flags.addAll(List.of(key + ".window-keys", windowKeys.toAbsolutePath().toString()));
        }
        return flags;
    }

    /** The fixture's test split: the inputs the demo sends. */
    public List<double[]> testRows() {
        return ModelInputs.readDataset(fixtures.resolve(id + ".test.json")).inputs();
    }
}
