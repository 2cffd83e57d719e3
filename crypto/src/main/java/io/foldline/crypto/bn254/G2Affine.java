package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.G2Ops;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G2, the order-r subgroup of the sextic twist E'(Fq2): y^2 = x^3 + 3/(9 + u), in
 * affine coordinates; infinity is encoded as (0, 0). E'(Fq2) has order r * h with a large cofactor h, so a
 * point on the curve need not be in G2: {@link #of} checks both, {@link #ofUnchecked} neither.
 */
public final class G2Affine {
    public static final G2Affine INFINITY = new G2Affine(new long[16]);
    /** The generator of EIP-197 (and of snarkjs, gnark and the Ethereum Yellow Paper). */
    public static final G2Affine GENERATOR = of(
            Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    final long[] v; // Montgomery limbs x.c0, x.c1, y.c0, y.c1; zeros for infinity; never mutated

    G2Affine(long[] v) {
        this.v = v;
    }

    /** The point (x, y) after checking the curve equation and subgroup membership; (0, 0) is infinity. */
    public static G2Affine of(Fq2 x, Fq2 y) {
        return validated(limbs(x, y));
    }

    /** No checks at all: for points that are known to be in G2 (e.g. computed here or from a trusted key). */
    public static G2Affine ofUnchecked(Fq2 x, Fq2 y) {
        long[] r = limbs(x, y);
        return G1Affine.allZero(r) ? INFINITY : new G2Affine(r);
    }

    /** Reads 16 Montgomery limbs (x.c0, x.c1, y.c0, y.c1; zeros for infinity) and validates like {@link #of}. */
    public static G2Affine fromLimbs(long[] src, int off) {
        long[] r = Arrays.copyOfRange(src, off, off + 16);
        for (int i = 0; i < 16; i += 4) {
            if (!G1Affine.reduced(r, i)) {
                throw new CryptoException("G2 point limbs are not reduced below the field modulus");
            }
        }
        return validated(r);
    }

    /**
     * 128 bytes in the EIP-197 layout: x.c1, x.c0, y.c1, y.c0 as 32-byte big-endian words (imaginary part
     * first); infinity is all zeros.
     */
    public static G2Affine fromBytesBE(byte[] b) {
        if (b.length != 128) {
            throw new CryptoException("G2 point encoding must be 128 bytes, got " + b.length);
        }
        Fq[] w = new Fq[4];
        for (int i = 0; i < 4; i++) {
            w[i] = Fq.fromBytesBE(Arrays.copyOfRange(b, 32 * i, 32 * i + 32));
        }
        return of(Fq2.of(w[1], w[0]), Fq2.of(w[3], w[2]));
    }

    public byte[] toBytesBE() {
        byte[] out = new byte[128];
        Fq2 x = x(), y = y();
        Fq[] w = {x.c1(), x.c0(), y.c1(), y.c0()};
        for (int i = 0; i < 4; i++) {
            System.arraycopy(w[i].toBytesBE(), 0, out, 32 * i, 32);
        }
        return out;
    }

    private static long[] limbs(Fq2 x, Fq2 y) {
        long[] r = new long[16];
        x.copyMontTo(r, 0);
        y.copyMontTo(r, 8);
        return r;
    }

    private static G2Affine validated(long[] r) {
        if (G1Affine.allZero(r)) {
            return INFINITY;
        }
        G2Ops ops = new G2Ops();
        if (!ops.isOnCurve(r, 0)) {
            throw new CryptoException("G2 point is not on the curve: " + describe(r));
        }
        if (!ops.isInSubgroup(r, 0)) {
            throw new CryptoException("G2 point is on the curve but not in the subgroup of order r: " + describe(r));
        }
        return new G2Affine(r);
    }

    private static String describe(long[] r) {
        return "(" + Fq2.fromMont(r, 0) + ", " + Fq2.fromMont(r, 8) + ")";
    }

    public Fq2 x() {
        return Fq2.fromMont(v, 0);
    }

    public Fq2 y() {
        return Fq2.fromMont(v, 8);
    }

    public boolean isInfinity() {
        return G1Affine.allZero(v);
    }

    public boolean isOnCurve() {
        return isInfinity() || new G2Ops().isOnCurve(v, 0);
    }

    /** Membership in G2 by the endomorphism test of {@link G2Ops#isInSubgroup}; expects a point on the curve. */
    public boolean isInSubgroup() {
        return new G2Ops().isInSubgroup(v, 0);
    }

    /** The same answer as {@link #isInSubgroup} by [r]Q = infinity; slower, kept for cross-checks. */
    boolean isInSubgroupByOrder() {
        return new G2Ops().isInSubgroupByOrder(v, 0);
    }

    /** Writes 16 Montgomery limbs: x.c0, x.c1, y.c0, y.c1 (zeros for infinity). */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 16);
    }

    public G2Affine neg() {
        return isInfinity() ? this : new G2Affine(limbs(x(), y().neg()));
    }

    public G2Affine add(G2Affine o) {
        return toJacobian().addMixed(o).toAffine();
    }

    public G2Affine mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** [k]Q, with k used as given (not reduced mod r, which matters for points outside G2). */
    public G2Affine mul(BigInteger k) {
        if (isInfinity() || k.signum() == 0) {
            return INFINITY;
        }
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[24];
        new G2Ops().mul(v, 0, true, k, r, 0);
        return new G2Jacobian(r).toAffine();
    }

    public G2Jacobian toJacobian() {
        long[] r = new long[24];
        if (isInfinity()) {
            new G2Ops().setInfinity(r, 0);
        } else {
            System.arraycopy(v, 0, r, 0, 16);
            Fq2.ONE.copyMontTo(r, 16);
        }
        return new G2Jacobian(r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Affine p && Arrays.equals(v, p.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return isInfinity() ? "G2(infinity)" : "G2" + describe(v);
    }
}
