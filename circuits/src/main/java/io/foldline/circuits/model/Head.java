package io.foldline.circuits.model;

/**
 * What follows the last proven layer. The circuit proves the logits (the input of the head) and the
 * predicted class; the head itself is applied in floating point outside the proof, because its value
 * is a monotone function of the logits and the class does not depend on it.
 */
public enum Head {
    /** The graph ends in a linear layer: its outputs are proven as they are. */
    NONE,
    /** One logit (binary classifier: class 1 when the logit is >= 0) or independent sigmoids. */
    SIGMOID,
    /** Class probabilities; the class is the index of the largest logit (the first one on a tie). */
    SOFTMAX;

    public double[] apply(double[] logits) {
        double[] y = logits.clone();
        switch (this) {
            case NONE -> {
            }
            case SIGMOID -> {
                for (int i = 0; i < y.length; i++) {
                    y[i] = 1.0 / (1.0 + Math.exp(-y[i]));
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    max = Math.max(max, v);
                }
                double sum = 0.0;
                for (int i = 0; i < y.length; i++) {
                    y[i] = Math.exp(y[i] - max);
                    sum += y[i];
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] /= sum;
                }
            }
        }
        return y;
    }
}
