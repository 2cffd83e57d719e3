package io.foldline.circuits.onnx;

import io.foldline.circuits.model.AvgPool2d;
import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.MaxPool2d;
import io.foldline.circuits.model.Window2d;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.util.Arrays;

/** Conv, MaxPool and AveragePool over a [batch, C, H, W] activation: 2-D, no dilation, no ceil mode. */
final class WindowOps {
    private WindowOps() {
    }

    static void conv(OpNode n, Chain chain) {
        n.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
        n.arity(2, 3);
        chain.activation(n, 0);
        int[] x = image(n, chain);
        n.intAttrIn("group", 1, 1);
        Tensor w = chain.constant(n, 1, "W");
        int[] d = Tensors.dims(n, w, "W", 4);
        if (d[1] != x[0]) {
            throw n.error("W " + w.describe() + " expects " + d[1] + " input channels, the activation has "
                    + x[0]);
        }
        long[] kernel = n.intsAttr("kernel_shape");
        if (kernel != null && !Arrays.equals(kernel, new long[] {d[2], d[3]})) {
            throw n.error("kernel_shape " + Arrays.toString(kernel) + " does not match W " + w.describe());
        }
        Window2d window = window(n, d[2], d[3]);
        double[] bias = new double[d[0]];
        Tensor b = chain.optionalConstant(n, 2, "B");
        if (b != null) {
            bias = Tensors.vector(n, b, "B", d[0]).clone();
        }
        chain.push(n, new Conv2d(x[0], x[1], x[2], d[0], window, Tensors.values(n, w, "W"), bias));
    }

    static void maxPool(OpNode n, Chain chain) {
        n.allowAttributes("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order",
                "strides");
        n.arity(1, 1);
        chain.activation(n, 0);
        int[] x = image(n, chain);
        n.intAttrIn("storage_order", 0, 0);
        chain.push(n, new MaxPool2d(x[0], x[1], x[2], poolWindow(n)));
    }

    static void averagePool(OpNode n, Chain chain) {
        n.allowAttributes("auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads",
                "strides");
        n.arity(1, 1);
        chain.activation(n, 0);
        int[] x = image(n, chain);
        boolean includePad = n.intAttrIn("count_include_pad", 0, 0, 1) == 1;
        chain.push(n, new AvgPool2d(x[0], x[1], x[2], poolWindow(n), includePad));
    }

    private static int[] image(OpNode n, Chain chain) {
        int[] shape = chain.shape();
        if (shape.length != 3) {
            throw n.error("needs a [batch, C, H, W] input, the activation is [batch, "
                    + Arrays.toString(shape).substring(1));
        }
        return shape;
    }

    private static Window2d poolWindow(OpNode n) {
        n.intAttrIn("ceil_mode", 0, 0);
        long[] kernel = n.intsAttr("kernel_shape");
        if (kernel == null) {
            throw n.error("attribute kernel_shape is missing");
        }
        int[] k = axis(n, "kernel_shape", kernel, 2);
        return window(n, k[0], k[1]);
    }

    /** The window from kernel_shape, strides, pads ([top, left, bottom, right]), auto_pad and dilations. */
    private static Window2d window(OpNode n, int kernelH, int kernelW) {
        String autoPad = n.stringAttr("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw n.error("attribute auto_pad=" + autoPad + " is not supported (only NOTSET with explicit pads,"
                    + " or VALID)");
        }
        long[] dilations = n.intsAttr("dilations");
        if (dilations != null && Arrays.stream(axis(n, "dilations", dilations, 2)).anyMatch(v -> v != 1)) {
            throw n.error("attribute dilations=" + Arrays.toString(dilations) + " is not supported (only 1)");
        }
        long[] s = n.intsAttr("strides");
        int[] strides = s == null ? new int[] {1, 1} : axis(n, "strides", s, 2);
        long[] p = n.intsAttr("pads");
        int[] pads = p == null ? new int[4] : axis(n, "pads", p, 4);
        if (autoPad.equals("VALID") && Arrays.stream(pads).anyMatch(v -> v != 0)) {
            throw n.error("auto_pad=VALID with non-zero pads " + Arrays.toString(p));
        }
        if (Arrays.stream(pads).anyMatch(v -> v < 0) || Arrays.stream(strides).anyMatch(v -> v < 1)) {
            throw n.error("pads must be >= 0 and strides >= 1: pads " + Arrays.toString(pads) + ", strides "
                    + Arrays.toString(strides));
        }
        return new Window2d(kernelH, kernelW, strides[0], strides[1], pads[0], pads[1], pads[2], pads[3]);
    }

    /** An INTS attribute that must have {@code length} entries, each an int. */
    private static int[] axis(OpNode n, String name, long[] v, int length) {
        if (v.length != length) {
            throw n.error("attribute " + name + " has " + v.length + " entries, expected " + length
                    + " (only 2-D windows are supported)");
        }
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            if ((int) v[i] != v[i]) {
                throw n.error("attribute " + name + " entry " + v[i] + " is out of range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
