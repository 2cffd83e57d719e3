package io.foldline.jobs;

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

    /** The digits test split: 360 rows of 64 values in [0, 1]. */
    static List<double[]> digitsRows() {
        return ModelInputs.readDataset(FIXTURES.resolve(DIGITS + ".test.json")).inputs();
    }
}
