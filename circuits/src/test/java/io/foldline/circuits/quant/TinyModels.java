package io.foldline.circuits.quant;

import io.foldline.circuits.model.AvgPool2d;
import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.model.MaxPool2d;
import io.foldline.circuits.model.Relu;
import io.foldline.circuits.model.Reshape;
import io.foldline.circuits.model.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small float models with seeded random weights, one per layer type, and random inputs for them. */
final class TinyModels {
    private TinyModels() {
    }

    static FloatModel mlp(Head head, int outputs) {
        Random r = new Random(1);
        return new FloatModel("tiny_mlp", new int[] {6}, List.of(
                dense(r, 6, 5), new Relu(new int[] {5}), dense(r, 5, outputs)), head);
    }

    /**
     * Conv (stride 2, pad 1), max pool with padding, a ReLU that cannot fuse, 3x3 average pool (divisors
     * 4, 6 and 9), reshape, dense.
     */
    static FloatModel cnn() {
        Random r = new Random(2);
        Conv2d conv = new Conv2d(1, 6, 6, 2, new Window2d(3, 3, 2, 2, 1, 1, 1, 1),
                gaussian(r, 18, 0.5), gaussian(r, 2, 0.1));
        List<FloatLayer> layers = new ArrayList<>();
        layers.add(conv);
        layers.add(new MaxPool2d(2, 3, 3, new Window2d(2, 2, 1, 1, 1, 1, 0, 0)));
        layers.add(new Relu(new int[] {2, 3, 3}));
        layers.add(new AvgPool2d(2, 3, 3, new Window2d(3, 3, 1, 1, 1, 1, 1, 1), false));
        layers.add(new Reshape(new int[] {2, 3, 3}, new int[] {18}));
        layers.add(dense(r, 18, 3));
        return new FloatModel("tiny_cnn", new int[] {1, 6, 6}, layers, Head.SOFTMAX);
    }

    static Dense dense(Random r, int in, int out) {
        return new Dense(in, out, gaussian(r, in * out, 1.0 / Math.sqrt(in)), gaussian(r, out, 0.1));
    }

    static double[] gaussian(Random r, int n, double sigma) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * sigma;
        }
        return v;
    }

    /** Inputs in [lo, hi). */
    static List<double[]> inputs(FloatModel m, int rows, long seed, double lo, double hi) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            double[] x = new double[m.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = lo + (hi - lo) * r.nextDouble();
            }
            out.add(x);
        }
        return out;
    }
}
