package io.foldline.circuits.onnx;

import static io.foldline.circuits.onnx.OnnxBuilder.dims;
import static io.foldline.circuits.onnx.OnnxBuilder.floatAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.in;
import static io.foldline.circuits.onnx.OnnxBuilder.int64Tensor;
import static io.foldline.circuits.onnx.OnnxBuilder.intAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.unpackedFloatTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Op semantics on small hand-checked graphs (the random-weight ones are checked against onnxruntime). */
class OnnxImporterOpsTest {
    private static FloatModel load(OnnxBuilder b) {
        return OnnxImporter.importModel("m.onnx", b.build());
    }

    private static Dense onlyDense(FloatModel m) {
        assertEquals(1, m.layers().size());
        return (Dense) m.layers().get(0);
    }

    @Test
    void gemmStoresTheWeightOutputsByInputsWhateverTransB() {
        double[] w = {1, 2, 3, 4, 5, 6}; // W[o][i] for 3 inputs, 2 outputs
        Dense transposed = onlyDense(load(OnnxBuilder.model().input("x", "N", 3).output("y", "N", 2)
                .weights("b", dims(2, 3), w).weights("c", dims(), 0.5)
                .node("Gemm", "fc", in("x", "b", "c"), "y", intAttr("transB", 1))));
        assertArrayEquals(w, transposed.weight());
        assertArrayEquals(new double[] {0.5, 0.5}, transposed.bias(), "a scalar C reaches every output");
        Dense plain = onlyDense(load(OnnxBuilder.model().input("x", "N", 3).output("y")
                .weights("b", dims(3, 2), 1, 4, 2, 5, 3, 6).weights("c", dims(1, 2), 1, -1)
                .node("Gemm", "fc", in("x", "b", "c"), "y", floatAttr("alpha", 2f), floatAttr("beta", 3f))));
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, plain.weight());
        assertArrayEquals(new double[] {3, -3}, plain.bias());
        assertArrayEquals(new double[] {1 * 1 + 2 * 2 + 3 * 3 + 0.5, 4 + 10 + 18 + 0.5},
                load(OnnxBuilder.model().input("x", "N", 3).output("y").weights("b", dims(2, 3), w)
                        .weights("c", dims(), 0.5).node("Gemm", "fc", in("x", "b", "c"), "y", intAttr("transB", 1)))
                        .output(new double[] {1, 2, 3}));
    }

    @Test
    void batchNormalizationFoldsIntoTheDenseBeforeIt() {
        double[] x = {0.3, -1.2};
        double[] w = {1, 2, -1, 0.5, 3, -2}; // [3][2]
        double[] b = {0.1, 0.2, 0.3};
        double[] scale = {2, 0.5, -1};
        double[] beta = {1, 0, -1};
        double[] mean = {0.4, -0.3, 2};
        double[] var = {4, 0.25, 1};
        double eps = 1e-5f; // the attribute is a float
        FloatModel m = load(OnnxBuilder.model().input("x", "N", 2).output("y")
                .weights("w", dims(3, 2), w).weights("b", dims(3), b).weights("s", dims(3), scale)
                .weights("beta", dims(3), beta).weights("mu", dims(3), mean).weights("var", dims(3), var)
                .node("Gemm", "fc", in("x", "w", "b"), "g", intAttr("transB", 1))
                .node("BatchNormalization", "bn", in("g", "s", "beta", "mu", "var"), "y"));
        double[] got = m.output(x);
        for (int o = 0; o < 3; o++) {
            double z = w[2 * o] * x[0] + w[2 * o + 1] * x[1] + b[o];
            double want = (z - mean[o]) / Math.sqrt(var[o] + eps) * scale[o] + beta[o];
            assertEquals(want, got[o], 1e-6, "output " + o);
        }
        assertEquals(1, m.layers().size(), "folded, not a layer of its own");
    }

    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        assertEquals("[2, 12]", reshaped(0, 0, -1));
        assertEquals("[6, 4]", reshaped(-1, 6, 4));
        assertEquals("[24]", reshaped(1, 24));
        assertEquals("[]", reshaped(0, 2, 3, 4), "the same shape: no layer");
        String msg = assertThrows(FormatException.class, () -> reshaped(0, -1, -1)).getMessage();
        assertEquals("m.onnx: node 0 'r' (Reshape): shape [0, -1, -1] has more than one -1", msg);
    }

    private static String reshaped(long... shape) {
        FloatModel m = load(OnnxBuilder.model().input("x", "N", 2, 3, 4).output("y")
                .initializer(int64Tensor("s", dims(shape.length), shape)).node("Reshape", "r", in("x", "s"), "y"));
        return m.layers().isEmpty() ? "[]" : java.util.Arrays.toString(m.layers().get(0).outShape());
    }

    @Test
    void softmaxMustCoverEveryLogitAndItsDefaultAxisDependsOnTheOpset() {
        OnnxBuilder twoAxes = OnnxBuilder.model().input("x", "N", 2, 3).output("y")
                .node("Softmax", "sm", in("x"), "y");
        assertTrue(assertThrows(FormatException.class, () -> load(twoAxes)).getMessage()
                .startsWith("m.onnx: node 0 'sm' (Softmax): attribute axis=-1 on [batch, 2, 3] (opset 13) is not"
                        + " a softmax over all the logits"));
        FloatModel old = load(OnnxBuilder.model().opset("", 11).input("x", "N", 2, 3).output("y")
                .node("Softmax", "sm", in("x"), "y"));
        assertEquals(Head.SOFTMAX, old.head());
        FloatModel last = load(OnnxBuilder.model().input("x", "N", 1, 5).output("y")
                .node("Softmax", "sm", in("x"), "y", intAttr("axis", 2)));
        assertEquals(Head.SOFTMAX, last.head());
        double[] p = last.output(new double[] {1, 2, 3, 4, 5});
        assertEquals(1.0, p[0] + p[1] + p[2] + p[3] + p[4], 1e-12);
    }

    @Test
    void encodingsDoNotChangeTheModel() {
        double[] w = {0.25, -1.5, 3, 7, 0.125, -2};
        Dense raw = onlyDense(load(OnnxBuilder.model().input("x", "N", 3).output("y")
                .weights("w", dims(2, 3), w).node("Gemm", "fc", in("x", "w"), "y", intAttr("transB", 1))));
        Dense unpacked = onlyDense(load(OnnxBuilder.model().input("x", "N", 3).output("y")
                .initializer(unpackedFloatTensor("w", dims(2, 3), w))
                .node("Gemm", "fc", in("x", "w"), "y", intAttr("transB", 1))));
        ProtoWriter doubles = new ProtoWriter().packedVarints(1, 2, 3).varint(2, 11).string(8, "w")
                .packedDoubles(10, w);
        Dense fromDoubles = onlyDense(load(OnnxBuilder.model().input("x", "N", 3).output("y").initializer(doubles)
                .node("Gemm", "fc", in("x", "w"), "y", intAttr("transB", 1))));
        assertArrayEquals(w, raw.weight());
        assertArrayEquals(w, unpacked.weight());
        assertArrayEquals(w, fromDoubles.weight());
    }

    @Test
    void constantNodesIdentityAndDropoutAddNoLayers() {
        ProtoWriter bias = new ProtoWriter().string(1, "value_floats").packedFloats(7, 1, 2).varint(20, 6);
        FloatModel m = load(OnnxBuilder.model().input("x", "N", 2).output("y")
                .weights("w", dims(2, 2), 1, 0, 0, 1)
                .node("Constant", "k", in(), "k", bias)
                .node("MatMul", "mm", in("x", "w"), "a")
                .node("Identity", "id", in("a"), "b")
                .node("Add", "add", in("k", "b"), "c")
                .node("Dropout", "drop", in("c"), "y"));
        assertArrayEquals(new double[] {4, 7}, m.output(new double[] {3, 5}));
        assertEquals(List.of("dense"), m.layers().stream().map(l -> l.kind()).toList());
        assertEquals(Head.NONE, m.head());
        FloatModel empty = load(OnnxBuilder.model().input("x", 1, 3).output("x", "N", 3));
        assertEquals(0, empty.layers().size());
        assertArrayEquals(new double[] {1, 2, 3}, empty.output(new double[] {1, 2, 3}));
    }

    @Test
    void dropoutInTrainingModeIsRefused() {
        ProtoWriter yes = new ProtoWriter().packedVarints(1).varint(2, 9).string(8, "t").bytes(9, new byte[] {1});
        String msg = assertThrows(FormatException.class, () -> load(OnnxBuilder.model().input("x", "N", 2)
                .output("y").initializer(yes).node("Dropout", "d", in("x", "", "t"), "y"))).getMessage();
        assertEquals("m.onnx: node 0 'd' (Dropout): training_mode must be a false boolean constant (inference only)",
                msg);
    }
}
