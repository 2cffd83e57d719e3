package io.foldline.circuits.quant;

/**
 * How a float input becomes the integers that are proven: {@code q = floor(x * 2^exponent + 1/2)} (round
 * half up), accepted when q is a {@code bits}-bit value, unsigned {@code [0, 2^bits)} or signed
 * {@code [-2^(bits-1), 2^(bits-1))}. The circuit range-checks every input to exactly that, which is
 * also what makes the packing of the input commitment injective.
 */
public record InputSpec(int exponent, int bits, boolean signed) {
    public InputSpec {
        if (bits < 1 || bits > 62) {
            throw new IllegalArgumentException("input bits must be in [1, 62], got " + bits);
        }
    }

    public Interval range() {
        return signed ? new Interval(-(1L << (bits - 1)), (1L << (bits - 1)) - 1) : new Interval(0, (1L << bits) - 1);
    }

    /** Added to q before packing so that every packed digit is in [0, 2^bits). */
    public long offset() {
        return signed ? 1L << (bits - 1) : 0;
    }

    /** The quantized value of x; NaN or a value too large for a long maps outside every range. */
    public long quantize(double x) {
        double scaled = Math.floor(Math.scalb(x, exponent) + 0.5);
        if (Double.isNaN(scaled) || Math.abs(scaled) > 0x1p62) {
            return Long.MIN_VALUE;
        }
        return (long) scaled;
    }

    /** The float range that quantizes into {@link #range}, for messages. */
    public double minValue() {
        return Math.scalb(range().lo() - 0.5, -exponent);
    }

    public double maxValue() {
        return Math.scalb(range().hi() + 0.5, -exponent);
    }
}
