package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/** {@link JacobianOps} over Fq for G1: y^2 = x^3 + 3. Points take 12 longs (X, Y, Z), affine ones 8. */
public final class G1Ops extends JacobianOps {
    private static final MontField F = MontField.FQ;
    /** b = 3 in Montgomery form. */
    static final long[] B = new long[4];

    static {
        F.fromBigInteger(BigInteger.valueOf(3), B, 0);
    }

    public G1Ops() {
        super(4);
    }

    /** y^2 = x^3 + 3 for the affine point at ao (the (0, 0) encoding of infinity is not on the curve). */
    public boolean isOnCurve(long[] a, int ao) {
        return isOnCurve(a, ao, B, 0);
    }

    @Override
    protected void fMul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.mul(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fSqr(long[] a, int ao, long[] r, int ro) {
        F.sqr(a, ao, r, ro);
    }

    @Override
    protected void fAdd(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.add(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fSub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.sub(a, ao, b, bo, r, ro);
    }

    @Override
    protected void fNeg(long[] a, int ao, long[] r, int ro) {
        F.neg(a, ao, r, ro);
    }

    @Override
    protected void fInv(long[] a, int ao, long[] r, int ro) {
        F.inv(a, ao, r, ro);
    }

    @Override
    protected void fSetOne(long[] r, int ro) {
        F.setOne(r, ro);
    }
}
