package io.foldline.circuits.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The imported float model against onnxruntime (which we did not write) on every fixture's test rows and on
 * random-weight synthetic models; and the accuracy recomputed from the import against the one the fixture
 * script wrote into the README.
 */
class OnnxRuntimeAgreementTest {
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> everyFixtureAgreesWithOnnxRuntime() throws IOException {
        List<Path> withRows = new ArrayList<>();
        for (Path p : Fixtures.models()) {
            if (Files.exists(Fixtures.dir().resolve(Fixtures.name(p) + ".test.json"))) {
                withRows.add(p);
            }
        }
        assertTrue(withRows.size() >= 6, "fixtures with test rows: " + withRows);
        return withRows.stream().map(p -> dynamicTest(Fixtures.name(p), () -> checkFixture(p)));
    }

    private static void checkFixture(Path file) throws Exception {
        String name = Fixtures.name(file);
        FloatModel model = OnnxImporter.load(file);
        Fixtures.TestRows rows = Fixtures.rows(name);
        int correct = 0;
        try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(file))) {
            for (int r = 0; r < rows.inputs().size(); r++) {
                double[] x = asFloats(rows.inputs().get(r));
                double[] got = model.output(x);
                assertClose(name + " row " + r, ort.run(model.inputShape(), x), got);
                if (rows.labels() != null && predicted(got, model.head()) == rows.labels().get(r)) {
                    correct++;
                }
            }
        }
        double expected = Fixtures.readmeAccuracy(name);
        if (rows.labels() == null) {
            assertTrue(Double.isNaN(expected), name + ": README gives an accuracy but there are no labels");
        } else {
            assertEquals(expected, (double) correct / rows.inputs().size(), 0.001, name + " accuracy");
        }
    }

    @Test
    void syntheticModelsAgreeWithOnnxRuntime() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            check("convZoo" + seed, SyntheticModels.convZoo(seed), new int[] {2, 7, 6}, seed);
            check("reshapeChain" + seed, SyntheticModels.reshapeChain(seed), new int[] {3, 4}, seed);
        }
    }

    private static void check(String name, byte[] bytes, int[] shape, long seed) throws Exception {
        FloatModel model = OnnxImporter.importModel(name + ".onnx", bytes);
        Random r = new Random(100 + seed);
        try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(bytes)) {
            for (int row = 0; row < 8; row++) {
                double[] x = asFloats(SyntheticModels.random(r, model.inputSize(), 2));
                assertClose(name + " row " + row, ort.run(shape, x), model.output(x));
            }
        }
    }

    /** The class the fixture script counts: argmax (first on a tie), or p >= 0.5 for one sigmoid output. */
    static int predicted(double[] out, Head head) {
        if (head == Head.SIGMOID && out.length == 1) {
            return out[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int i = 1; i < out.length; i++) {
            if (out[i] > out[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Both sides see the same float32 inputs; onnxruntime computes in float32, the import in double. */
    private static double[] asFloats(double[] x) {
        double[] f = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static void assertClose(String what, double[] want, double[] got) {
        assertEquals(want.length, got.length, what + ": output size");
        for (int i = 0; i < want.length; i++) {
            double tol = TOLERANCE * Math.max(1.0, Math.abs(want[i]));
            int k = i;
            assertTrue(Math.abs(want[i] - got[i]) <= tol,
                    () -> what + " output " + k + ": onnxruntime " + want[k] + ", import " + got[k]);
        }
    }
}
