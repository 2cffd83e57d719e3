package io.foldline.circuits.quant;

import io.foldline.circuits.frontend.Api;
import io.foldline.circuits.frontend.FixedPoint;
import io.foldline.circuits.frontend.Signed;
import io.foldline.circuits.frontend.Variable;
import io.foldline.crypto.bn254.Fr;
import java.util.List;

/**
 * {@link QuantOps} as constraints: each operation emits the gadget of {@link io.foldline.circuits.frontend}
 * that computes it (its hints run the same integer arithmetic as {@link LongOps}) and carries the
 * {@link IntervalOps} bound along, which fixes every bit width. Bounds are sound, so any input in the
 * model's input range has a witness; the gadgets are sound, so no other output does.
 */
public final class CircuitOps implements QuantOps<Signal> {
    private final Api api;

    public CircuitOps(Api api) {
        this.api = api;
    }

    @Override
    public Signal constant(long v) {
        return new Signal(Variable.constant(Fr.of(v)), Interval.of(v));
    }

    @Override
    public Signal affine(long bias, long[] weights, List<Signal> xs) {
        Fr[] c = new Fr[weights.length];
        Variable[] v = new Variable[weights.length];
        Interval[] r = new Interval[weights.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = Fr.of(weights[k]);
            v[k] = xs.get(k).v();
            r[k] = xs.get(k).range();
        }
        return new Signal(Variable.linear(Fr.of(bias), c, v), IntervalOps.INSTANCE.affine(bias, weights, List.of(r)));
    }

    @Override
    public Signal divRound(Signal x, long d, boolean relu) {
        Interval shifted = new Interval(Math.addExact(x.range().lo(), d / 2), Math.addExact(x.range().hi(), d / 2));
        int nx = shifted.signedBits();
        Variable q = relu ? FixedPoint.divRoundRelu(api, x.v(), d, nx) : FixedPoint.divRound(api, x.v(), d, nx);
        return new Signal(q, IntervalOps.INSTANCE.divRound(x.range(), d, relu));
    }

    @Override
    public Signal mulPow2(Signal x, int k) {
        return new Signal(x.v().mul(Fr.of(1L << k)), IntervalOps.INSTANCE.mulPow2(x.range(), k));
    }

    @Override
    public Signal relu(Signal x) {
        Interval r = x.range();
        if (r.lo() >= 0) {
            return x;
        }
        Variable y = r.hi() < 0 ? Variable.constant(0) : Signed.relu(api, x.v(), r.signedBits());
        return new Signal(y, IntervalOps.INSTANCE.relu(r));
    }

    @Override
    public Signal max(Signal a, Signal b) {
        int n = a.range().union(b.range()).signedBits();
        return new Signal(Signed.max(api, a.v(), b.v(), n), IntervalOps.INSTANCE.max(a.range(), b.range()));
    }

    @Override
    public Signal lessThan(Signal a, Signal b) {
        int n = a.range().union(b.range()).signedBits();
        return new Signal(Signed.lessThan(api, a.v(), b.v(), n), new Interval(0, 1));
    }

    @Override
    public Signal isNonNegative(Signal x) {
        return new Signal(Signed.isNonNegative(api, x.v(), x.range().signedBits()), new Interval(0, 1));
    }

    @Override
    public Signal select(Signal c, Signal a, Signal b) {
        return new Signal(Signed.select(api, c.v(), a.v(), b.v()), a.range().union(b.range()));
    }
}
