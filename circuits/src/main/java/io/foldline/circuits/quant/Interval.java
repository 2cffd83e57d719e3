package io.foldline.circuits.quant;

/**
 * A closed integer interval [lo, hi]: the range a quantized value can take over every input the model
 * accepts. Circuit gadgets size their range checks from it, so it must be sound (never too small); it is
 * computed with exact arithmetic and refuses to overflow 62 bits.
 */
public record Interval(long lo, long hi) {
    /** Values beyond this would not survive the long arithmetic of the reference runtime. */
    public static final long LIMIT = 1L << 62;

    public Interval {
        if (lo > hi) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
        if (lo < -LIMIT || hi > LIMIT) {
            throw new ArithmeticException("a quantized value may reach [" + lo + ", " + hi + "], beyond 2^62; "
                    + "use fewer weight or activation bits");
        }
    }

    public static Interval of(long v) {
        return new Interval(v, v);
    }

    /**
     * The least n such that every value is a signed n-bit integer, {@code [-2^(n-1), 2^(n-1))}; at least 1.
     */
    public int signedBits() {
        int n = 1;
        while (lo < -(1L << (n - 1)) || hi >= (1L << (n - 1))) {
            n++;
        }
        return n;
    }

    public boolean contains(long v) {
        return v >= lo && v <= hi;
    }

    public Interval union(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
