package io.foldline.circuits.quant;

import java.util.List;

/**
 * The Java reference quantized runtime: {@link QuantOps} on exact longs. Overflow is impossible for a
 * model that {@link IntervalOps} accepted, and would throw rather than wrap.
 */
public final class LongOps implements QuantOps<Long> {
    public static final LongOps INSTANCE = new LongOps();

    private LongOps() {
    }

    @Override
    public Long constant(long v) {
        return v;
    }

    @Override
    public Long affine(long bias, long[] weights, List<Long> xs) {
        long acc = bias;
        for (int k = 0; k < weights.length; k++) {
            acc = Math.addExact(acc, Math.multiplyExact(weights[k], xs.get(k)));
        }
        return acc;
    }

    @Override
    public Long divRound(Long x, long d, boolean relu) {
        long q = Math.floorDiv(Math.addExact(x, d / 2), d);
        return relu ? Math.max(q, 0) : q;
    }

    @Override
    public Long mulPow2(Long x, int k) {
        return Math.multiplyExact(x, 1L << k);
    }

    @Override
    public Long relu(Long x) {
        return Math.max(x, 0);
    }

    @Override
    public Long max(Long a, Long b) {
        return Math.max(a, b);
    }

    @Override
    public Long lessThan(Long a, Long b) {
        return a < b ? 1L : 0L;
    }

    @Override
    public Long isNonNegative(Long x) {
        return x >= 0 ? 1L : 0L;
    }

    @Override
    public Long select(Long c, Long a, Long b) {
        return c != 0 ? a : b;
    }
}
