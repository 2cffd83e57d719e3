package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.Fq6Ops;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** An immutable element c0 + c1*v + c2*v^2 of Fq6 = Fq2[v]/(v^3 - xi), xi = 9 + u; see {@link Fq6Ops}. */
public final class Fq6 {
    public static final Fq6 ZERO = new Fq6(new long[24]);
    public static final Fq6 ONE = of(Fq2.ONE, Fq2.ZERO, Fq2.ZERO);

    final long[] v; // 24 Montgomery limbs: c0, c1, c2; never mutated after construction

    Fq6(long[] v) {
        this.v = v;
    }

    public static Fq6 of(Fq2 c0, Fq2 c1, Fq2 c2) {
        long[] r = new long[24];
        c0.copyMontTo(r, 0);
        c1.copyMontTo(r, 8);
        c2.copyMontTo(r, 16);
        return new Fq6(r);
    }

    public static Fq6 fromMont(long[] src, int off) {
        return new Fq6(Arrays.copyOfRange(src, off, off + 24));
    }

    public static Fq6 random(RandomGenerator rng) {
        return of(Fq2.random(rng), Fq2.random(rng), Fq2.random(rng));
    }

    public Fq2 c0() {
        return Fq2.fromMont(v, 0);
    }

    public Fq2 c1() {
        return Fq2.fromMont(v, 8);
    }

    public Fq2 c2() {
        return Fq2.fromMont(v, 16);
    }

    public void copyMontTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 24);
    }

    public Fq6 add(Fq6 o) {
        long[] r = new long[24];
        Fq6Ops.add6(v, 0, o.v, 0, r, 0);
        return new Fq6(r);
    }

    public Fq6 sub(Fq6 o) {
        long[] r = new long[24];
        Fq6Ops.sub6(v, 0, o.v, 0, r, 0);
        return new Fq6(r);
    }

    public Fq6 neg() {
        long[] r = new long[24];
        Fq6Ops.neg6(v, 0, r, 0);
        return new Fq6(r);
    }

    public Fq6 mul(Fq6 o) {
        long[] r = new long[24];
        new Fq6Ops().mul(v, 0, o.v, 0, r, 0);
        return new Fq6(r);
    }

    public Fq6 square() {
        long[] r = new long[24];
        new Fq6Ops().sqr(v, 0, r, 0);
        return new Fq6(r);
    }

    /** this * v (the element v of the tower, not a scalar). */
    public Fq6 mulByV() {
        long[] r = new long[24];
        new Fq6Ops().mulByV(v, 0, r, 0);
        return new Fq6(r);
    }

    public Fq6 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Fq6: inverse of zero");
        }
        long[] r = new long[24];
        new Fq6Ops().inv(v, 0, r, 0);
        return new Fq6(r);
    }

    /** this^(q^k). Fq6 is the w-even part of Fq12, so this reuses the Fq12 map on (this, 0). */
    public Fq6 frobenius(int k) {
        return Fq12.of(this, ZERO).frobenius(k).c0();
    }

    public boolean isZero() {
        return Fq6Ops.isZero6(v, 0);
    }

    public boolean isOne() {
        return equals(ONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq6 e && Arrays.equals(v, e.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "(" + c0() + ") + (" + c1() + ")*v + (" + c2() + ")*v^2";
    }
}
