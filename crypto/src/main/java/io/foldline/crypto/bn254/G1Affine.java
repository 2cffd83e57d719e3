package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G1 = E(Fq), E: y^2 = x^3 + 3, in affine coordinates. The point at infinity is
 * encoded as (0, 0), as in the EVM precompiles; (0, 0) is not on the curve, so the encoding is unambiguous.
 *
 * <p>E(Fq) has prime order r (cofactor 1), so every point on the curve is in G1: validating the curve
 * equation is all the validation a G1 point needs.
 */
public final class G1Affine {
    public static final G1Affine INFINITY = new G1Affine(new long[8]);
    public static final G1Affine GENERATOR = of(Fq.ONE, Fq.of(2));

    final long[] v; // Montgomery limbs of x then y; zeros for infinity; never mutated

    G1Affine(long[] v) {
        this.v = v;
    }

    /** The point (x, y); (0, 0) gives infinity; throws CryptoException when the point is not on the curve. */
    public static G1Affine of(Fq x, Fq y) {
        long[] r = new long[8];
        x.copyMontTo(r, 0);
        y.copyMontTo(r, 4);
        return validated(r);
    }

    public static G1Affine of(BigInteger x, BigInteger y) {
        return of(Fq.of(x), Fq.of(y));
    }

    /** Reads 8 Montgomery limbs (x then y; zeros for infinity) and validates them like {@link #of}. */
    public static G1Affine fromLimbs(long[] src, int off) {
        long[] r = Arrays.copyOfRange(src, off, off + 8);
        if (!reduced(r, 0) || !reduced(r, 4)) {
            throw new CryptoException("G1 point limbs are not reduced below the field modulus");
        }
        return validated(r);
    }

    /** 64 bytes: x then y, 32-byte big-endian words (the ecAdd/ecMul input layout); infinity is all zeros. */
    public static G1Affine fromBytesBE(byte[] b) {
        if (b.length != 64) {
            throw new CryptoException("G1 point encoding must be 64 bytes, got " + b.length);
        }
        return of(Fq.fromBytesBE(Arrays.copyOfRange(b, 0, 32)), Fq.fromBytesBE(Arrays.copyOfRange(b, 32, 64)));
    }

    private static G1Affine validated(long[] r) {
        if (allZero(r)) {
            return INFINITY;
        }
        if (!new G1Ops().isOnCurve(r, 0)) {
            throw new CryptoException("G1 point is not on the curve: (" + Fq.fromMont(r, 0) + ", " + Fq.fromMont(r, 4) + ")");
        }
        return new G1Affine(r);
    }

    /** Montgomery limbs of a reduced element are below q like canonical ones. */
    static boolean reduced(long[] a, int off) {
        return MontField.FQ.isCanonical(a, off);
    }

    public byte[] toBytesBE() {
        byte[] out = new byte[64];
        System.arraycopy(x().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(y().toBytesBE(), 0, out, 32, 32);
        return out;
    }

    public Fq x() {
        return Fq.fromMont(v, 0);
    }

    public Fq y() {
        return Fq.fromMont(v, 4);
    }

    public boolean isInfinity() {
        return allZero(v);
    }

    /** Writes 8 Montgomery limbs: x then y (zeros for infinity). */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 8);
    }

    public G1Affine neg() {
        return isInfinity() ? this : new G1Affine(concat(x(), y().neg()));
    }

    public G1Affine add(G1Affine o) {
        return toJacobian().addMixed(o).toAffine();
    }

    public G1Affine mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** [k]P; negative k multiplies the negated point. */
    public G1Affine mul(BigInteger k) {
        if (isInfinity() || k.signum() == 0) {
            return INFINITY;
        }
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[12];
        new G1Ops().mul(v, 0, true, k, r, 0);
        return new G1Jacobian(r).toAffine();
    }

    public G1Jacobian toJacobian() {
        long[] r = new long[12];
        if (isInfinity()) {
            new G1Ops().setInfinity(r, 0);
        } else {
            System.arraycopy(v, 0, r, 0, 8);
            Fq.ONE.copyMontTo(r, 8);
        }
        return new G1Jacobian(r);
    }

    static boolean allZero(long[] a) {
        for (long x : a) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] concat(Fq x, Fq y) {
        long[] r = new long[8];
        x.copyMontTo(r, 0);
        y.copyMontTo(r, 4);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Affine p && Arrays.equals(v, p.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return isInfinity() ? "G1(infinity)" : "G1(" + x() + ", " + y() + ")";
    }
}
