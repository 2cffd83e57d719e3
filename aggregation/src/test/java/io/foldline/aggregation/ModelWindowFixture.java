package io.foldline.aggregation;

import io.foldline.circuits.frontend.CompiledCircuit;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture model of the circuits module ({@code circuits/src/test/resources/models}) as the window prover
 * sees it: compiled, its window keys on an insecure test ptau of the power its decider needs (made once per
 * test JVM and model), and the witnesses of its {@code .test.json} rows. Setup times are printed.
 */
final class ModelWindowFixture {
    private static final Map<String, ModelWindowFixture> CACHE = new HashMap<>();

    final String name;
    final ModelCircuit.Compiled compiled;
    final ModelInputs.Dataset test;
    final CompiledCircuit decider;
    final Path ptau;
    final WindowKeys keys;

    private ModelWindowFixture(String name) {
        this.name = name;
        Path models = models();
        try {
            var f = OnnxImporter.load(models.resolve(name + ".onnx"));
            var cal = ModelInputs.readDataset(models.resolve(name + ".calibration.json"));
            QuantizedModel q = Quantizer.calibrate(f, cal.inputs(), QuantizerOptions.DEFAULTS).model();
            compiled = ModelCircuit.compile(q);
            test = ModelInputs.readDataset(models.resolve(name + ".test.json"));
            RelaxedR1cs relation = new RelaxedR1cs(compiled.circuit().r1cs());
            decider = DeciderCircuit.compile(relation);
            int rows = decider.nConstraints() + decider.r1cs().nPublic() + 1;
            int power = 32 - Integer.numberOfLeadingZeros(rows - 1);
            System.out.printf("%s: model %d constraints, nW = %d, m = %d, nPublic = %d; decider %d constraints, "
                            + "ptau power %d%n", name, compiled.circuit().nConstraints(), relation.nWitness(),
                    relation.nRows(), relation.nPublic(), decider.nConstraints(), power);
            Path dir = Files.createTempDirectory("foldline-window-" + name);
            ptau = dir.resolve("pot" + power + ".ptau");
            dir.toFile().deleteOnExit();
            ptau.toFile().deleteOnExit();
            long t0 = System.nanoTime();
            TestPowersOfTau.write(ptau, power, "aggregation window test " + name);
            long t1 = System.nanoTime();
            keys = WindowKeys.setup(compiled.circuit().r1cs(), ptau, line -> { });
            System.out.printf("%s: test ptau %.1f s, window setup %.1f s%n", name, (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized ModelWindowFixture of(String name) {
        return CACHE.computeIfAbsent(name, ModelWindowFixture::new);
    }

    /** Witnesses of the test rows {@code from .. from + n - 1} (salt row + 1, tag 1000 + row). */
    List<Witness> witnesses(int from, int n) {
        List<Witness> out = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            out.add(result(i).witness());
        }
        return out;
    }

    ModelWitness.Result result(int row) {
        long[] xq = compiled.model().quantizeInput(test.inputs().get(row), name + ".test.json row " + row);
        return ModelWitness.compute(compiled, xq, Fr.of(row + 1), Fr.of(1000 + row));
    }

    /** Surefire runs in the module's folder; the fixtures belong to the circuits module next to it. */
    static Path models() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../circuits/src/test/resources/models")
                .normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixture models not found at " + dir);
        }
        return dir;
    }
}
