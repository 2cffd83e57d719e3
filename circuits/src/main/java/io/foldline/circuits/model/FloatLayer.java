package io.foldline.circuits.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer of an imported float model, over a flat row-major tensor without the batch axis (a
 * {@code [C, H, W]} image is {@code x[(c * H + h) * W + w]}). {@link #forward} is the float semantics
 * that calibration observes and that onnxruntime must agree with.
 */
public sealed interface FloatLayer permits Dense, Conv2d, Relu, MaxPool2d, AvgPool2d, Reshape {
    int[] inShape();

    int[] outShape();

    double[] forward(double[] x);

    /** Short name for reports: {@code dense}, {@code conv2d}, ... */
    String kind();

    static List<Double> boxed(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }

    static double[] unboxed(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
