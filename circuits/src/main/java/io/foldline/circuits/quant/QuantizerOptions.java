package io.foldline.circuits.quant;

/**
 * Choices of {@link Quantizer}. Weights are circuit constants, so their bits cost only accumulator width;
 * activation bits size every requantization and comparison; input bits cost one constraint per bit per
 * input (the range check that makes the commitment binding). {@code inputBits = 0} lets calibration
 * choose: the fewest bits whose logits stay within {@code tolerance} (relative to the largest calibration
 * logit) of the float model on every calibration row.
 */
public record QuantizerOptions(int weightBits, int activationBits, int inputBits, double tolerance) {
    public static final QuantizerOptions DEFAULTS = new QuantizerOptions(12, 12, 0, 0.01);

    public QuantizerOptions {
        check("weight bits", weightBits, 2, 24);
        check("activation bits", activationBits, 2, 24);
        if (inputBits != 0) {
            check("input bits", inputBits, 2, 40);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
    }

    public QuantizerOptions withWeightBits(int bits) {
        return new QuantizerOptions(bits, activationBits, inputBits, tolerance);
    }

    public QuantizerOptions withActivationBits(int bits) {
        return new QuantizerOptions(weightBits, bits, inputBits, tolerance);
    }

    public QuantizerOptions withInputBits(int bits) {
        return new QuantizerOptions(weightBits, activationBits, bits, tolerance);
    }

    public QuantizerOptions withTolerance(double t) {
        return new QuantizerOptions(weightBits, activationBits, inputBits, t);
    }

    private static void check(String what, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
