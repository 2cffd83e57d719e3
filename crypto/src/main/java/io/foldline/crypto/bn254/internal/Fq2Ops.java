package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/**
 * Flat-limb arithmetic in Fq2 = Fq[u]/(u^2 + 1), the quadratic extension of the BN254 base field.
 *
 * <p>An element takes 8 longs at an offset: the Montgomery limbs of c0, then those of c1 (value c0 + c1*u),
 * both fully reduced. Outputs may alias inputs. {@code mul}, {@code sqr}, {@code add}, {@code sub},
 * {@code dbl}, {@code neg}, {@code mulByNonResidue} and {@code mulByFq} allocate nothing: they load the operands
 * into locals first (which is what makes aliasing safe) and keep intermediates in locals or in the output slots.
 *
 * <p>Multiplication is Karatsuba (3 base-field products), squaring the complex method (2 products). The sums
 * a0 + a1 that feed those products are left unreduced (below 2p &lt; 2^255); {@link #montMul} accepts such
 * operands, see its comment.
 */
public final class Fq2Ops {
    private static final MontField F = MontField.FQ;
    private static final long P0, P1, P2, P3;

    static {
        long[] p = MontField.limbs(F.modulus);
        P0 = p[0]; P1 = p[1]; P2 = p[2]; P3 = p[3];
    }

    private Fq2Ops() {
    }

    /** r = a * b. */
    public static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final long a00 = a[ao], a01 = a[ao + 1], a02 = a[ao + 2], a03 = a[ao + 3];
        final long a10 = a[ao + 4], a11 = a[ao + 5], a12 = a[ao + 6], a13 = a[ao + 7];
        final long b00 = b[bo], b01 = b[bo + 1], b02 = b[bo + 2], b03 = b[bo + 3];
        final long b10 = b[bo + 4], b11 = b[bo + 5], b12 = b[bo + 6], b13 = b[bo + 7];
        // sa = a0 + a1 and sb = b0 + b1 as plain 256-bit sums (< 2^255, no reduction needed)
        long sa0 = a00 + a10, c = ult(sa0, a00);
        long sa1 = a01 + a11 + c; c = MontField.carry3(a01, a11, sa1);
        long sa2 = a02 + a12 + c; c = MontField.carry3(a02, a12, sa2);
        long sa3 = a03 + a13 + c;
        long sb0 = b00 + b10; c = ult(sb0, b00);
        long sb1 = b01 + b11 + c; c = MontField.carry3(b01, b11, sb1);
        long sb2 = b02 + b12 + c; c = MontField.carry3(b02, b12, sb2);
        long sb3 = b03 + b13 + c;
        F.mul(a10, a11, a12, a13, b10, b11, b12, b13, r, ro);      // r.c0 = a1*b1 for a moment
        final long v0 = r[ro], v1 = r[ro + 1], v2 = r[ro + 2], v3 = r[ro + 3];
        F.mul(a00, a01, a02, a03, b00, b01, b02, b03, r, ro);      // r.c0 = a0*b0
        F.mul(sa0, sa1, sa2, sa3, sb0, sb1, sb2, sb3, r, ro + 4);  // r.c1 = (a0+a1)(b0+b1)
        F.subTo(r[ro + 4], r[ro + 5], r[ro + 6], r[ro + 7], r[ro], r[ro + 1], r[ro + 2], r[ro + 3], r, ro + 4);
        subLocal(r, ro + 4, v0, v1, v2, v3);                         // c1 = a0*b1 + a1*b0
        subLocal(r, ro, v0, v1, v2, v3);                             // c0 = a0*b0 - a1*b1 (u^2 = -1)
    }

    /** r = a^2 = (a0 + a1)(a0 - a1) + 2*a0*a1*u. */
    public static void sqr(long[] a, int ao, long[] r, int ro) {
        final long a00 = a[ao], a01 = a[ao + 1], a02 = a[ao + 2], a03 = a[ao + 3];
        final long a10 = a[ao + 4], a11 = a[ao + 5], a12 = a[ao + 6], a13 = a[ao + 7];
        long s0 = a00 + a10, c = ult(s0, a00);
        long s1 = a01 + a11 + c; c = MontField.carry3(a01, a11, s1);
        long s2 = a02 + a12 + c; c = MontField.carry3(a02, a12, s2);
        long s3 = a03 + a13 + c;
        // d = a0 + (p - a1), congruent to a0 - a1 and below 2p
        long n0 = P0 - a10, b = ult(P0, a10);
        long n1 = P1 - a11 - b; b = MontField.borrow3(P1, a11, n1);
        long n2 = P2 - a12 - b; b = MontField.borrow3(P2, a12, n2);
        long n3 = P3 - a13 - b;
        long d0 = a00 + n0; c = ult(d0, a00);
        long d1 = a01 + n1 + c; c = MontField.carry3(a01, n1, d1);
        long d2 = a02 + n2 + c; c = MontField.carry3(a02, n2, d2);
        long d3 = a03 + n3 + c;
        F.mul(a00, a01, a02, a03, a10, a11, a12, a13, r, ro + 4);
        F.dbl(r, ro + 4, r, ro + 4);
        F.mul(s0, s1, s2, s3, d0, d1, d2, d3, r, ro);
    }

    /** r = a * s for s in Fq (4 Montgomery limbs at so). */
    public static void mulByFq(long[] a, int ao, long[] s, int so, long[] r, int ro) {
        final long s0 = s[so], s1 = s[so + 1], s2 = s[so + 2], s3 = s[so + 3];
        final long a10 = a[ao + 4], a11 = a[ao + 5], a12 = a[ao + 6], a13 = a[ao + 7];
        F.mul(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], s0, s1, s2, s3, r, ro);
        F.mul(a10, a11, a12, a13, s0, s1, s2, s3, r, ro + 4);
    }

    /** r = a * xi with xi = 9 + u, the non-residue that defines Fq6: (9a0 - a1) + (a0 + 9a1)u. */
    public static void mulByNonResidue(long[] a, int ao, long[] r, int ro) {
        final long a00 = a[ao], a01 = a[ao + 1], a02 = a[ao + 2], a03 = a[ao + 3];
        final long a10 = a[ao + 4], a11 = a[ao + 5], a12 = a[ao + 6], a13 = a[ao + 7];
        times9(r, ro, a00, a01, a02, a03);
        subLocal(r, ro, a10, a11, a12, a13);
        times9(r, ro + 4, a10, a11, a12, a13);
        addLocal(r, ro + 4, a00, a01, a02, a03);
    }

    public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.add(a, ao, b, bo, r, ro);
        F.add(a, ao + 4, b, bo + 4, r, ro + 4);
    }

    public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.subTo(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
        F.subTo(a[ao + 4], a[ao + 5], a[ao + 6], a[ao + 7], b[bo + 4], b[bo + 5], b[bo + 6], b[bo + 7], r, ro + 4);
    }

    public static void dbl(long[] a, int ao, long[] r, int ro) {
        F.dbl(a, ao, r, ro);
        F.dbl(a, ao + 4, r, ro + 4);
    }

    public static void neg(long[] a, int ao, long[] r, int ro) {
        F.neg(a, ao, r, ro);
        F.neg(a, ao + 4, r, ro + 4);
    }

    /** r = a / 2 (Montgomery form commutes with halving: (x/2)R = (xR)/2 mod p). */
    public static void halve(long[] a, int ao, long[] r, int ro) {
        halveFq(a, ao, r, ro);
        halveFq(a, ao + 4, r, ro + 4);
    }

    /** r = c0 - c1*u, which is also the q-power Frobenius map of Fq2. */
    public static void conjugate(long[] a, int ao, long[] r, int ro) {
        MontField.copy(a, ao, r, ro);
        F.neg(a, ao + 4, r, ro + 4);
    }

    /** r = a^-1 = conj(a) / (a0^2 + a1^2); the inverse of zero is zero. Allocates a little. */
    public static void inv(long[] a, int ao, long[] r, int ro) {
        long[] t = new long[8];
        F.sqr(a, ao, t, 0);
        F.sqr(a, ao + 4, t, 4);
        F.add(t, 0, t, 4, t, 0);
        F.inv(t, 0, t, 0);
        F.mul(a, ao + 4, t, 0, t, 4);
        F.mul(a, ao, t, 0, r, ro);
        F.neg(t, 4, r, ro + 4);
    }

    /** r = a^e for a non-negative exponent (square-and-multiply; for constants and tests, not hot loops). */
    public static void pow(long[] a, int ao, BigInteger e, long[] r, int ro) {
        long[] base = new long[8];
        long[] acc = new long[8];
        copy(a, ao, base, 0);
        setOne(acc, 0);
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            sqr(acc, 0, acc, 0);
            if (e.testBit(i)) {
                mul(acc, 0, base, 0, acc, 0);
            }
        }
        copy(acc, 0, r, ro);
    }

    public static boolean isZero(long[] a, int ao) {
        return MontField.isZero(a, ao) && MontField.isZero(a, ao + 4);
    }

    public static boolean isOne(long[] a, int ao) {
        return F.isOne(a, ao) && MontField.isZero(a, ao + 4);
    }

    public static boolean eq(long[] a, int ao, long[] b, int bo) {
        return MontField.eq(a, ao, b, bo) && MontField.eq(a, ao + 4, b, bo + 4);
    }

    public static void copy(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, 8);
    }

    public static void setZero(long[] r, int ro) {
        MontField.setZero(r, ro);
        MontField.setZero(r, ro + 4);
    }

    public static void setOne(long[] r, int ro) {
        F.setOne(r, ro);
        MontField.setZero(r, ro + 4);
    }

    /** Montgomery form of c0 + c1*u from canonical integers below p. */
    public static void fromBigIntegers(BigInteger c0, BigInteger c1, long[] r, int ro) {
        F.fromBigInteger(c0, r, ro);
        F.fromBigInteger(c1, r, ro + 4);
    }

        /** r = 9x (mod p) from x in locals: 8x by three doublings, then + x. */
    private static void times9(long[] r, int ro, long x0, long x1, long x2, long x3) {
        r[ro] = x0; r[ro + 1] = x1; r[ro + 2] = x2; r[ro + 3] = x3;
        F.dbl(r, ro, r, ro);
        F.dbl(r, ro, r, ro);
        F.dbl(r, ro, r, ro);
        addLocal(r, ro, x0, x1, x2, x3);
    }

    /** r[ro..] = r[ro..] + y mod p, both reduced. */
    private static void addLocal(long[] r, int ro, long y0, long y1, long y2, long y3) {
        long x0 = r[ro], x1 = r[ro + 1], x2 = r[ro + 2], x3 = r[ro + 3];
        long s0 = x0 + y0, c = ult(s0, x0);
        long s1 = x1 + y1 + c; c = MontField.carry3(x1, y1, s1);
        long s2 = x2 + y2 + c; c = MontField.carry3(x2, y2, s2);
        long s3 = x3 + y3 + c;
        store(s0, s1, s2, s3, r, ro);
    }

    /** r[ro..] = r[ro..] - y mod p, both reduced. */
    private static void subLocal(long[] r, int ro, long y0, long y1, long y2, long y3) {
        F.subTo(r[ro], r[ro + 1], r[ro + 2], r[ro + 3], y0, y1, y2, y3, r, ro);
    }

        private static void halveFq(long[] a, int ao, long[] r, int ro) {
        long x0 = a[ao], x1 = a[ao + 1], x2 = a[ao + 2], x3 = a[ao + 3];
        if ((x0 & 1) != 0) { // x + p is even and below 2^255
            long s0 = x0 + P0, c = ult(s0, x0);
            long s1 = x1 + P1 + c; c = MontField.carry3(x1, P1, s1);
            long s2 = x2 + P2 + c; c = MontField.carry3(x2, P2, s2);
            x3 = x3 + P3 + c;
            x0 = s0; x1 = s1; x2 = s2;
        }
        r[ro] = (x0 >>> 1) | (x1 << 63);
        r[ro + 1] = (x1 >>> 1) | (x2 << 63);
        r[ro + 2] = (x2 >>> 1) | (x3 << 63);
        r[ro + 3] = x3 >>> 1;
    }

    /** Stores t, a value below 2p, reduced below p: t - p unless that borrows (branch-free select). */
    private static void store(long t0, long t1, long t2, long t3, long[] r, int ro) {
        long d0 = t0 - P0, b = MontField.borrow3(t0, P0, d0);
        long d1 = t1 - P1 - b; b = MontField.borrow3(t1, P1, d1);
        long d2 = t2 - P2 - b; b = MontField.borrow3(t2, P2, d2);
        long d3 = t3 - P3 - b; b = MontField.borrow3(t3, P3, d3);
        long keep = -b; // all ones when t < p
        r[ro] = (t0 & keep) | (d0 & ~keep);
        r[ro + 1] = (t1 & keep) | (d1 & ~keep);
        r[ro + 2] = (t2 & keep) | (d2 & ~keep);
        r[ro + 3] = (t3 & keep) | (d3 & ~keep);
    }

            private static long ult(long x, long y) {
        return (x ^ Long.MIN_VALUE) < (y ^ Long.MIN_VALUE) ? 1 : 0;
    }
}
