package io.foldline.circuits.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A float model as Foldline proves it: a chain of {@link FloatLayer}s from one input tensor (without the
 * batch axis) to the logits, then a {@link Head}. Built by the ONNX importer; {@link #trace} is what
 * calibration observes.
 */
public record FloatModel(String name, int[] inputShape, List<FloatLayer> layers, Head head) {
    public FloatModel {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
        int[] shape = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            FloatLayer l = layers.get(i);
            if (FloatLayer.size(l.inShape()) != FloatLayer.size(shape)) {
                throw new IllegalArgumentException(name + ": layer " + i + " (" + l.kind() + ") expects "
                        + Arrays.toString(l.inShape()) + " but receives " + Arrays.toString(shape));
            }
            shape = l.outShape();
        }
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    public int inputSize() {
        return FloatLayer.size(inputShape);
    }

    public int outputSize() {
        return layers.isEmpty() ? inputSize() : FloatLayer.size(layers.get(layers.size() - 1).outShape());
    }

    /** The input followed by every layer's output; the last entry is the logits. */
    public List<double[]> trace(double[] input) {
        if (input.length != inputSize()) {
            throw new IllegalArgumentException(name + ": input has " + input.length + " values, the model takes "
                    + inputSize() + " " + Arrays.toString(inputShape));
        }
        List<double[]> out = new ArrayList<>(layers.size() + 1);
        double[] x = input;
        out.add(x);
        for (FloatLayer l : layers) {
            x = l.forward(x);
            out.add(x);
        }
        return out;
    }

    public double[] logits(double[] input) {
        List<double[]> t = trace(input);
        return t.get(t.size() - 1);
    }

    /** What the ONNX graph outputs: the head applied to the logits. */
    public double[] output(double[] input) {
        return head.apply(logits(input));
    }
}
