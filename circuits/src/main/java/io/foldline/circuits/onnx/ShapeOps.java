package io.foldline.circuits.onnx;

import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.model.Reshape;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;

/** The ops that move no values: Flatten, Reshape, Identity, Dropout (inference) and Constant. */
final class ShapeOps {
    private ShapeOps() {
    }

    static void flatten(OpNode n, Chain chain) {
        n.allowAttributes("axis");
        n.arity(1, 1);
        chain.activation(n, 0);
        int[] in = chain.shape();
        long axis = n.intAttr("axis", 1);
        if ((axis < 0 ? axis + in.length + 1 : axis) != 1) {
            throw n.error("attribute axis=" + axis + " is not supported (only axis=1, which keeps the batch"
                    + " axis)");
        }
        reshapeTo(n, chain, new int[] {FloatLayer.size(in)});
    }

    /** Reshape with a constant shape that counts the batch axis: 0 copies an input dim, one -1 is inferred. */
    static void reshape(OpNode n, Chain chain) {
        n.allowAttributes("allowzero");
        n.arity(2, 2);
        chain.activation(n, 0);
        boolean allowZero = n.intAttrIn("allowzero", 0, 0, 1) == 1;
        Tensor t = chain.constant(n, 1, "shape");
        long[] target = Tensors.int64s(n, t, "shape");
        if (t.dims().length != 1) {
            throw n.error("shape " + t.describe() + " must be a vector");
        }
        int[] in = chain.shape();
        long total = FloatLayer.size(in);
        long[] out = new long[target.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long v = target[i];
            if (v == -1) {
                if (inferred >= 0) {
                    throw n.error("shape " + Arrays.toString(target) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (v < -1 || v == 0 && allowZero) {
                throw n.error("shape " + Arrays.toString(target) + ": entry " + v + " is not supported");
            }
            out[i] = v == 0 ? inputDim(n, in, i, target) : v;
            known = Math.multiplyExact(known, out[i]);
        }
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw n.error("shape " + Arrays.toString(target) + " cannot hold the " + total
                        + " values of [batch, " + Arrays.toString(in).substring(1));
            }
            out[inferred] = total / known;
        } else if (known != total) {
            throw n.error("shape " + Arrays.toString(target) + " holds " + known + " values, the input has "
                    + total);
        }
        if (out.length == 0 || out[0] != 1) {
            throw n.error("shape " + Arrays.toString(target) + " does not keep the batch axis first (its first"
                    + " entry must be 0, -1 or 1)");
        }
        int[] shape = new int[out.length - 1];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(out[i + 1]);
        }
        reshapeTo(n, chain, shape);
    }

    /** Axis {@code i} of the input counting the batch (taken as 1), for a 0 in Reshape's shape. */
    private static long inputDim(OpNode n, int[] in, int i, long[] target) {
        if (i > in.length) {
            throw n.error("shape " + Arrays.toString(target) + " copies axis " + i + ", which the input lacks");
        }
        return i == 0 ? 1 : in[i - 1];
    }

    private static void reshapeTo(OpNode n, Chain chain, int[] shape) {
        int[] in = chain.shape();
        if (Arrays.equals(in, shape)) {
            chain.pass(n); // nothing to prove: no layer
        } else {
            chain.push(n, new Reshape(in, shape));
        }
    }

    static void identity(OpNode n, Chain chain) {
        n.allowAttributes();
        n.arity(1, 1);
        if (chain.isConstant(n.input(0))) {
            chain.addConstant(n.output(), chain.constant(n, 0, "input"));
            return;
        }
        chain.activation(n, 0);
        chain.pass(n);
    }

    /** Dropout is the identity at inference; a constant training_mode input must be false. */
    static void dropout(OpNode n, Chain chain) {
        n.allowAttributes("ratio", "seed");
        n.arity(1, 3);
        chain.activation(n, 0);
        chain.optionalConstant(n, 1, "ratio");
        Tensor training = chain.optionalConstant(n, 2, "training_mode");
        if (training != null
                && (training.int64s() == null || Arrays.stream(training.int64s()).anyMatch(v -> v != 0))) {
            throw n.error("training_mode must be a false boolean constant (inference only)");
        }
        chain.pass(n);
    }

    static void constant(OpNode n, Chain chain) {
        n.allowAttributes("value", "value_float", "value_floats", "value_int", "value_ints");
        n.arity(0, 0);
        String name = n.output();
        long given = Stream.of("value", "value_float", "value_floats", "value_int", "value_ints")
                .filter(n::has).count();
        if (given != 1) {
            throw n.error("must have exactly one value attribute, has " + given);
        }
        Tensor t;
        if (n.has("value")) {
            t = n.tensorAttr("value");
        } else if (n.has("value_float")) {
            double v = n.floatAttr("value_float", 0f);
            t = new Tensor(name, OnnxProto.FLOAT, new long[0], new double[] {v}, null, "");
        } else if (n.has("value_floats")) {
            float[] f = n.floatsAttr("value_floats");
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            t = new Tensor(name, OnnxProto.FLOAT, new long[] {f.length}, d, null, "");
        } else if (n.has("value_int")) {
            t = new Tensor(name, OnnxProto.INT64, new long[0], null, new long[] {n.intAttr("value_int", 0)}, "");
        } else {
            long[] v = n.intsAttr("value_ints");
            t = new Tensor(name, OnnxProto.INT64, new long[] {v.length}, null, v, "");
        }
        chain.addConstant(name, t);
    }
}
