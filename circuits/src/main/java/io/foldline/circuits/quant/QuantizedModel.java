package io.foldline.circuits.quant;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.Head;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model as Foldline proves it: the {@link InputSpec}, integer layers, and the {@link Head} that the
 * float graph ended in. The circuit proves the logits (the last layer's output) and, for a classifier
 * head, the predicted class. Construction runs the bound analysis, so a model whose values could
 * overflow is refused before anything is compiled.
 */
public record QuantizedModel(String name, int[] inputShape, InputSpec input, List<QLayer> layers, Head head) {
    public QuantizedModel {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
        int n = size(inputShape);
        for (int i = 0; i < layers.size(); i++) {
            QLayer l = layers.get(i);
            if (size(l.inShape()) != n) {
                throw new IllegalArgumentException(name + ": layer " + i + " (" + l.kind() + ") takes "
                        + Arrays.toString(l.inShape()) + " but receives " + n + " values");
            }
            n = size(l.outShape());
        }
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    public int inputSize() {
        return size(inputShape);
    }

    public int outputSize() {
        return layers.isEmpty() ? inputSize() : size(layers.get(layers.size() - 1).outShape());
    }

    /** The exponent of the logits: a logit q stands for q / 2^e. */
    public int outputExponent() {
        return layers.isEmpty() ? input.exponent() : layers.get(layers.size() - 1).outExponent();
    }

    /** Whether the circuit also proves a predicted class: a softmax head, or a single sigmoid. */
    public boolean hasClass() {
        return head == Head.SOFTMAX || (head == Head.SIGMOID && outputSize() == 1);
    }

    /** The logits, by running every layer on {@code ops}. */
    public <T> List<T> logits(QuantOps<T> ops, List<T> in) {
        List<T> x = in;
        for (QLayer l : layers) {
            x = l.apply(ops, x);
        }
        return x;
    }

    /** The class: the first largest logit, or for one sigmoid logit, 1 when it is >= 0. */
    public <T> T predictedClass(QuantOps<T> ops, List<T> logits) {
        if (!hasClass()) {
            throw new IllegalStateException(name + ": a " + head + " head with " + outputSize()
                    + " outputs has no class");
        }
        if (logits.size() == 1) {
            return ops.isNonNegative(logits.get(0));
        }
        T best = logits.get(0);
        T index = ops.constant(0);
        for (int i = 1; i < logits.size(); i++) {
            T better = ops.lessThan(best, logits.get(i));
            best = ops.select(better, logits.get(i), best);
            index = ops.select(better, ops.constant(i), index);
        }
        return index;
    }

    /** The interval of every layer's output for inputs in the input range (the last is the logits'). */
    public List<List<Interval>> bounds() {
        List<List<Interval>> out = new ArrayList<>();
        List<Interval> x = new ArrayList<>();
        for (int i = 0; i < inputSize(); i++) {
            x.add(input.range());
        }
        for (QLayer l : layers) {
            x = l.apply(IntervalOps.INSTANCE, x);
            out.add(x);
        }
        return out;
    }

    /**
     * The quantized input, or a {@link FormatException} naming {@code source} and the first value outside
     * the input range the model was calibrated for.
     */
    public long[] quantizeInput(double[] x, String source) {
        if (x.length != inputSize()) {
            throw new FormatException(source + ": input has " + x.length + " values, model " + name + " takes "
                    + inputSize() + " (shape " + Arrays.toString(inputShape) + ", flattened row-major)");
        }
        long[] q = new long[x.length];
        Interval range = input.range();
        for (int i = 0; i < x.length; i++) {
            q[i] = input.quantize(x[i]);
            if (!range.contains(q[i])) {
                throw new FormatException(source + ": input[" + i + "] = " + x[i] + " is outside the range model "
                        + name + " was calibrated for, [" + input.minValue() + ", " + input.maxValue() + ")");
            }
        }
        return q;
    }

    /** The reference runtime: logits and (when {@link #hasClass}) the class, else -1. */
    public Inference infer(long[] q) {
        List<Long> in = new ArrayList<>(q.length);
        for (long v : q) {
            in.add(v);
        }
        List<Long> logits = logits(LongOps.INSTANCE, in);
        long[] y = logits.stream().mapToLong(Long::longValue).toArray();
        return new Inference(y, hasClass() ? predictedClass(LongOps.INSTANCE, logits) : -1);
    }

    /** Logits in real units. */
    public double[] dequantize(long[] logits) {
        double[] y = new double[logits.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.scalb((double) logits[i], -outputExponent());
        }
        return y;
    }

    /** What the reference runtime computes for one input. */
    public record Inference(long[] logits, long predictedClass) {
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
