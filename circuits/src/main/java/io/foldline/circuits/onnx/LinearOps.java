package io.foldline.circuits.onnx;

import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.util.Arrays;

/**
 * Gemm and MatMul, which become {@link Dense} layers, and Add and BatchNormalization, which are folded
 * into the Dense or Conv2d right before them.
 */
final class LinearOps {
    private LinearOps() {
    }

    /** Y = alpha * X * B' + beta * C with B' = B or B^T. */
    static void gemm(OpNode n, Chain chain) {
        n.allowAttributes("alpha", "beta", "transA", "transB");
        n.arity(2, 3);
        chain.activation(n, 0);
        int inputs = flatInput(n, chain);
        n.intAttrIn("transA", 0, 0);
        boolean transB = n.intAttrIn("transB", 0, 0, 1) == 1;
        double alpha = n.floatAttr("alpha", 1f);
        double beta = n.floatAttr("beta", 1f);
        Tensor b = chain.constant(n, 1, "B");
        int[] d = Tensors.dims(n, b, "B", 2);
        int k = transB ? d[1] : d[0];
        int outputs = transB ? d[0] : d[1];
        if (k != inputs) {
            throw n.error("B " + b.describe() + (transB ? " (transposed)" : "") + " takes " + k
                    + " inputs, the activation has " + inputs);
        }
        double[] bv = Tensors.values(n, b, "B");
        double[] w = new double[outputs * inputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                w[o * inputs + i] = alpha * (transB ? bv[o * inputs + i] : bv[i * outputs + o]);
            }
        }
        double[] bias = new double[outputs];
        Tensor c = chain.optionalConstant(n, 2, "C");
        if (c != null) {
            double[] cv = Tensors.perChannel(n, c, "C", new int[] {outputs});
            for (int o = 0; o < outputs; o++) {
                bias[o] = beta * cv[o];
            }
        }
        chain.push(n, new Dense(inputs, outputs, w, bias));
    }

    /** X * B with B a constant [inputs, outputs] matrix; a following Add supplies the bias. */
    static void matMul(OpNode n, Chain chain) {
        n.allowAttributes();
        n.arity(2, 2);
        if (chain.isConstant(n.input(0)) && n.input(1).equals(chain.current())) {
            throw n.error("MatMul with the constant as first operand (W * x) is not supported;"
                    + " only x * W with W an [inputs, outputs] constant");
        }
        chain.activation(n, 0);
        int inputs = flatInput(n, chain);
        Tensor b = chain.constant(n, 1, "B");
        int[] d = Tensors.dims(n, b, "B", 2);
        if (d[0] != inputs) {
            throw n.error("B " + b.describe() + " takes " + d[0] + " inputs, the activation has " + inputs);
        }
        int outputs = d[1];
        double[] bv = Tensors.values(n, b, "B");
        double[] w = new double[outputs * inputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                w[o * inputs + i] = bv[i * outputs + o];
            }
        }
        chain.push(n, new Dense(inputs, outputs, w, new double[outputs]));
    }

    /** Activation + constant: added to the bias of the Dense or Conv2d that produced the activation. */
    static void add(OpNode n, Chain chain) {
        n.allowAttributes();
        n.arity(2, 2);
        boolean firstConstant = chain.isConstant(n.input(0));
        boolean secondConstant = chain.isConstant(n.input(1));
        if (firstConstant && secondConstant) {
            throw n.error("Add of two constants is not supported (fold it before export)");
        }
        if (!firstConstant && !secondConstant) {
            throw n.error("Add of two activations (residual) is not supported");
        }
        int a = firstConstant ? 1 : 0;
        chain.activation(n, a);
        Tensor t = chain.constant(n, 1 - a, "addend");
        FloatLayer last = chain.foldTarget(n, "Add of a constant is supported only as the bias of the Gemm,"
                + " MatMul or Conv right before it");
        double[] add = Tensors.perChannel(n, t, "addend", chain.shape());
        chain.replaceLast(n, withBias(last, addTo(bias(last), add)));
    }

    /** Inference-mode BatchNormalization, folded per output channel into the preceding Conv or Dense. */
    static void batchNormalization(OpNode n, Chain chain) {
        n.allowAttributes("epsilon", "momentum", "spatial", "training_mode");
        n.arity(5, 5);
        chain.activation(n, 0);
        n.intAttrIn("training_mode", 0, 0);
        n.intAttrIn("spatial", 1, 1);
        FloatLayer last = chain.foldTarget(n, "BatchNormalization is supported only right after a Conv, Gemm"
                + " or MatMul, into which it is folded");
        int channels = chain.shape()[0];
        double[] scale = Tensors.vector(n, chain.constant(n, 1, "scale"), "scale", channels);
        double[] beta = Tensors.vector(n, chain.constant(n, 2, "B"), "B", channels);
        double[] mean = Tensors.vector(n, chain.constant(n, 3, "mean"), "mean", channels);
        double[] var = Tensors.vector(n, chain.constant(n, 4, "var"), "var", channels);
        double eps = n.floatAttr("epsilon", 1e-5f);
        double[] g = new double[channels];
        double[] b = bias(last);
        for (int c = 0; c < channels; c++) {
            g[c] = scale[c] / Math.sqrt(var[c] + eps);
            b[c] = (b[c] - mean[c]) * g[c] + beta[c];
        }
        double[] w = weight(last);
        int perChannel = w.length / channels; // both layers store the output channel as the outermost axis
        for (int i = 0; i < w.length; i++) {
            w[i] *= g[i / perChannel];
        }
        chain.replaceLast(n, withWeights(last, w, b));
    }

    /** The activation size of a Gemm or MatMul input, which must be [batch, n]. */
    private static int flatInput(OpNode n, Chain chain) {
        int[] shape = chain.shape();
        if (shape.length != 1) {
            throw n.error("needs a [batch, n] input, the activation is [batch, "
                    + Arrays.toString(shape).substring(1) + " (insert a Flatten)");
        }
        return shape[0];
    }

    private static double[] addTo(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static double[] bias(FloatLayer l) {
        return l instanceof Dense d ? d.bias().clone() : ((Conv2d) l).bias().clone();
    }

    private static double[] weight(FloatLayer l) {
        return l instanceof Dense d ? d.weight().clone() : ((Conv2d) l).weight().clone();
    }

    private static FloatLayer withBias(FloatLayer l, double[] bias) {
        return withWeights(l, weight(l), bias);
    }

    private static FloatLayer withWeights(FloatLayer l, double[] w, double[] b) {
        if (l instanceof Dense d) {
            return new Dense(d.inputs(), d.outputs(), w, b);
        }
        Conv2d c = (Conv2d) l;
        return new Conv2d(c.inC(), c.inH(), c.inW(), c.outC(), c.window(), w, b);
    }
}
