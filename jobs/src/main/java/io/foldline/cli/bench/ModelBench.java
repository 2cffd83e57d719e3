package io.foldline.cli.bench;

import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.quant.InputSpec;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.cli.Console;
import io.foldline.cli.ModelCommands;
import io.foldline.cli.NodeOracle;
import io.foldline.cli.UsageException;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code foldline bench model}: per compiled model, its constraints, compile time, witness time (quantize
 * and solve, mean over up to 20 inputs after one warm-up), Groth16 setup on an insecure test powers of tau,
 * prove time (mean of 5 after one warm-up) and, when snarkjs is installed, {@code snarkjs groth16 prove}
 * on the same .zkey and .wtns. Without folders it compiles the fixture models (those with a labelled test
 * split, and the 784-56-10 MLP) and uses their test rows; a given folder gets random in-range inputs.
 */
final class ModelBench {
    static final String MNIST = "mnist_784_56_10";
    private static final int WITNESS_INPUTS = 20;
    private static final int PROOFS = 5;

    private final Console console;
    private final Path work;
    private final NodeOracle snarkjs = NodeOracle.find();

    ModelBench(Console console, Path work) {
        this.console = console;
        this.work = work;
    }

    /** A model to measure: its package, inputs for it, and its compile time (NaN when given compiled). */
    private record Target(ModelPackage pkg, List<double[]> inputs, double compileSeconds) {
    }

    void run(List<Path> dirs) throws Exception {
        List<Target> targets = dirs.isEmpty() ? fixtures() : given(dirs);
        console.println("| model | constraints | compile | witness (mean, up to " + WITNESS_INPUTS
                + " inputs) | groth16 setup | prove (foldline, mean of " + PROOFS + ") | snarkjs prove | ratio |");
        console.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Target t : targets) {
            measure(t);
        }
        if (snarkjs == null) {
            console.println("(snarkjs not installed: bash infra/install-test-tools.sh adds the comparison)");
        }
    }

    private List<Target> fixtures() throws Exception {
        Path models = NodeOracle.root().resolve("circuits/src/test/resources/models");
        if (!Files.isDirectory(models)) {
            throw new UsageException(models + ": no fixture models there; run from the repository "
                    + "(-Dfoldline.root) or name compiled model folders");
        }
        List<Target> out = new ArrayList<>();
        for (String name : fixtureNames(models)) {
            Path onnx = models.resolve(name + ".onnx");
            Path dir = work.resolve(name);
            double[] seconds = new double[1];
            ModelPackage[] pkg = new ModelPackage[1];
            seconds[0] = Timer.once(() -> pkg[0] = ModelCommands.compile(onnx,
                    models.resolve(name + ".calibration.json"), QuantizerOptions.DEFAULTS, dir, true, console).pkg());
            List<double[]> rows = ModelInputs.readDataset(models.resolve(name + ".test.json")).inputs();
            out.add(new Target(pkg[0], rows.subList(0, Math.min(WITNESS_INPUTS, rows.size())), seconds[0]));
        }
        return out;
    }

    /** The fixtures with a labelled test split, then the fixed-weight MNIST-shaped MLP. */
    private static List<String> fixtureNames(Path models) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(models)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".test.json")) {
                    continue;
                }
                String name = f.substring(0, f.length() - ".test.json".length());
                if (!name.equals(MNIST) && ModelInputs.readDataset(p).labels() != null
                        && Files.exists(models.resolve(name + ".onnx"))) {
                    names.add(name);
                }
            }
        }
        if (Files.exists(models.resolve(MNIST + ".onnx"))) {
            names.add(MNIST);
        }
        return names;
    }

    private static List<Target> given(List<Path> dirs) {
        List<Target> out = new ArrayList<>();
        for (Path d : dirs) {
            ModelPackage pkg = ModelPackage.load(d);
            out.add(new Target(pkg, randomInputs(pkg.model(), WITNESS_INPUTS), Double.NaN));
        }
        return out;
    }

    /** Inputs whose every value is exactly representable and inside the calibrated range. */
    private static List<double[]> randomInputs(QuantizedModel m, int n) {
        SplittableRandom rng = new SplittableRandom(7);
        InputSpec spec = m.input();
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[m.inputSize()];
            for (int i = 0; i < x.length; i++) {
                long q = rng.nextLong(spec.range().lo(), spec.range().hi() + 1);
                x[i] = Math.scalb((double) q, -spec.exponent());
            }
            out.add(x);
        }
        return out;
    }

    private void measure(Target t) throws Exception {
        ModelPackage pkg = t.pkg();
        QuantizedModel m = pkg.model();
        R1cs r1cs = pkg.compiled().circuit().r1cs();
        String name = m.name();
        console.progress("bench model %s: %d constraints; witnesses ...", name, r1cs.nConstraints());
        double witness = witnessSeconds(pkg, t.inputs());
        Witness w = ModelWitness.compute(pkg.compiled(), m.quantizeInput(t.inputs().get(0), name), Fr.of(1),
                Fr.of(2)).witness();

        int power = power(r1cs);
        Path ptau = work.resolve("pot" + power + ".ptau");
        if (!Files.exists(ptau)) {
            console.progress("bench model: test powers of tau of power %d (insecure, bench only) ...", power);
            TestPowersOfTau.write(ptau, power, "foldline-bench");
        }
        console.progress("bench model %s: setup and proofs ...", name);
        Zkey[] zkey = new Zkey[1];
        double setup = Timer.once(() -> zkey[0] = Setup.newZkey(r1cs, ModelPackage.CIRCUIT, ptau, s -> { }));
        ProvingKey pk = ProvingKey.of(zkey[0], name);
        Prover.Result[] last = new Prover.Result[1];
        double prove = Timer.mean(1, PROOFS, () -> last[0] = Prover.prove(pk, w, ProverOptions.defaults()));
        if (!Verifier.verify(pk.preparedVerifyingKey(), last[0].publicSignals().toArray(Fr[]::new), last[0].proof())) {
            throw new IllegalStateException(name + ": benchmark proof does not verify");
        }
        String ref = "n/a";
        String ratio = "";
        if (snarkjs != null) {
            Path dir = Files.createDirectories(work.resolve(name + "-snarkjs"));
            ZkeyFile.write(zkey[0], dir.resolve("circuit.zkey"));
            WtnsFile.write(w, dir.resolve("witness.wtns"));
            console.progress("bench model %s: snarkjs groth16 prove on the same zkey and wtns ...", name);
            double s = Timer.once(() -> snarkjs.snarkjs(dir, "groth16", "prove", "circuit.zkey", "witness.wtns",
                    "proof.json", "public.json"));
            ref = Timer.human(s);
            ratio = String.format("%.1fx faster", s / prove);
        }
        console.println(String.format("| %s | %d | %s | %s | %s | %s | %s | %s |", name, r1cs.nConstraints(),
                Double.isNaN(t.compileSeconds()) ? "(given)" : Timer.human(t.compileSeconds()), Timer.human(witness),
                Timer.human(setup), Timer.human(prove), ref, ratio));
        console.out().flush();
    }

    /** Mean seconds to quantize an input and solve the circuit, after one warm-up on the first input. */
    private static double witnessSeconds(ModelPackage pkg, List<double[]> inputs) {
        QuantizedModel m = pkg.model();
        Fr salt = Fr.of(12345);
        ModelWitness.compute(pkg.compiled(), m.quantizeInput(inputs.get(0), m.name()), salt, Fr.ZERO);
        long start = System.nanoTime();
        for (double[] x : inputs) {
            ModelWitness.compute(pkg.compiled(), m.quantizeInput(x, m.name()), salt, Fr.ZERO);
        }
        return (System.nanoTime() - start) / 1e9 / inputs.size();
    }

    /** The smallest ptau power whose domain holds the constraints and the public signals (as Setup needs). */
    static int power(R1cs r1cs) {
        long v = (long) r1cs.nConstraints() + r1cs.nPublic();
        return 64 - Long.numberOfLeadingZeros(v);
    }
}
