package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.G2Ops;
import io.foldline.crypto.bn254.internal.JacobianOps;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of G2, the order-r subgroup of the sextic twist E'(Fq2): y^2 = x^3 + 3/(9 + u), in
 * affine coordinates; 16 Montgomery limbs x.c0, x.c1, y.c0, y.c1, and infinity is encoded as (0, 0).
 * E'(Fq2) has order r * h with a large cofactor h, so a point on the curve need not be in G2: {@link #of}
 * checks both, {@link #ofUnchecked} neither. The group operations are those of {@link AffinePoint}.
 */
public final class G2Affine extends AffinePoint<G2Affine, G2Jacobian, Fq2> {
    public static final G2Affine INFINITY = new G2Affine(new long[16]);
    /** The generator of EIP-197 (and of snarkjs, gnark and the Ethereum Yellow Paper). */
    public static final G2Affine GENERATOR = of(
            Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    G2Affine(long[] v) {
        super(v);
    }

    /** The point (x, y) after checking the curve equation and subgroup membership; (0, 0) is infinity. */
    public static G2Affine of(Fq2 x, Fq2 y) {
        return validated(limbs(x, y));
    }

    /** No checks at all: for points that are known to be in G2 (e.g. computed here or from a trusted key). */
    public static G2Affine ofUnchecked(Fq2 x, Fq2 y) {
        long[] r = limbs(x, y);
        return allZero(r) ? INFINITY : new G2Affine(r);
    }

    /** Reads 16 Montgomery limbs (x.c0, x.c1, y.c0, y.c1; zeros for infinity) and validates like {@link #of}. */
    public static G2Affine fromLimbs(long[] src, int off) {
        return validated(reducedLimbs(src, off, 16, "G2"));
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
        if (allZero(r)) {
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

    @Override
    JacobianOps ops() {
        return new G2Ops();
    }

    @Override
    G2Affine wrap(long[] limbs) {
        return new G2Affine(limbs);
    }

    @Override
    G2Jacobian wrapJacobian(long[] limbs) {
        return new G2Jacobian(limbs);
    }

    @Override
    Fq2 coordinate(long[] limbs, int off) {
        return Fq2.fromMont(limbs, off);
    }

    @Override
    G2Affine infinity() {
        return INFINITY;
    }

    @Override
    String groupName() {
        return "G2";
    }
}
