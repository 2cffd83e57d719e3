package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.bn254.internal.JacobianOps;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G1 = E(Fq), E: y^2 = x^3 + 3, in affine coordinates; 8 Montgomery limbs, x then y.
 * The point at infinity is encoded as (0, 0), as in the EVM precompiles; (0, 0) is not on the curve, so the
 * encoding is unambiguous. The group operations are those of {@link AffinePoint}.
 *
 * <p>E(Fq) has prime order r (cofactor 1), so every point on the curve is in G1: validating the curve
 * equation is all the validation a G1 point needs.
 */
public final class G1Affine extends AffinePoint<G1Affine, G1Jacobian, Fq> {
    public static final G1Affine INFINITY = new G1Affine(new long[8]);
    public static final G1Affine GENERATOR = of(Fq.ONE, Fq.of(2));

    G1Affine(long[] v) {
        super(v);
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
        return validated(reducedLimbs(src, off, 8, "G1"));
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

    public byte[] toBytesBE() {
        byte[] out = new byte[64];
        System.arraycopy(x().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(y().toBytesBE(), 0, out, 32, 32);
        return out;
    }

    @Override
    JacobianOps ops() {
        return new G1Ops();
    }

    @Override
    G1Affine wrap(long[] limbs) {
        return new G1Affine(limbs);
    }

    @Override
    G1Jacobian wrapJacobian(long[] limbs) {
        return new G1Jacobian(limbs);
    }

    @Override
    Fq coordinate(long[] limbs, int off) {
        return Fq.fromMont(limbs, off);
    }

    @Override
    G1Affine infinity() {
        return INFINITY;
    }

    @Override
    String groupName() {
        return "G1";
    }
}
