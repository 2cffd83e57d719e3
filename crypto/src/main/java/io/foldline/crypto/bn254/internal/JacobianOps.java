package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/**
 * Group law of a short Weierstrass curve y^2 = x^3 + b (a = 0) in Jacobian coordinates (x = X/Z^2,
 * y = Y/Z^3), written once over an abstract base field whose elements take {@code w} longs: {@link G1Ops}
 * instantiates it over Fq (w = 4), {@link G2Ops} over Fq2 (w = 8).
 *
 * <p>A Jacobian point takes 3w longs (X, Y, Z); Z = 0 is the point at infinity. An affine point takes 2w
 * longs (x, y), with (0, 0) for infinity (no curve with b != 0 passes through it). Formulas from the
 * Explicit-Formulas Database: dbl-2009-l, add-2007-bl, madd-2007-bl. An instance owns scratch space: not
 * thread-safe. Outputs may alias inputs.
 */
public abstract class JacobianOps {
    protected final int w;
    private final long[] t;

    protected JacobianOps(int w) {
        this.w = w;
        this.t = new long[14 * w];
    }

    protected abstract void fMul(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    protected abstract void fSqr(long[] a, int ao, long[] r, int ro);

    protected abstract void fAdd(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    protected abstract void fSub(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    protected abstract void fNeg(long[] a, int ao, long[] r, int ro);

    protected abstract void fInv(long[] a, int ao, long[] r, int ro);

    protected abstract void fSetOne(long[] r, int ro);

    protected final void fDbl(long[] a, int ao, long[] r, int ro) {
        fAdd(a, ao, a, ao, r, ro);
    }

    protected final boolean fIsZero(long[] a, int ao) {
        for (int i = 0; i < w; i++) {
            if (a[ao + i] != 0) {
                return false;
            }
        }
        return true;
    }

    protected final boolean fEq(long[] a, int ao, long[] b, int bo) {
        return java.util.Arrays.equals(a, ao, ao + w, b, bo, bo + w);
    }

    private int s(int i) {
        return i * w;
    }

    public final boolean isInfinity(long[] p, int po) {
        return fIsZero(p, po + 2 * w);
    }

    /** Writes (1, 1, 0). */
    public final void setInfinity(long[] r, int ro) {
        fSetOne(r, ro);
        fSetOne(r, ro + w);
        java.util.Arrays.fill(r, ro + 2 * w, ro + 3 * w, 0L);
    }

    /** r = 2p (dbl-2009-l). */
    public final void dbl(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            setInfinity(r, ro);
            return;
        }
        final long[] t = this.t;
        final int x = po, y = po + w, z = po + 2 * w;
        fSqr(p, x, t, s(0));                                   // A = X^2
        fSqr(p, y, t, s(1));                                   // B = Y^2
        fSqr(t, s(1), t, s(2));                                // C = B^2
        fAdd(p, x, t, s(1), t, s(3));
        fSqr(t, s(3), t, s(3));
        fSub(t, s(3), t, s(0), t, s(3));
        fSub(t, s(3), t, s(2), t, s(3));
        fDbl(t, s(3), t, s(3));                               // D = 2((X + B)^2 - A - C)
        fDbl(t, s(0), t, s(4));
        fAdd(t, s(4), t, s(0), t, s(4));                       // E = 3A
        fSqr(t, s(4), t, s(5));                                // F = E^2
        fMul(p, y, p, z, t, s(6));
        fDbl(t, s(6), t, s(6));                               // Z3 = 2YZ
        fSub(t, s(5), t, s(3), t, s(7));
        fSub(t, s(7), t, s(3), t, s(7));                       // X3 = F - 2D
        fSub(t, s(3), t, s(7), t, s(8));
        fMul(t, s(4), t, s(8), t, s(8));
        fDbl(t, s(2), t, s(2));
        fDbl(t, s(2), t, s(2));
        fDbl(t, s(2), t, s(2));
        fSub(t, s(8), t, s(2), t, s(8));                       // Y3 = E(D - X3) - 8C
        System.arraycopy(t, s(7), r, ro, 2 * w);              // X3, Y3 are adjacent (slots 7, 8)
        System.arraycopy(t, s(6), r, ro + 2 * w, w);
    }

    /** r = p + q, both Jacobian (add-2007-bl, falling back to doubling when p = q). */
    public final void add(long[] p, int po, long[] q, int qo, long[] r, int ro) {
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, r, ro, 3 * w);
            return;
        }
        if (isInfinity(q, qo)) {
            System.arraycopy(p, po, r, ro, 3 * w);
            return;
        }
        final long[] t = this.t;
        final int z1 = po + 2 * w, z2 = qo + 2 * w;
        fSqr(p, z1, t, s(0));                                  // Z1Z1
        fSqr(q, z2, t, s(1));                                  // Z2Z2
        fMul(p, po, t, s(1), t, s(2));                         // U1 = X1 Z2Z2
        fMul(q, qo, t, s(0), t, s(3));                         // U2 = X2 Z1Z1
        fMul(p, po + w, q, z2, t, s(4));
        fMul(t, s(4), t, s(1), t, s(4));                       // S1 = Y1 Z2 Z2Z2
        fMul(q, qo + w, p, z1, t, s(5));
        fMul(t, s(5), t, s(0), t, s(5));                       // S2 = Y2 Z1 Z1Z1
        fSub(t, s(3), t, s(2), t, s(6));                       // H = U2 - U1
        fSub(t, s(5), t, s(4), t, s(7));
        fDbl(t, s(7), t, s(7));                               // rr = 2(S2 - S1)
        if (fIsZero(t, s(6))) {
            if (fIsZero(t, s(7))) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        fAdd(p, z1, q, z2, t, s(12));
        fSqr(t, s(12), t, s(12));
        fSub(t, s(12), t, s(0), t, s(12));
        fSub(t, s(12), t, s(1), t, s(12));
        fMul(t, s(12), t, s(6), t, s(12));                     // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
        fDbl(t, s(6), t, s(8));
        fSqr(t, s(8), t, s(8));                                // I = (2H)^2
        fMul(t, s(6), t, s(8), t, s(9));                       // J = H I
        fMul(t, s(2), t, s(8), t, s(10));                      // V = U1 I
        finishAdd(t, s(7), t, s(4), r, ro);
    }

    /** r = p + q with q affine (x, y) and not infinity (madd-2007-bl). */
    public final void addMixed(long[] p, int po, long[] q, int qo, long[] r, int ro) {
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, r, ro, 2 * w);
            fSetOne(r, ro + 2 * w);
            return;
        }
        final long[] t = this.t;
        final int z1 = po + 2 * w;
        fSqr(p, z1, t, s(0));                                  // Z1Z1
        fMul(q, qo, t, s(0), t, s(1));                         // U2 = X2 Z1Z1
        fMul(q, qo + w, p, z1, t, s(2));
        fMul(t, s(2), t, s(0), t, s(2));                       // S2 = Y2 Z1 Z1Z1
        fSub(t, s(1), p, po, t, s(6));                         // H = U2 - X1
        fSub(t, s(2), p, po + w, t, s(7));
        fDbl(t, s(7), t, s(7));                               // rr = 2(S2 - Y1)
        if (fIsZero(t, s(6))) {
            if (fIsZero(t, s(7))) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        fSqr(t, s(6), t, s(5));                                // HH
        fAdd(p, z1, t, s(6), t, s(12));
        fSqr(t, s(12), t, s(12));
        fSub(t, s(12), t, s(0), t, s(12));
        fSub(t, s(12), t, s(5), t, s(12));                     // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        fDbl(t, s(5), t, s(8));
        fDbl(t, s(8), t, s(8));                               // I = 4 HH
        fMul(t, s(6), t, s(8), t, s(9));                       // J = H I
        fMul(p, po, t, s(8), t, s(10));                        // V = X1 I
        System.arraycopy(p, po + w, t, s(4), w);              // S1 := Y1
        finishAdd(t, s(7), t, s(4), r, ro);
    }

    /** X3 = rr^2 - J - 2V, Y3 = rr(V - X3) - 2 S1 J from slots J = 9, V = 10, Z3 = 12. */
    private void finishAdd(long[] t, int rr, long[] s1a, int s1, long[] r, int ro) {
        fSqr(t, rr, t, s(11));
        fSub(t, s(11), t, s(9), t, s(11));
        fSub(t, s(11), t, s(10), t, s(11));
        fSub(t, s(11), t, s(10), t, s(11));                    // X3
        fSub(t, s(10), t, s(11), t, s(10));
        fMul(t, rr, t, s(10), t, s(10));
        fMul(s1a, s1, t, s(9), t, s(9));
        fDbl(t, s(9), t, s(9));
        fSub(t, s(10), t, s(9), t, s(10));                     // Y3
        System.arraycopy(t, s(11), r, ro, w);
        System.arraycopy(t, s(10), r, ro + w, w);
        System.arraycopy(t, s(12), r, ro + 2 * w, w);
    }

    public final void neg(long[] p, int po, long[] r, int ro) {
        System.arraycopy(p, po, r, ro, w);
        fNeg(p, po + w, r, ro + w);
        System.arraycopy(p, po + 2 * w, r, ro + 2 * w, w);
    }

    /** r = -a for an affine point (x, y) that is not infinity (r takes 2w longs). */
    public final void negAffine(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, w);
        fNeg(a, ao + w, r, ro + w);
    }

    /** Writes (x, y, 1) for the affine point a, or (1, 1, 0) when a is the (0, 0) encoding of infinity. */
    public final void fromAffine(long[] a, int ao, long[] r, int ro) {
        if (fIsZero(a, ao) && fIsZero(a, ao + w)) {
            setInfinity(r, ro);
            return;
        }
        System.arraycopy(a, ao, r, ro, 2 * w);
        fSetOne(r, ro + 2 * w);
    }

    /**
     * r = [k]p by left-to-right double-and-add (k >= 0, any size; not constant time). {@code affine} says
     * whether p is an affine point (2w longs, not infinity), which allows mixed additions.
     */
    public final void mul(long[] p, int po, boolean affine, BigInteger k, long[] r, int ro) {
        long[] base = java.util.Arrays.copyOfRange(p, po, po + (affine ? 2 : 3) * w);
        long[] acc = new long[3 * w];
        setInfinity(acc, 0);
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            dbl(acc, 0, acc, 0);
            if (k.testBit(i)) {
                if (affine) {
                    addMixed(acc, 0, base, 0, acc, 0);
                } else {
                    add(acc, 0, base, 0, acc, 0);
                }
            }
        }
        System.arraycopy(acc, 0, r, ro, 3 * w);
    }

    /** Writes the affine (x, y) of p, or (0, 0) for infinity. */
    public final void toAffine(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            java.util.Arrays.fill(r, ro, ro + 2 * w, 0L);
            return;
        }
        long[] zi = new long[2 * w];
        fInv(p, po + 2 * w, zi, 0);
        fromInverseZ(p, po, zi, r, ro);
    }

    /** (X / Z^2, Y / Z^3) given zi = 1/Z in zi[0..w); clobbers zi[w..2w). */
    private void fromInverseZ(long[] p, int po, long[] zi, long[] r, int ro) {
        fSqr(zi, 0, zi, w);
        fMul(p, po, zi, w, r, ro);
        fMul(zi, w, zi, 0, zi, w);
        fMul(p, po + w, zi, w, r, ro + w);
    }

    /**
     * Converts n Jacobian points (3w longs each, from ps at 0) to affine (2w longs each, into out at 0) with
     * one field inversion (Montgomery's trick).
     */
    public final void batchToAffine(long[] ps, int n, long[] out) {
        long[] prefix = new long[(n + 1) * w];
        fSetOne(prefix, 0);
        for (int i = 0; i < n; i++) {
            int z = 3 * w * i + 2 * w;
            if (isInfinity(ps, 3 * w * i)) {
                System.arraycopy(prefix, i * w, prefix, (i + 1) * w, w);
            } else {
                fMul(prefix, i * w, ps, z, prefix, (i + 1) * w);
            }
        }
        long[] acc = new long[w];
        fInv(prefix, n * w, acc, 0);
        long[] zi = new long[2 * w];
        for (int i = n - 1; i >= 0; i--) {
            int p = 3 * w * i;
            if (isInfinity(ps, p)) {
                java.util.Arrays.fill(out, 2 * w * i, 2 * w * (i + 1), 0L);
                continue;
            }
            fMul(acc, 0, prefix, i * w, zi, 0);                // 1/Z_i
            fMul(acc, 0, ps, p + 2 * w, acc, 0);               // drop Z_i from the running inverse
            fromInverseZ(ps, p, zi, out, 2 * w * i);
        }
    }

    /** True when p and q are the same point (X1 Z2^2 = X2 Z1^2 and Y1 Z2^3 = Y2 Z1^3). */
    public final boolean equal(long[] p, int po, long[] q, int qo) {
        boolean pi = isInfinity(p, po), qi = isInfinity(q, qo);
        if (pi || qi) {
            return pi && qi;
        }
        long[] u = new long[6 * w];
        fSqr(p, po + 2 * w, u, 0);                             // Z1^2
        fSqr(q, qo + 2 * w, u, w);                             // Z2^2
        fMul(p, po, u, w, u, 2 * w);
        fMul(q, qo, u, 0, u, 3 * w);
        if (!fEq(u, 2 * w, u, 3 * w)) {
            return false;
        }
        fMul(u, 0, p, po + 2 * w, u, 0);                       // Z1^3
        fMul(u, w, q, qo + 2 * w, u, w);                       // Z2^3
        fMul(p, po + w, u, w, u, 4 * w);
        fMul(q, qo + w, u, 0, u, 5 * w);
        return fEq(u, 4 * w, u, 5 * w);
    }

    /** y^2 = x^3 + b for an affine point (x, y); b has w longs. */
    public final boolean isOnCurve(long[] a, int ao, long[] b, int bo) {
        long[] u = new long[2 * w];
        fSqr(a, ao, u, 0);
        fMul(u, 0, a, ao, u, 0);
        fAdd(u, 0, b, bo, u, 0);
        fSqr(a, ao + w, u, w);
        return fEq(u, 0, u, w);
    }
}
