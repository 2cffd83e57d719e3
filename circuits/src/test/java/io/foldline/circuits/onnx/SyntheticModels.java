package io.foldline.circuits.onnx;

import static io.foldline.circuits.onnx.OnnxBuilder.dims;
import static io.foldline.circuits.onnx.OnnxBuilder.floatAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.in;
import static io.foldline.circuits.onnx.OnnxBuilder.int64Tensor;
import static io.foldline.circuits.onnx.OnnxBuilder.intAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.intsAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.stringAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.tensorAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.unpackedFloatTensor;
import static io.foldline.circuits.onnx.OnnxBuilder.unpackedIntsAttr;

import java.util.Random;

/**
 * Random-weight models written with {@link OnnxBuilder} that reach the importer's corners the fixtures do
 * not: asymmetric pads and strides, count_include_pad, Add and BatchNormalization folded into a Conv and
 * into a Gemm, Gemm alpha/beta/transB=0, Constant and Identity nodes, an opset-11 Softmax on a 4-D tensor,
 * unpacked encodings. onnxruntime is their oracle.
 */
final class SyntheticModels {
    private SyntheticModels() {
    }

    /**
     * [batch, 2, 7, 6] -> Conv, Add, BatchNormalization, Identity, Relu, AveragePool, MaxPool, Dropout, Flatten,
     * Gemm, BatchNormalization, Sigmoid.
     */
    static byte[] convZoo(long seed) {
        Random r = new Random(seed);
        return OnnxBuilder.model()
                .input("x", "N", 2, 7, 6)
                .output("y", "N", 5)
                .initializer(unpackedFloatTensor("w", dims(3, 2, 3, 2), random(r, 36, 1)))
                .weights("shift", dims(1, 3, 1, 1), random(r, 3, 1))
                .weights("bn.scale", dims(3), positive(r, 3))
                .weights("bn.b", dims(3), random(r, 3, 1))
                .weights("bn.mean", dims(3), random(r, 3, 1))
                .weights("bn.var", dims(3), positive(r, 3))
                .weights("fc.w", dims(12, 5), random(r, 60, 1))
                .weights("fc.c", dims(1, 5), random(r, 5, 1))
                .weights("bn2.scale", dims(5), positive(r, 5))
                .weights("bn2.b", dims(5), random(r, 5, 1))
                .weights("bn2.mean", dims(5), random(r, 5, 1))
                .weights("bn2.var", dims(5), positive(r, 5))
                .weights("ratio", dims(), 0.5)
                .node("Conv", "conv", in("x", "w"), "c", unpackedIntsAttr("strides", 2, 1),
                        intsAttr("pads", 1, 0, 2, 1), stringAttr("auto_pad", "NOTSET"), intsAttr("dilations", 1, 1))
                .node("Add", "shift", in("shift", "c"), "a")
                .node("BatchNormalization", "bn", in("a", "bn.scale", "bn.b", "bn.mean", "bn.var"), "b",
                        floatAttr("epsilon", 1e-3f))
                .node("Identity", "", in("b"), "i")
                .node("Relu", "relu", in("i"), "r")
                .node("AveragePool", "avg", in("r"), "p", intsAttr("kernel_shape", 2, 3),
                        intsAttr("strides", 1, 2), intsAttr("pads", 0, 1, 1, 0), intAttr("count_include_pad", 1))
                .node("MaxPool", "max", in("p"), "q", intsAttr("kernel_shape", 3, 3), intsAttr("strides", 2, 2),
                        intsAttr("pads", 1, 1, 1, 1))
                .node("Dropout", "drop", in("q", "ratio"), "d", intAttr("seed", 7))
                .node("Flatten", "flat", in("d"), "f")
                .node("Gemm", "fc", in("f", "fc.w", "fc.c"), "g", floatAttr("alpha", 0.5f),
                        floatAttr("beta", 2f), intAttr("transB", 0))
                .node("BatchNormalization", "bn2", in("g", "bn2.scale", "bn2.b", "bn2.mean", "bn2.var"), "h")
                .node("Sigmoid", "head", in("h"), "y")
                .build();
    }

    /** [batch, 3, 4] -> Reshape (Constant shape), Add(bias, MatMul), Relu, MatMul, Add, Reshape, Softmax (opset 11). */
    static byte[] reshapeChain(long seed) {
        Random r = new Random(seed);
        return OnnxBuilder.model()
                .irVersion(6)
                .opset("", 11)
                .input("x", 1, 3, 4)
                .output("y", "N", 4, 1, 1)
                .weights("w1", dims(12, 6), random(r, 72, 1))
                .weights("b1", dims(6), random(r, 6, 1))
                .weights("w2", dims(6, 4), random(r, 24, 1))
                .weights("b2", dims(1, 4), random(r, 4, 1))
                .initializer(int64Tensor("shape2", dims(4), -1, 4, 1, 1))
                .node("Constant", "shape1", in(), "s1", tensorAttr("value", int64Tensor("", dims(2), 0, -1)))
                .node("Reshape", "flat", in("x", "s1"), "f")
                .node("MatMul", "mm1", in("f", "w1"), "m1")
                .node("Add", "bias1", in("b1", "m1"), "a1")
                .node("Relu", "relu", in("a1"), "r1")
                .node("MatMul", "mm2", in("r1", "w2"), "m2")
                .node("Add", "bias2", in("m2", "b2"), "a2")
                .node("Reshape", "unflat", in("a2", "shape2"), "u")
                .node("Softmax", "head", in("u"), "y")
                .build();
    }

    static double[] random(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return v;
    }

    private static double[] positive(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.25 + 1.5 * r.nextDouble();
        }
        return v;
    }
}
