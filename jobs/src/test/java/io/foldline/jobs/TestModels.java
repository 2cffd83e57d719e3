package io.foldline.jobs;

import io.foldline.aggregation.DeciderCircuit;
import io.foldline.aggregation.RelaxedR1cs;
import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.cli.Console;
import io.foldline.cli.ModelCommands;
import io.foldline.jobs.model.ModelSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The digits MLP fixture compiled for the job's tests, with an insecure test proving key when asked. */
final class TestModels {
    static final String DIGITS = "digits_mlp";
    static final Path FIXTURES = Path.of("../circuits/src/test/resources/models");

    private TestModels() {
    }

    /** Compiles digits_mlp under {@code dir} (once per folder) and, with {@code withKey}, sets up its zkey. */
    static ModelSpec digits(Path dir, boolean withKey) {
        Path out = dir.resolve(DIGITS);
        Path zkey = dir.resolve(DIGITS + ".zkey");
        if (!Files.isDirectory(out)) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            ModelCommands.compile(FIXTURES.resolve(DIGITS + ".onnx"), FIXTURES.resolve(DIGITS + ".calibration.json"),
                    QuantizerOptions.DEFAULTS, out, false, new Console(quiet, quiet, true));
        }
        if (withKey && !Files.exists(zkey)) {
            R1cs r1cs = ModelPackage.load(out).compiled().circuit().r1cs();
            long v = (long) r1cs.nConstraints() + r1cs.nPublic();
            int power = 64 - Long.numberOfLeadingZeros(v);
            Path ptau = dir.resolve("pot" + power + ".ptau");
            TestPowersOfTau.write(ptau, power, "foldline-jobs-test");
            ZkeyFile.write(Setup.newZkey(r1cs, ModelPackage.CIRCUIT, ptau, s -> { }), zkey);
        }
        return new ModelSpec(DIGITS, out.toString(), zkey.toString());
    }

    /**
     * The window keys of digits_mlp (compiled under {@code dir} by {@link #digits}) under {@code dir}, once per
     * folder, on an insecure test ptau of the power its decider circuit needs. About a minute on a small machine.
     */
    static Path digitsWindowKeys(Path dir, ModelSpec spec) {
        Path keys = dir.resolve(DIGITS + ".window-keys");
        if (!Files.isRegularFile(keys.resolve(WindowKeys.WINDOW_VK))) {
            R1cs r1cs = ModelPackage.load(Path.of(spec.dir())).compiled().circuit().r1cs();
            CompiledCircuit decider = DeciderCircuit.compile(new RelaxedR1cs(r1cs));
            int rows = decider.nConstraints() + decider.r1cs().nPublic() + 1;
            int power = 32 - Integer.numberOfLeadingZeros(rows - 1);
            Path ptau = dir.resolve("window-pot" + power + ".ptau");
            TestPowersOfTau.write(ptau, power, "foldline-jobs-window-test");
            WindowKeys.setup(r1cs, ptau, s -> { }).write(keys);
        }
        return keys;
    }

    /** The digits test split: 360 rows of 64 values in [0, 1]. */
    static List<double[]> digitsRows() {
        return ModelInputs.readDataset(FIXTURES.resolve(DIGITS + ".test.json")).inputs();
    }
}
