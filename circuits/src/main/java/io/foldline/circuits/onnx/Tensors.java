package io.foldline.circuits.onnx;

import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.util.Arrays;

/** Typed views of constant tensors as the ops need them, with errors that name the node and the input. */
final class Tensors {
    private Tensors() {
    }

    static double[] values(OpNode n, Tensor t, String role) {
        if (t.values() == null) {
            throw n.error(role + " " + t.describe() + " must be a FLOAT or DOUBLE tensor, has data type "
                    + t.dataType());
        }
        return t.values();
    }

    static long[] int64s(OpNode n, Tensor t, String role) {
        if (t.int64s() == null || t.dataType() != OnnxProto.INT64) {
            throw n.error(role + " " + t.describe() + " must be an INT64 tensor, has data type " + t.dataType());
        }
        return t.int64s();
    }

    /** The dims of {@code t}, which must have rank {@code rank}. */
    static int[] dims(OpNode n, Tensor t, String role, int rank) {
        if (t.dims().length != rank) {
            throw n.error(role + " " + t.describe() + " must have rank " + rank);
        }
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = Math.toIntExact(t.dims()[i]);
        }
        return d;
    }

    /** A rank-1 tensor of {@code length} floats (BatchNormalization's scale, bias, mean and variance). */
    static double[] vector(OpNode n, Tensor t, String role, int length) {
        double[] v = values(n, t, role);
        if (t.dims().length != 1 || v.length != length) {
            throw n.error(role + " " + t.describe() + " must be a vector of " + length + " values");
        }
        return v;
    }

    /**
     * The per-channel values of a constant added to an activation of shape {@code [batch] + shape}: ONNX
     * broadcasting aligns dims from the right; the constant may vary only along the channel axis (axis 1,
     * the first axis after the batch) and must leave the activation's shape unchanged. A scalar gives the
     * same value to every channel.
     */
    static double[] perChannel(OpNode n, Tensor t, String role, int[] shape) {
        double[] v = values(n, t, role);
        long[] d = t.dims();
        int rank = shape.length + 1;
        int channels = shape[0];
        if (d.length > rank) {
            throw n.error(role + " " + t.describe() + " has more axes than the activation [batch, "
                    + join(shape) + "]");
        }
        boolean varies = false;
        for (int j = 0; j < d.length; j++) {
            int axis = rank - d.length + j;
            if (d[j] == 1) {
                continue;
            }
            if (axis != 1 || d[j] != channels) {
                throw n.error(role + " " + t.describe() + " does not broadcast to a per-channel bias of"
                        + " [batch, " + join(shape) + "]: only a [" + channels + "] or [" + channels
                        + ", 1, ...] constant (or a scalar) can be folded into the bias");
            }
            varies = true;
        }
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = v[varies ? c : 0];
        }
        return out;
    }

    private static String join(int[] shape) {
        String s = Arrays.toString(shape);
        return s.substring(1, s.length() - 1);
    }
}
