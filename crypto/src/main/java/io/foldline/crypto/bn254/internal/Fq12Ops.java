package io.foldline.crypto.bn254.internal;

import static io.foldline.crypto.bn254.internal.Fq6Ops.add6;
import static io.foldline.crypto.bn254.internal.Fq6Ops.sub6;

import java.math.BigInteger;

/**
 * Flat-limb arithmetic in Fq12 = Fq6[w]/(w^2 - v). An element is 48 longs: c0 then c1 of c0 + c1*w, each an
 * Fq6 in the layout of {@link Fq6Ops}. Since w^2 = v and v^3 = xi, w^6 = xi, and the element equals
 * g0 + g1 w + ... + g5 w^5 with g0 = c0.b0, g1 = c1.b0, g2 = c0.b1, g3 = c1.b1, g4 = c0.b2, g5 = c1.b2
 * (Fq2 slots at offsets 0, 24, 8, 32, 16, 40).
 *
 * <p>Like {@link Fq6Ops}, an instance owns scratch space and is not thread-safe; outputs may alias inputs.
 */
public final class Fq12Ops {
    /** Fq2 offset of the coefficient of w^i. */
    private static final int[] SLOT = {0, 24, 8, 32, 16, 40};
    /** FROB[k-1][i] = xi^(i (q^k - 1)/6): w^(i q^k) = w^i * FROB[k-1][i]. */
    private static final long[][] FROB = new long[3][48];

    static {
        BigInteger q = MontField.FQ.modulus;
        long[] xi = new long[8];
        Fq2Ops.fromBigIntegers(BigInteger.valueOf(9), BigInteger.ONE, xi, 0);
        for (int k = 1; k <= 3; k++) {
            BigInteger e = q.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int i = 0; i < 6; i++) {
                Fq2Ops.pow(xi, 0, e.multiply(BigInteger.valueOf(i)), FROB[k - 1], 8 * i);
            }
        }
    }

    private static final int A0 = 0, A1 = 24, B0 = 48, B1 = 72, R0 = 96, R1 = 120, L = 144;
    private final long[] t = new long[160];
    private final Fq6Ops f6 = new Fq6Ops();

    /** The Fq6 kernel this instance uses (same thread-confinement rules). */
    public Fq6Ops fq6() {
        return f6;
    }

    /** r = a * b: Karatsuba over Fq6 (3 Fq6 products). */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final long[] t = this.t;
        f6.mul(a, ao, b, bo, t, R0);                 // a0 b0
        f6.mul(a, ao + 24, b, bo + 24, t, R1);       // a1 b1
        add6(a, ao, a, ao + 24, t, A0);
        add6(b, bo, b, bo + 24, t, B0);
        f6.mul(t, A0, t, B0, t, A0);
        sub6(t, A0, t, R0, t, A0);
        sub6(t, A0, t, R1, r, ro + 24);              // c1 = a0 b1 + a1 b0
        f6.mulByV(t, R1, t, R1);
        add6(t, R0, t, R1, r, ro);                   // c0 = a0 b0 + v a1 b1
    }

    /** r = a^2 by the complex method: c0 = (a0 + a1)(a0 + v a1) - (1 + v) a0 a1, c1 = 2 a0 a1. */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        final long[] t = this.t;
        f6.mul(a, ao, a, ao + 24, t, R0);            // a0 a1
        add6(a, ao, a, ao + 24, t, A0);
        f6.mulByV(a, ao + 24, t, B0);
        add6(t, B0, a, ao, t, B0);
        f6.mul(t, A0, t, B0, t, A0);
        sub6(t, A0, t, R0, t, A0);
        f6.mulByV(t, R0, t, B0);
        sub6(t, A0, t, B0, r, ro);
        Fq6Ops.dbl6(t, R0, r, ro + 24);
    }

    /**
     * r = a^2 for a in the cyclotomic subgroup (a^(q^6 + 1) = 1, true after the easy part of the final
     * exponentiation). Granger and Scott, "Faster Squaring in the Cyclotomic Subgroup of Sixth Degree
     * Extensions" (PKC 2010): with s = w^3 (s^2 = xi) and A = g0 + g3 s, B = g1 + g4 s, C = g2 + g5 s in
     * Fq4 = Fq2[s], the square is (3A^2 - 2 conj A) + (3 s C^2 + 2 conj B) w + (3 B^2 - 2 conj C) w^2:
     * three Fq4 squarings, 9 Fq2 squarings in all. Wrong for elements outside the subgroup.
     */
    public void cyclotomicSqr(long[] a, int ao, long[] r, int ro) {
        final long[] t = this.t;
        System.arraycopy(a, ao, t, A0, 48);          // a may alias r
        fq4Sqr(t, A0, t, A1 + 8, t, B0, t, B0 + 8);        // A = g0 + g3 s
        fq4Sqr(t, A1, t, A0 + 16, t, B0 + 16, t, B1);      // B = g1 + g4 s
        fq4Sqr(t, A0 + 8, t, A1 + 16, t, B1 + 8, t, B1 + 16); // C = g2 + g5 s
        // A' = 3 A^2 - 2 conj(A): g0' = 3 x - 2 g0, g3' = 3 y + 2 g3
        threeMinusTwo(t, B0, t, A0, r, ro, true);
        threeMinusTwo(t, B0 + 8, t, A1 + 8, r, ro + 32, false);
        // C' = 3 B^2 - 2 conj(C): g2' = 3 x - 2 g2, g5' = 3 y + 2 g5
        threeMinusTwo(t, B0 + 16, t, A0 + 8, r, ro + 8, true);
        threeMinusTwo(t, B1, t, A1 + 16, r, ro + 40, false);
        // B' = 3 s C^2 + 2 conj(B), s (x + y s) = xi y + x s: g1' = 3 xi y + 2 g1, g4' = 3 x - 2 g4
        Fq2Ops.mulByNonResidue(t, B1 + 16, t, L);
        threeMinusTwo(t, L, t, A1, r, ro + 24, false);
        threeMinusTwo(t, B1 + 8, t, A0 + 16, r, ro + 16, true);
    }

    /** (x, y) = (a + b s)^2 with s^2 = xi: x = a^2 + xi b^2, y = 2ab = (a + b)^2 - a^2 - b^2. */
    private void fq4Sqr(long[] a, int ao, long[] b, int bo, long[] x, int xo, long[] y, int yo) {
        final long[] t = this.t;
        Fq2Ops.sqr(a, ao, t, L);
        Fq2Ops.sqr(b, bo, t, L + 8);
        Fq2Ops.add(a, ao, b, bo, y, yo);
        Fq2Ops.sqr(y, yo, y, yo);
        Fq2Ops.sub(y, yo, t, L, y, yo);
        Fq2Ops.sub(y, yo, t, L + 8, y, yo);
        Fq2Ops.mulByNonResidue(t, L + 8, x, xo);
        Fq2Ops.add(x, xo, t, L, x, xo);
    }

    /** r = 3x - 2g when minus, else 3x + 2g, computed as 2(x -+ g) + x. */
    private static void threeMinusTwo(long[] x, int xo, long[] g, int go, long[] r, int ro, boolean minus) {
        if (minus) {
            Fq2Ops.sub(x, xo, g, go, r, ro);
        } else {
            Fq2Ops.add(x, xo, g, go, r, ro);
        }
        Fq2Ops.dbl(r, ro, r, ro);
        Fq2Ops.add(r, ro, x, xo, r, ro);
    }

    /**
     * r = f * l for a line l = l0 + l3 w + l4 w^3, the sparse shape of the Miller-loop lines of a D-type
     * sextic twist; l0, l3, l4 are Fq2 at lo, lo + 8, lo + 16. Karatsuba with the sparse Fq6 factors
     * (l0, 0, 0) and (l3, l4, 0): 13 Fq2 products instead of 18.
     */
    public void mulBy034(long[] f, int fo, long[] l, int lo, long[] r, int ro) {
        final long[] t = this.t;
        f6.mulByFq2(f, fo, l, lo, t, R0);              // f0 * l0
        f6.mulBy01(f, fo + 24, l, lo + 8, t, R1);      // f1 * (l3 + l4 v)
        add6(f, fo, f, fo + 24, t, A0);
        Fq2Ops.add(l, lo, l, lo + 8, t, L);
        Fq2Ops.copy(l, lo + 16, t, L + 8);
        f6.mulBy01(t, A0, t, L, t, A0);                // (f0 + f1)(l0 + l3 + l4 v)
        sub6(t, A0, t, R0, t, A0);
        sub6(t, A0, t, R1, r, ro + 24);
        f6.mulByV(t, R1, t, R1);
        add6(t, R0, t, R1, r, ro);
    }

    /** r = a^-1 = (a0 - a1 w) / (a0^2 - v a1^2); the inverse of zero is zero. */
    public void inv(long[] a, int ao, long[] r, int ro) {
        final long[] t = this.t;
        f6.sqr(a, ao, t, A0);
        f6.sqr(a, ao + 24, t, A1);
        f6.mulByV(t, A1, t, A1);
        sub6(t, A0, t, A1, t, A0);
        f6.inv(t, A0, t, A0);
        f6.mul(a, ao + 24, t, A0, t, A1);
        f6.mul(a, ao, t, A0, r, ro);
        Fq6Ops.neg6(t, A1, r, ro + 24);
    }

    /** r = c0 - c1 w = a^(q^6); the inverse for elements of the cyclotomic subgroup. */
    public static void conjugate(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, 24);
        Fq6Ops.neg6(a, ao + 24, r, ro + 24);
    }

    /** r = a^(q^k) for k in 1..3: conjugate each g_i when k is odd, then scale by xi^(i (q^k - 1)/6). */
    public static void frobenius(long[] a, int ao, int k, long[] r, int ro) {
        long[] c = FROB[k - 1];
        for (int i = 0; i < 6; i++) {
            int s = SLOT[i];
            if ((k & 1) == 1) {
                Fq2Ops.conjugate(a, ao + s, r, ro + s);
                Fq2Ops.mul(r, ro + s, c, 8 * i, r, ro + s);
            } else { // q^2 powers of xi lie in Fq
                Fq2Ops.mulByFq(a, ao + s, c, 8 * i, r, ro + s);
            }
        }
    }

    public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        add6(a, ao, b, bo, r, ro);
        add6(a, ao + 24, b, bo + 24, r, ro + 24);
    }

    public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        sub6(a, ao, b, bo, r, ro);
        sub6(a, ao + 24, b, bo + 24, r, ro + 24);
    }

    public static void neg(long[] a, int ao, long[] r, int ro) {
        Fq6Ops.neg6(a, ao, r, ro);
        Fq6Ops.neg6(a, ao + 24, r, ro + 24);
    }

    public static void setOne(long[] r, int ro) {
        Fq6Ops.setOne6(r, ro);
        java.util.Arrays.fill(r, ro + 24, ro + 48, 0L);
    }

    public static boolean isOne(long[] a, int ao) {
        if (!Fq2Ops.isOne(a, ao)) {
            return false;
        }
        for (int i = 8; i < 48; i++) {
            if (a[ao + i] != 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean eq(long[] a, int ao, long[] b, int bo) {
        return java.util.Arrays.equals(a, ao, ao + 48, b, bo, bo + 48);
    }
}
