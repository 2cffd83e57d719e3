package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.Fq2Ops;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/** An immutable element c0 + c1*u of Fq2 = Fq[u]/(u^2 + 1); arithmetic delegates to {@link Fq2Ops}. */
public final class Fq2 {
    public static final Fq2 ZERO = new Fq2(new long[8]);
    public static final Fq2 ONE = of(Fq.ONE, Fq.ZERO);
    /** xi = 9 + u, the non-residue of the tower: Fq6 = Fq2[v]/(v^3 - xi). */
    public static final Fq2 XI = of(Fq.of(9), Fq.ONE);

    final long[] v; // Montgomery limbs of c0 then c1, never mutated after construction

    Fq2(long[] v) {
        this.v = v;
    }

    public static Fq2 of(Fq c0, Fq c1) {
        long[] r = new long[8];
        c0.copyMontTo(r, 0);
        c1.copyMontTo(r, 4);
        return new Fq2(r);
    }

    /** From canonical integers, each in [0, q); otherwise a CryptoException names the bad coordinate. */
    public static Fq2 of(BigInteger c0, BigInteger c1) {
        return of(Fq.of(c0), Fq.of(c1));
    }

    /** Wraps 8 Montgomery limbs read from {@code src} at {@code off} (copied). */
    public static Fq2 fromMont(long[] src, int off) {
        long[] r = new long[8];
        Fq2Ops.copy(src, off, r, 0);
        return new Fq2(r);
    }

    public static Fq2 random(RandomGenerator rng) {
        return of(Fq.random(rng), Fq.random(rng));
    }

    public Fq c0() {
        return Fq.fromMont(v, 0);
    }

    public Fq c1() {
        return Fq.fromMont(v, 4);
    }

    public void copyMontTo(long[] dst, int off) {
        Fq2Ops.copy(v, 0, dst, off);
    }

    public Fq2 add(Fq2 o) {
        long[] r = new long[8];
        Fq2Ops.add(v, 0, o.v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 sub(Fq2 o) {
        long[] r = new long[8];
        Fq2Ops.sub(v, 0, o.v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 mul(Fq2 o) {
        long[] r = new long[8];
        Fq2Ops.mul(v, 0, o.v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 mul(Fq s) {
        long[] r = new long[8];
        Fq2Ops.mulByFq(v, 0, s.v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 square() {
        long[] r = new long[8];
        Fq2Ops.sqr(v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 dbl() {
        long[] r = new long[8];
        Fq2Ops.dbl(v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 neg() {
        long[] r = new long[8];
        Fq2Ops.neg(v, 0, r, 0);
        return new Fq2(r);
    }

    /** c0 - c1*u; equal to the Frobenius map x -> x^q. */
    public Fq2 conjugate() {
        long[] r = new long[8];
        Fq2Ops.conjugate(v, 0, r, 0);
        return new Fq2(r);
    }

    /** this^(q^k): the conjugate for odd k, this for even k. */
    public Fq2 frobenius(int k) {
        return (k & 1) == 1 ? conjugate() : this;
    }

    /** this * (9 + u). */
    public Fq2 mulByNonResidue() {
        long[] r = new long[8];
        Fq2Ops.mulByNonResidue(v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 inverse() {
        if (isZero()) {
            throw new ArithmeticException("Fq2: inverse of zero");
        }
        long[] r = new long[8];
        Fq2Ops.inv(v, 0, r, 0);
        return new Fq2(r);
    }

    public Fq2 pow(BigInteger e) {
        if (e.signum() < 0) {
            return inverse().pow(e.negate());
        }
        long[] r = new long[8];
        Fq2Ops.pow(v, 0, e, r, 0);
        return new Fq2(r);
    }

    /** c0^2 + c1^2, the norm to Fq; zero only for zero. */
    public Fq norm() {
        Fq a = c0(), b = c1();
        return a.square().add(b.square());
    }

    /**
     * A square root, or null when this is not a square. Complex method: with n = sqrt(norm), a root is
     * x0 + x1*u where x0^2 = (c0 +- n)/2 (whichever sign gives a square in Fq) and x1 = c1/(2*x0).
     */
    public Fq2 sqrt() {
        Fq a = c0(), b = c1();
        if (b.isZero()) { // -1 is not a square in Fq, so exactly one of a, -a is (unless a = 0)
            Fq s = a.sqrt();
            return s != null ? of(s, Fq.ZERO) : of(Fq.ZERO, a.neg().sqrt());
        }
        Fq n = norm().sqrt();
        if (n == null) {
            return null;
        }
        Fq half = Fq.of(2).inverse();
        Fq x0 = a.add(n).mul(half).sqrt();
        if (x0 == null) {
            x0 = a.sub(n).mul(half).sqrt();
        }
        if (x0 == null || x0.isZero()) {
            return null;
        }
        Fq2 root = of(x0, b.mul(x0.dbl().inverse()));
        return root.square().equals(this) ? root : null;
    }

    public boolean isZero() {
        return Fq2Ops.isZero(v, 0);
    }

    public boolean isOne() {
        return Fq2Ops.isOne(v, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fq2 e && Fq2Ops.eq(v, 0, e.v, 0);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(v);
    }

    /** "c0 + c1*u" in decimal. */
    @Override
    public String toString() {
        return c0() + " + " + c1() + "*u";
    }
}
