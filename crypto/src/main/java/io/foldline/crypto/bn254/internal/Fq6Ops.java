package io.foldline.crypto.bn254.internal;

import static io.foldline.crypto.bn254.internal.Fq2Ops.add;
import static io.foldline.crypto.bn254.internal.Fq2Ops.dbl;
import static io.foldline.crypto.bn254.internal.Fq2Ops.mulByNonResidue;
import static io.foldline.crypto.bn254.internal.Fq2Ops.sub;

/**
 * Flat-limb arithmetic in Fq6 = Fq2[v]/(v^3 - xi), xi = 9 + u. An element is 24 longs: the Fq2 coefficients
 * b0, b1, b2 of b0 + b1*v + b2*v^2, 8 longs each (see {@link Fq2Ops}).
 *
 * <p>An instance owns its scratch space, so it is not thread-safe: keep one per thread or per computation.
 * Methods allocate nothing (except {@link #inv}) and outputs may alias inputs: results are assembled in
 * scratch and copied out last. Formulas: Karatsuba multiplication and Chung-Hasan squaring (CH-SQR2), as in
 * Devegili, O hEigeartaigh, Scott, Dahab, "Multiplication and Squaring on Pairing-Friendly Fields" (2006).
 */
public final class Fq6Ops {
    private static final int T0 = 0, T1 = 8, T2 = 16, T3 = 24, T4 = 32, X = 40, Y = 48, C0 = 56, C1 = 64, C2 = 72;
    private final long[] t = new long[80];

    /** r = a * b (6 Fq2 products). */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final long[] t = this.t;
        Fq2Ops.mul(a, ao, b, bo, t, T0);
        Fq2Ops.mul(a, ao + 8, b, bo + 8, t, T1);
        Fq2Ops.mul(a, ao + 16, b, bo + 16, t, T2);
        // c0 = t0 + xi*((a1 + a2)(b1 + b2) - t1 - t2)
        add(a, ao + 8, a, ao + 16, t, X);
        add(b, bo + 8, b, bo + 16, t, Y);
        Fq2Ops.mul(t, X, t, Y, t, X);
        sub(t, X, t, T1, t, X);
        sub(t, X, t, T2, t, X);
        mulByNonResidue(t, X, t, X);
        add(t, X, t, T0, t, C0);
        // c1 = (a0 + a1)(b0 + b1) - t0 - t1 + xi*t2
        add(a, ao, a, ao + 8, t, X);
        add(b, bo, b, bo + 8, t, Y);
        Fq2Ops.mul(t, X, t, Y, t, X);
        sub(t, X, t, T0, t, X);
        sub(t, X, t, T1, t, X);
        mulByNonResidue(t, T2, t, Y);
        add(t, X, t, Y, t, C1);
        // c2 = (a0 + a2)(b0 + b2) - t0 - t2 + t1
        add(a, ao, a, ao + 16, t, X);
        add(b, bo, b, bo + 16, t, Y);
        Fq2Ops.mul(t, X, t, Y, t, X);
        sub(t, X, t, T0, t, X);
        sub(t, X, t, T2, t, X);
        add(t, X, t, T1, t, C2);
        System.arraycopy(t, C0, r, ro, 24);
    }

    /** r = a^2 by CH-SQR2 (2 Fq2 products, 3 Fq2 squarings). */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        final long[] t = this.t;
        Fq2Ops.sqr(a, ao, t, T0);                       // s0 = a0^2
        Fq2Ops.mul(a, ao, a, ao + 8, t, T1);
        dbl(t, T1, t, T1);                       // s1 = 2 a0 a1
        sub(a, ao, a, ao + 8, t, X);
        add(t, X, a, ao + 16, t, X);
        Fq2Ops.sqr(t, X, t, T2);                        // s2 = (a0 - a1 + a2)^2
        Fq2Ops.mul(a, ao + 8, a, ao + 16, t, T3);
        dbl(t, T3, t, T3);                       // s3 = 2 a1 a2
        Fq2Ops.sqr(a, ao + 16, t, T4);                  // s4 = a2^2
        mulByNonResidue(t, T3, t, X);
        add(t, T0, t, X, t, C0);                 // c0 = s0 + xi s3
        mulByNonResidue(t, T4, t, X);
        add(t, T1, t, X, t, C1);                 // c1 = s1 + xi s4
        add(t, T1, t, T2, t, X);
        add(t, X, t, T3, t, X);
        sub(t, X, t, T0, t, X);
        sub(t, X, t, T4, t, C2);                 // c2 = s1 + s2 + s3 - s0 - s4
        System.arraycopy(t, C0, r, ro, 24);
    }

    /**
     * r = a * (b0 + b1*v), with b0 at bo and b1 at bo + 8 (the sparse factor of a Miller-loop line):
     * 5 Fq2 products.
     */
    public void mulBy01(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final long[] t = this.t;
        Fq2Ops.mul(a, ao, b, bo, t, T0);                // t0 = a0 b0
        Fq2Ops.mul(a, ao + 8, b, bo + 8, t, T1);        // t1 = a1 b1
        add(a, ao + 8, a, ao + 16, t, X);
        Fq2Ops.mul(t, X, b, bo + 8, t, X);
        sub(t, X, t, T1, t, X);                  // a2 b1
        mulByNonResidue(t, X, t, X);
        add(t, X, t, T0, t, C0);                 // c0 = a0 b0 + xi a2 b1
        add(a, ao, a, ao + 8, t, X);
        add(b, bo, b, bo + 8, t, Y);
        Fq2Ops.mul(t, X, t, Y, t, X);
        sub(t, X, t, T0, t, X);
        sub(t, X, t, T1, t, C1);                 // c1 = a0 b1 + a1 b0
        add(a, ao, a, ao + 16, t, X);
        Fq2Ops.mul(t, X, b, bo, t, X);
        sub(t, X, t, T0, t, X);
        add(t, X, t, T1, t, C2);                 // c2 = a2 b0 + a1 b1
        System.arraycopy(t, C0, r, ro, 24);
    }

    /** r = a * s for s in Fq2 (each coefficient scaled). */
    public void mulByFq2(long[] a, int ao, long[] s, int so, long[] r, int ro) {
        Fq2Ops.copy(s, so, t, Y);
        Fq2Ops.mul(a, ao, t, Y, r, ro);
        Fq2Ops.mul(a, ao + 8, t, Y, r, ro + 8);
        Fq2Ops.mul(a, ao + 16, t, Y, r, ro + 16);
    }

    /** r = a * v = xi*a2 + a0*v + a1*v^2. */
    public void mulByV(long[] a, int ao, long[] r, int ro) {
        mulByNonResidue(a, ao + 16, t, X);
        System.arraycopy(a, ao, t, Y, 16);
        System.arraycopy(t, X, r, ro, 24); // X and Y..Y+16 are contiguous: (xi a2, a0, a1)
    }

    /** r = a^-1 (the inverse of zero is zero). Allocates inside the one Fq2 inversion. */
    public void inv(long[] a, int ao, long[] r, int ro) {
        final long[] t = this.t;
        Fq2Ops.sqr(a, ao, t, T0);
        Fq2Ops.mul(a, ao + 8, a, ao + 16, t, X);
        mulByNonResidue(t, X, t, X);
        sub(t, T0, t, X, t, C0);                 // c0 = a0^2 - xi a1 a2
        Fq2Ops.sqr(a, ao + 16, t, T1);
        mulByNonResidue(t, T1, t, T1);
        Fq2Ops.mul(a, ao, a, ao + 8, t, X);
        sub(t, T1, t, X, t, C1);                 // c1 = xi a2^2 - a0 a1
        Fq2Ops.sqr(a, ao + 8, t, T2);
        Fq2Ops.mul(a, ao, a, ao + 16, t, X);
        sub(t, T2, t, X, t, C2);                 // c2 = a1^2 - a0 a2
        Fq2Ops.mul(a, ao + 16, t, C1, t, X);
        Fq2Ops.mul(a, ao + 8, t, C2, t, Y);
        add(t, X, t, Y, t, X);
        mulByNonResidue(t, X, t, X);
        Fq2Ops.mul(a, ao, t, C0, t, Y);
        add(t, X, t, Y, t, X);                   // norm = a0 c0 + xi (a2 c1 + a1 c2), in Fq2
        Fq2Ops.inv(t, X, t, X);
        Fq2Ops.mul(t, C0, t, X, r, ro);
        Fq2Ops.mul(t, C1, t, X, r, ro + 8);
        Fq2Ops.mul(t, C2, t, X, r, ro + 16);
    }

    public static void add6(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        for (int i = 0; i < 24; i += 8) {
            add(a, ao + i, b, bo + i, r, ro + i);
        }
    }

    public static void sub6(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        for (int i = 0; i < 24; i += 8) {
            sub(a, ao + i, b, bo + i, r, ro + i);
        }
    }

    public static void neg6(long[] a, int ao, long[] r, int ro) {
        for (int i = 0; i < 24; i += 8) {
            Fq2Ops.neg(a, ao + i, r, ro + i);
        }
    }

    public static void dbl6(long[] a, int ao, long[] r, int ro) {
        for (int i = 0; i < 24; i += 8) {
            dbl(a, ao + i, r, ro + i);
        }
    }

    public static boolean isZero6(long[] a, int ao) {
        return Fq2Ops.isZero(a, ao) && Fq2Ops.isZero(a, ao + 8) && Fq2Ops.isZero(a, ao + 16);
    }

    public static void setOne6(long[] r, int ro) {
        Fq2Ops.setOne(r, ro);
        Fq2Ops.setZero(r, ro + 8);
        Fq2Ops.setZero(r, ro + 16);
    }
}
