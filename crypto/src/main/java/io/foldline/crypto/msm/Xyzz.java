package io.foldline.crypto.msm;

/**
 * Point arithmetic on a short Weierstrass curve y^2 = x^3 + b (a = 0) in extended Jacobian "XYZZ"
 * coordinates: (X, Y, ZZ, ZZZ) stands for the affine point (X/ZZ, Y/ZZZ) with ZZ^3 = ZZZ^2, and ZZ = 0 for
 * the point at infinity. Formulas are madd-2008-s, add-2008-s and dbl-2008-s-1 of the Explicit-Formulas
 * Database (Bernstein and Lange, after Cohen-Miyaji-Ono): a mixed addition costs 8M + 2S and a full one
 * 12M + 2S, cheaper than plain Jacobian (7M + 4S and 11M + 5S). None of them needs b, so one kernel serves
 * G1 over Fq and the G2 twist over Fq2.
 *
 * <p>Layout: a point takes 4 field elements (X, Y, ZZ, ZZZ) at an offset; an affine point 2 (x, y) and is
 * the point at infinity when all its limbs are zero (never on either curve, as b != 0). An instance holds
 * scratch space, so it belongs to one thread.
 */
final class Xyzz {
    final FlatField f;
    /** Longs per field element, per affine point and per XYZZ point. */
    final int len, affLen, pointLen;
    private final int x, y, zz, zzz;
    private final long[] t;
    private final int sP, sR, sPP, sPPP, sQ, sA, sB, sU;

    Xyzz(FlatField f) {
        this.f = f;
        len = f.len;
        affLen = 2 * len;
        pointLen = 4 * len;
        x = 0;
        y = len;
        zz = 2 * len;
        zzz = 3 * len;
        t = new long[8 * len];
        sP = 0; sR = len; sPP = 2 * len; sPPP = 3 * len; sQ = 4 * len; sA = 5 * len; sB = 6 * len; sU = 7 * len;
    }

    void setInfinity(long[] p, int po) {
        java.util.Arrays.fill(p, po, po + pointLen, 0L);
    }

    boolean isInfinity(long[] p, int po) {
        return f.isZero(p, po + zz);
    }

    boolean isAffineInfinity(long[] a, int ao) {
        return f.isZero(a, ao) && f.isZero(a, ao + len);
    }

    /** p = a, or -a when {@code negate}. */
    void setAffine(long[] p, int po, long[] a, int ao, boolean negate) {
        if (isAffineInfinity(a, ao)) {
            setInfinity(p, po);
            return;
        }
        f.copy(a, ao, p, po + x);
        if (negate) {
            f.neg(a, ao + len, p, po + y);
        } else {
            f.copy(a, ao + len, p, po + y);
        }
        f.setOne(p, po + zz);
        f.setOne(p, po + zzz);
    }

    /** p += a (or -a when {@code negate}) for an affine a; handles infinity, a = p and a = -p. */
    void addMixed(long[] p, int po, long[] a, int ao, boolean negate) {
        if (isAffineInfinity(a, ao)) {
            return;
        }
        if (isInfinity(p, po)) {
            setAffine(p, po, a, ao, negate);
            return;
        }
        f.mul(a, ao, p, po + zz, t, sP);
        f.sub(t, sP, p, po + x, t, sP);                 // P = X2*ZZ1 - X1
        f.mul(a, ao + len, p, po + zzz, t, sR);
        if (negate) {
            f.neg(t, sR, t, sR);
        }
        f.sub(t, sR, p, po + y, t, sR);                 // R = Y2*ZZZ1 - Y1
        if (f.isZero(t, sP)) {
            if (f.isZero(t, sR)) {
                dbl(p, po);
            } else {
                setInfinity(p, po);
            }
            return;
        }
        finishAdd(p, po, p, po + x, p, po + y);
        f.mul(p, po + zz, t, sPP, p, po + zz);
        f.mul(p, po + zzz, t, sPPP, p, po + zzz);
    }

    /** p += q, both XYZZ; handles infinity, q = p and q = -p. */
    void add(long[] p, int po, long[] q, int qo) {
        if (isInfinity(q, qo)) {
            return;
        }
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, p, po, pointLen);
            return;
        }
        f.mul(p, po + x, q, qo + zz, t, sU);            // U1 = X1*ZZ2
        f.mul(q, qo + x, p, po + zz, t, sP);
        f.sub(t, sP, t, sU, t, sP);                     // P = U2 - U1
        f.mul(p, po + y, q, qo + zzz, t, sB);           // S1 = Y1*ZZZ2
        f.mul(q, qo + y, p, po + zzz, t, sR);
        f.sub(t, sR, t, sB, t, sR);                     // R = S2 - S1
        if (f.isZero(t, sP)) {
            if (f.isZero(t, sR)) {
                dbl(p, po);
            } else {
                setInfinity(p, po);
            }
            return;
        }
        finishAdd(p, po, t, sU, t, sB);
        f.mul(p, po + zz, q, qo + zz, p, po + zz);
        f.mul(p, po + zz, t, sPP, p, po + zz);
        f.mul(p, po + zzz, q, qo + zzz, p, po + zzz);
        f.mul(p, po + zzz, t, sPPP, p, po + zzz);
    }

    /**
     * Shared tail of both additions, given P and R in scratch: X3 = R^2 - PPP - 2Q and
     * Y3 = R(Q - X3) - S1*PPP with Q = U1*PP; leaves PP and PPP in scratch for the Z updates.
     * {@code u1} and {@code s1} are read before p's X and Y (and scratch slot B) are overwritten.
     */
    private void finishAdd(long[] p, int po, long[] u1, int u1o, long[] s1, int s1o) {
        f.sqr(t, sP, t, sPP);
        f.mul(t, sP, t, sPP, t, sPPP);
        f.mul(u1, u1o, t, sPP, t, sQ);
        f.mul(s1, s1o, t, sPPP, t, sB);                 // S1*PPP
        f.sqr(t, sR, t, sA);
        f.sub(t, sA, t, sPPP, t, sA);
        f.sub(t, sA, t, sQ, t, sA);
        f.sub(t, sA, t, sQ, p, po + x);                 // X3
        f.sub(t, sQ, p, po + x, t, sA);
        f.mul(t, sR, t, sA, t, sA);
        f.sub(t, sA, t, sB, p, po + y);                 // Y3
    }

    /** p = 2p. */
    void dbl(long[] p, int po) {
        if (isInfinity(p, po)) {
            return;
        }
        f.dbl(p, po + y, t, sU);                        // U = 2Y
        f.sqr(t, sU, t, sPP);                           // V = U^2
        f.mul(t, sU, t, sPP, t, sPPP);                  // W = U*V
        f.mul(p, po + x, t, sPP, t, sQ);                // S = X*V
        f.sqr(p, po + x, t, sR);
        f.dbl(t, sR, t, sA);
        f.add(t, sA, t, sR, t, sR);                     // M = 3X^2
        f.sqr(t, sR, t, sA);
        f.sub(t, sA, t, sQ, t, sA);
        f.sub(t, sA, t, sQ, t, sA);                     // X3 = M^2 - 2S
        f.mul(t, sPPP, p, po + y, t, sB);               // W*Y
        f.sub(t, sQ, t, sA, t, sQ);
        f.mul(t, sR, t, sQ, t, sQ);
        f.sub(t, sQ, t, sB, p, po + y);                 // Y3 = M(S - X3) - W*Y
        f.copy(t, sA, p, po + x);
        f.mul(p, po + zz, t, sPP, p, po + zz);
        f.mul(p, po + zzz, t, sPPP, p, po + zzz);
    }

    /** a = p in affine coordinates (one field inversion); infinity becomes all zeros. */
    void toAffine(long[] p, int po, long[] a, int ao) {
        if (isInfinity(p, po)) {
            java.util.Arrays.fill(a, ao, ao + affLen, 0L);
            return;
        }
        f.inv(p, po + zzz, t, sA);
        affineFromInverse(p, po, t, sA, a, ao);
    }

    /**
     * a = p in affine coordinates given inv = 1/ZZZ: 1/ZZ = (ZZ/ZZZ)^2 because ZZ^3 = ZZZ^2, so
     * x = X (ZZ inv)^2 and y = Y inv.
     */
    void affineFromInverse(long[] p, int po, long[] inv, int io, long[] a, int ao) {
        f.mul(p, po + zz, inv, io, t, sB);
        f.sqr(t, sB, t, sB);
        f.mul(p, po + y, inv, io, a, ao + len);
        f.mul(p, po + x, t, sB, a, ao);
    }

    /**
     * a += p (or -p when {@code negate}) in affine coordinates, given inv = 1/(p.x - a.x) from a batch
     * inversion: lambda = (y2 - y1) inv, x3 = lambda^2 - x1 - x2, y3 = lambda (x1 - x3) - y1 (2M + 1S). For -p
     * the code uses mu = (y2 + y1) inv = -lambda and y3 = mu (x3 - x1) - y1. Both points must be finite with
     * different x.
     */
    void affineAddWithInverse(long[] a, int ao, long[] p, int po, boolean negate, long[] inv, int io) {
        int ay = ao + len;
        if (negate) {
            f.add(p, po + len, a, ay, t, sP);
        } else {
            f.sub(p, po + len, a, ay, t, sP);
        }
        f.mul(t, sP, inv, io, t, sP);
        f.sqr(t, sP, t, sR);
        f.sub(t, sR, a, ao, t, sR);
        f.sub(t, sR, p, po, t, sR);                     // x3
        if (negate) {
            f.sub(t, sR, a, ao, t, sA);
        } else {
            f.sub(a, ao, t, sR, t, sA);
        }
        f.mul(t, sP, t, sA, t, sA);
        f.sub(t, sA, a, ay, a, ay);                     // y3
        f.copy(t, sR, a, ao);
    }

    /** a = 2a in affine coordinates with its own inversion (allocates): for the rare collisions of batches. */
    void affineDouble(long[] a, int ao) {
        long[] p = new long[pointLen];
        setAffine(p, 0, a, ao, false);
        dbl(p, 0);
        toAffine(p, 0, a, ao);
    }
}
