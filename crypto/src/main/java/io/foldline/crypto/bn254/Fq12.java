package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.Fq12Ops;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An immutable element c0 + c1*w of Fq12 = Fq6[w]/(w^2 - v), the target field of the pairing (GT is its
 * subgroup of order r); see {@link Fq12Ops}.
 */
public final class Fq12 {
    public static final Fq12 ZERO = new Fq12(new long[48]);
    public static final Fq12 ONE = of(Fq6.ONE, Fq6.ZERO);

    final long[] v; // 48 Montgomery limbs: c0 then c1; never mutated after construction

    Fq12(long[] v) {
        this.v = v;
    }

    public static Fq12 of(Fq6 c0, Fq6 c1) {
        long[] r = new long[48];
        c0.copyMontTo(r, 0);
        c1.copyMontTo(r, 24);
        return new Fq12(r);
    }

    public static Fq12 fromMont(long[] src, int off) {
        return new Fq12(Arrays.copyOfRange(src, off, off + 48));
    }

    public static Fq12 random(RandomGenerator rng) {
        return of(Fq6.random(rng), Fq6.random(rng));
    }

    public Fq6 c0() {
        return Fq6.fromMont(v, 0);
    }

    public Fq6 c1() {
        return Fq6.fromMont(v, 24);
    }

    public void copyMontTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 48);
    }

    public Fq12 add(Fq12 o) {
        long[] r = new long[48];
        Fq12Ops.add(v, 0, o.v, 0, r, 0);
        return new Fq12(r);
    }

    public Fq12 sub(Fq12 o) {
        long[] r = new long[48];
        Fq12Ops.sub(v, 0, o.v, 0, r, 0);
        return new Fq12(r);
    }

    public Fq12 neg() {
        long[] r = new long[48];
        Fq12Ops.neg(v, 0, r, 0);
        return new Fq12(r);
    }

    public Fq12 mul(Fq12 o) {
        long[] r = new long[48];
        new Fq12Ops().mul(v, 0, o.v, 0, r, 0);
        return new Fq12(r);
    }

    public Fq12 square() {
        long[] r = new long[48];
        new Fq12Ops().sqr(v, 0, r, 0);
        return new Fq12(r);
    }

    public Fq12 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Fq12: inverse of zero");
        }
        long[] r = new long[48];
        new Fq12Ops().inv(v, 0, r, 0);
        return new Fq12(r);
    }

    /** c0 - c1*w = this^(q^6); the inverse of a pairing value (an element of the cyclotomic subgroup). */
    public Fq12 conjugate() {
        long[] r = new long[48];
        Fq12Ops.conjugate(v, 0, r, 0);
        return new Fq12(r);
    }

    /** this^(q^k) for any k >= 0, through the precomputed maps for k = 1, 2, 3 (q^12 is the identity). */
    public Fq12 frobenius(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("Frobenius power must be non-negative: " + k);
        }
        long[] r = v.clone();
        int left = k % 12;
        if (left >= 6) {
            Fq12Ops.conjugate(r, 0, r, 0);
            left -= 6;
        }
        for (; left > 0; left -= Math.min(left, 3)) {
            Fq12Ops.frobenius(r, 0, Math.min(left, 3), r, 0);
        }
        return new Fq12(r);
    }

    public Fq12 pow(BigInteger e) {
        if (e.signum() < 0) {
            return inverse().pow(e.negate());
        }
        Fq12Ops ops = new Fq12Ops();
        long[] acc = ONE.v.clone();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            ops.sqr(acc, 0, acc, 0);
            if (e.testBit(i)) {
                ops.mul(acc, 0, v, 0, acc, 0);
            }
        }
        return new Fq12(acc);
    }

    public boolean isZero() {
        return Arrays.equals(v, ZERO.v);
    }

    public boolean isOne() {
        return Fq12Ops.isOne(v, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq12 e && Arrays.equals(v, e.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "(" + c0() + ") + (" + c1() + ")*w";
    }
}
