package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/**
 * {@link JacobianOps} over Fq2 for G2, on the D-type sextic twist y^2 = x^3 + 3/xi (xi = 9 + u). Points take
 * 24 longs (X, Y, Z), affine ones 16 (x.c0, x.c1, y.c0, y.c1). Also the untwist-Frobenius-twist
 * endomorphism psi and the subgroup test built on it.
 */
public final class G2Ops extends JacobianOps {
    /** The BN parameter x of BN254 (q and r are polynomials in it); positive. */
    public static final BigInteger SEED = new BigInteger("4965661367192848881");
    /** b' = 3/xi, the twist's constant. */
    static final long[] B = new long[8];
    /** psi(x, y) = (conj(x) * PSI_X, conj(y) * PSI_Y) with PSI_X = xi^((q-1)/3), PSI_Y = xi^((q-1)/2). */
    static final long[] PSI_X = new long[8];
    static final long[] PSI_Y = new long[8];

    static {
        BigInteger q = MontField.FQ.modulus;
        long[] xi = new long[8];
        Fq2Ops.fromBigIntegers(BigInteger.valueOf(9), BigInteger.ONE, xi, 0);
        Fq2Ops.inv(xi, 0, B, 0);
        long[] three = new long[8];
        Fq2Ops.fromBigIntegers(BigInteger.valueOf(3), BigInteger.ZERO, three, 0);
        Fq2Ops.mul(B, 0, three, 0, B, 0);
        BigInteger qm1 = q.subtract(BigInteger.ONE);
        Fq2Ops.pow(xi, 0, qm1.divide(BigInteger.valueOf(3)), PSI_X, 0);
        Fq2Ops.pow(xi, 0, qm1.shiftRight(1), PSI_Y, 0);
    }

    public G2Ops() {
        super(8);
    }

    /** y^2 = x^3 + 3/xi for the affine point at ao. */
    public boolean isOnCurve(long[] a, int ao) {
        return isOnCurve(a, ao, B, 0);
    }

    /**
     * psi on a Jacobian point: (conj(X) PSI_X, conj(Y) PSI_Y, conj(Z)); conjugation commutes with the
     * Z-powers, so this is psi of the affine point. On G2, psi acts as multiplication by q.
     */
    public void psi(long[] p, int po, long[] r, int ro) {
        Fq2Ops.conjugate(p, po, r, ro);
        Fq2Ops.mul(r, ro, PSI_X, 0, r, ro);
        Fq2Ops.conjugate(p, po + 8, r, ro + 8);
        Fq2Ops.mul(r, ro + 8, PSI_Y, 0, r, ro + 8);
        Fq2Ops.conjugate(p, po + 16, r, ro + 16);
    }

    /**
     * Membership of an on-curve affine point (16 longs) in the order-r subgroup G2, by the test of Dai, Lin,
     * Zhao and Zhou, "Fast subgroup membership testing for G1, G2 and GT on pairing-friendly curves"
     * (ePrint 2022/348, section 5.1): for BN curves with x != 4 (mod 13) and x != 92 (mod 97), which holds
     * for BN254, Q is in G2 iff [x+1]Q + psi([x]Q) + psi^2([x]Q) = psi^3([2x]Q). One 63-bit scalar
     * multiplication instead of a 254-bit one.
     */
    public boolean isInSubgroup(long[] a, int ao) {
        if (Fq2Ops.isZero(a, ao) && Fq2Ops.isZero(a, ao + 8)) {
            return true;
        }
        long[] xq = new long[24], lhs = new long[24], t = new long[24];
        mul(a, ao, true, SEED, xq, 0);
        addMixed(xq, 0, a, ao, lhs, 0);            // [x+1]Q
        psi(xq, 0, t, 0);
        add(lhs, 0, t, 0, lhs, 0);
        psi(t, 0, t, 0);
        add(lhs, 0, t, 0, lhs, 0);
        dbl(xq, 0, t, 0);
        psi(t, 0, t, 0);
        psi(t, 0, t, 0);
        psi(t, 0, t, 0);
        return equal(lhs, 0, t, 0);
    }

    /** The textbook test [r]Q = infinity (254-bit scalar multiplication); for cross-checks and timing. */
    public boolean isInSubgroupByOrder(long[] a, int ao) {
        if (Fq2Ops.isZero(a, ao) && Fq2Ops.isZero(a, ao + 8)) {
            return true;
        }
        long[] t = new long[24];
        mul(a, ao, true, MontField.FR.modulus, t, 0);
        return isInfinity(t, 0);
    }

    @Override
    protected void fMul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        Fq2Ops.mul(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fSqr(long[] a, int ao, long[] r, int ro) {
        Fq2Ops.sqr(a, ao, r, ro);
    }

    @Override
    protected void fAdd(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        Fq2Ops.add(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fSub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        Fq2Ops.sub(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fNeg(long[] a, int ao, long[] r, int ro) {
        Fq2Ops.neg(a, ao, r, ro);
    }

    @Override
    protected void fInv(long[] a, int ao, long[] r, int ro) {
        Fq2Ops.inv(a, ao, r, ro);
    }

    @Override
    protected void fSetOne(long[] r, int ro) {
        Fq2Ops.setOne(r, ro);
    }
}
