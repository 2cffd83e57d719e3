package io.foldline.circuits.quant;

import java.util.List;

/**
 * Interval arithmetic over {@link QuantOps}: a sound bound for every value a layer can produce, given
 * bounds on its inputs. Every operation is monotone in each argument (or splits by the sign of the
 * weight), so the end points suffice.
 */
public final class IntervalOps implements QuantOps<Interval> {
    public static final IntervalOps INSTANCE = new IntervalOps();

    private IntervalOps() {
    }

    @Override
    public Interval constant(long v) {
        return Interval.of(v);
    }

    @Override
    public Interval affine(long bias, long[] weights, List<Interval> xs) {
        long lo = bias;
        long hi = bias;
        for (int k = 0; k < weights.length; k++) {
            long w = weights[k];
            Interval x = xs.get(k);
            long a = Math.multiplyExact(w, x.lo());
            long b = Math.multiplyExact(w, x.hi());
            lo = Math.addExact(lo, Math.min(a, b));
            hi = Math.addExact(hi, Math.max(a, b));
        }
        return new Interval(lo, hi);
    }

    @Override
    public Interval divRound(Interval x, long d, boolean relu) {
        Interval q = new Interval(LongOps.INSTANCE.divRound(x.lo(), d, false),
                LongOps.INSTANCE.divRound(x.hi(), d, false));
        return relu ? relu(q) : q;
    }

    @Override
    public Interval mulPow2(Interval x, int k) {
        return new Interval(Math.multiplyExact(x.lo(), 1L << k), Math.multiplyExact(x.hi(), 1L << k));
    }

    @Override
    public Interval relu(Interval x) {
        return new Interval(Math.max(x.lo(), 0), Math.max(x.hi(), 0));
    }

    @Override
    public Interval max(Interval a, Interval b) {
        return new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
    }

    @Override
    public Interval lessThan(Interval a, Interval b) {
        return new Interval(0, 1);
    }

    @Override
    public Interval isNonNegative(Interval x) {
        return new Interval(0, 1);
    }

    @Override
    public Interval select(Interval c, Interval a, Interval b) {
        return a.union(b);
    }
}
