package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/**
 * Montgomery arithmetic modulo a 254-bit prime on four little-endian 64-bit limbs, R = 2^256. This is the
 * one limb kernel of the project: the extension fields, the MSM, the NTT and Poseidon all call it.
 *
 * <p>Every method works on flat {@code long[]} arrays with offsets (in longs) so that MSM, NTT and the
 * prover can keep millions of elements in one array and never allocate per element. Outputs may alias
 * inputs. Values are kept fully reduced (in [0, p)).
 *
 * <p>Multiplication is CIOS with the "no-carry" shortcut, valid because the top limb of both BN254 moduli
 * is below 2^62 (Gautam Botrel and Youssef El Housni, gnark-crypto's "Faster Montgomery multiplication").
 * Carries, borrows and the final correction are computed arithmetically and applied through masks: on random
 * field elements a branch there mispredicts half the time (measured: sub 21 ns with branches, 9 ns without).
 * One instance per field: {@link #FQ} (base field) and {@link #FR} (scalar field).
 */
public final class MontField {
    public static final MontField FQ = new MontField(
            new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583"));
    public static final MontField FR = new MontField(
            new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617"));

    public final BigInteger modulus;
    private final long p0, p1, p2, p3, pInv;
    private final long[] r2 = new long[4];
    private final long[] one = new long[4];
    private final long[] pMinus2 = new long[4];

    private MontField(BigInteger p) {
        this.modulus = p;
        long[] l = limbs(p);
        p0 = l[0]; p1 = l[1]; p2 = l[2]; p3 = l[3];
        pInv = BigInteger.ONE.shiftLeft(64).subtract(p.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();
        System.arraycopy(limbs(BigInteger.ONE.shiftLeft(512).mod(p)), 0, r2, 0, 4);
        System.arraycopy(limbs(BigInteger.ONE.shiftLeft(256).mod(p)), 0, one, 0, 4);
        System.arraycopy(limbs(p.subtract(BigInteger.TWO)), 0, pMinus2, 0, 4);
    }

    /** Little-endian 64-bit limbs of a non-negative integer below 2^256. */
    public static long[] limbs(BigInteger v) {
        long[] l = new long[4];
        for (int i = 0; i < 4; i++) {
            l[i] = v.shiftRight(64 * i).longValue();
        }
        return l;
    }

    /** The integer held by four little-endian limbs (no Montgomery conversion). */
    public static BigInteger limbsToBigInteger(long[] a, int ao) {
        byte[] be = new byte[33];
        for (int i = 0; i < 4; i++) {
            long w = a[ao + i];
            for (int b = 0; b < 8; b++) {
                be[32 - 8 * i - b] = (byte) (w >>> (8 * b));
            }
        }
        return new BigInteger(be);
    }

    /** r = a * b * R^-1 mod p. */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mul(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
    }

    /**
     * r = a * b * R^-1 mod p from limbs held in locals (the extension-field kernels keep sums there).
     * Valid for a, b below 2p, not only below p: each round keeps t below a + p < 2^256, and the result is
     * below ab/R + p < 2p because 4p < R, so one masked subtraction reduces it.
     */
    public void mul(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
        final long q0 = p0, q1 = p1, q2 = p2, q3 = p3, inv = pInv;
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (int i = 0; i < 4; i++) {
            final long bi = i == 0 ? b0 : i == 1 ? b1 : i == 2 ? b2 : b3;
            long lo, hi, s, ca, cc, m;
            lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
            s = t0 + lo; ca = hi + carry(s, lo); t0 = s;
            m = t0 * inv;
            lo = m * q0; hi = Math.unsignedMultiplyHigh(m, q0);
            s = t0 + lo; cc = hi + carry(s, lo);

            lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
            s = t1 + lo; hi += carry(s, lo); lo = s + ca; ca = hi + carry(lo, ca); t1 = lo;
            lo = m * q1; hi = Math.unsignedMultiplyHigh(m, q1);
            s = t1 + lo; hi += carry(s, lo); lo = s + cc; cc = hi + carry(lo, cc); t0 = lo;

            lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
            s = t2 + lo; hi += carry(s, lo); lo = s + ca; ca = hi + carry(lo, ca); t2 = lo;
            lo = m * q2; hi = Math.unsignedMultiplyHigh(m, q2);
            s = t2 + lo; hi += carry(s, lo); lo = s + cc; cc = hi + carry(lo, cc); t1 = lo;

            lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
            s = t3 + lo; hi += carry(s, lo); lo = s + ca; ca = hi + carry(lo, ca); t3 = lo;
            lo = m * q3; hi = Math.unsignedMultiplyHigh(m, q3);
            s = t3 + lo; hi += carry(s, lo); lo = s + cc; cc = hi + carry(lo, cc); t2 = lo;
            t3 = cc + ca;
        }
        reduceOnce(t0, t1, t2, t3, r, ro);
    }

    public void sqr(long[] a, int ao, long[] r, int ro) {
        mul(a, ao, a, ao, r, ro);
    }

    public void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        long x0 = a[ao], x1 = a[ao + 1], x2 = a[ao + 2], x3 = a[ao + 3];
        long y0 = b[bo], y1 = b[bo + 1], y2 = b[bo + 2], y3 = b[bo + 3];
        long s0 = x0 + y0, c = carry3(x0, y0, s0);
        long s1 = x1 + y1 + c; c = carry3(x1, y1, s1);
        long s2 = x2 + y2 + c; c = carry3(x2, y2, s2);
        long s3 = x3 + y3 + c; // below 2^255: no carry out
        reduceOnce(s0, s1, s2, s3, r, ro);
    }

    public void dbl(long[] a, int ao, long[] r, int ro) {
        add(a, ao, a, ao, r, ro);
    }

    public void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        subTo(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
    }

    /** r = x - y mod p for x, y reduced and held in locals: subtract, then add p back under a mask. */
    public void subTo(long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3, long[] r, int ro) {
        long d0 = x0 - y0, w = borrow3(x0, y0, d0);
        long d1 = x1 - y1 - w; w = borrow3(x1, y1, d1);
        long d2 = x2 - y2 - w; w = borrow3(x2, y2, d2);
        long d3 = x3 - y3 - w; w = borrow3(x3, y3, d3);
        long m = -w; // all ones when x < y
        long q0 = p0 & m, q1 = p1 & m, q2 = p2 & m, q3 = p3 & m;
        long s0 = d0 + q0, c = carry3(d0, q0, s0);
        long s1 = d1 + q1 + c; c = carry3(d1, q1, s1);
        long s2 = d2 + q2 + c; c = carry3(d2, q2, s2);
        r[ro] = s0; r[ro + 1] = s1; r[ro + 2] = s2; r[ro + 3] = d3 + q3 + c;
    }

    /** r = -a mod p (zero stays zero). */
    public void neg(long[] a, int ao, long[] r, int ro) {
        long x0 = a[ao], x1 = a[ao + 1], x2 = a[ao + 2], x3 = a[ao + 3];
        long m = ((x0 | x1 | x2 | x3) == 0) ? 0 : -1L; // p - 0 would be p, which is not reduced
        long q0 = p0 & m, q1 = p1 & m, q2 = p2 & m, q3 = p3 & m;
        long d0 = q0 - x0, w = borrow3(q0, x0, d0);
        long d1 = q1 - x1 - w; w = borrow3(q1, x1, d1);
        long d2 = q2 - x2 - w; w = borrow3(q2, x2, d2);
        r[ro] = d0; r[ro + 1] = d1; r[ro + 2] = d2; r[ro + 3] = q3 - x3 - w;
    }

    /** r = a^-1 (Fermat); the inverse of zero is zero, callers that care check first. */
    public void inv(long[] a, int ao, long[] r, int ro) {
        powLimbs(a, ao, pMinus2, r, ro);
    }

    /** r = a^e for an exponent given as little-endian limbs (plain integer, not Montgomery). */
    public void powLimbs(long[] a, int ao, long[] e, long[] r, int ro) {
        long[] base = new long[4];
        long[] acc = one.clone();
        System.arraycopy(a, ao, base, 0, 4);
        for (int i = e.length * 64 - 1; i >= 0; i--) {
            sqr(acc, 0, acc, 0);
            if (((e[i >>> 6] >>> (i & 63)) & 1) != 0) {
                mul(acc, 0, base, 0, acc, 0);
            }
        }
        System.arraycopy(acc, 0, r, ro, 4);
    }

    /** Montgomery form of v, which must lie in [0, p). */
    public void fromBigInteger(BigInteger v, long[] r, int ro) {
        long[] l = limbs(v);
        mul(l, 0, r2, 0, r, ro);
    }

    /** The canonical integer of a Montgomery-form value. */
    public BigInteger toBigInteger(long[] a, int ao) {
        long[] c = new long[4];
        toCanonical(a, ao, c, 0);
        return limbsToBigInteger(c, 0);
    }

    /** Canonical limbs (a * R^-1), e.g. scalars for MSM digit extraction. */
    public void toCanonical(long[] a, int ao, long[] r, int ro) {
        long[] unit = {1, 0, 0, 0};
        mul(a, ao, unit, 0, r, ro);
    }

    /** Montgomery form of canonical limbs (which must be below p). */
    public void fromCanonical(long[] a, int ao, long[] r, int ro) {
        mul(a, ao, r2, 0, r, ro);
    }

    /** True when four canonical limbs hold an integer below p. */
    public boolean isCanonical(long[] a, int ao) {
        return !geP(a[ao], a[ao + 1], a[ao + 2], a[ao + 3]);
    }

    public void setOne(long[] r, int ro) {
        System.arraycopy(one, 0, r, ro, 4);
    }

    public static void setZero(long[] r, int ro) {
        r[ro] = 0; r[ro + 1] = 0; r[ro + 2] = 0; r[ro + 3] = 0;
    }

    public static boolean isZero(long[] a, int ao) {
        return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
    }

    public boolean isOne(long[] a, int ao) {
        return a[ao] == one[0] && a[ao + 1] == one[1] && a[ao + 2] == one[2] && a[ao + 3] == one[3];
    }

    public static boolean eq(long[] a, int ao, long[] b, int bo) {
        return a[ao] == b[bo] && a[ao + 1] == b[bo + 1] && a[ao + 2] == b[bo + 2] && a[ao + 3] == b[bo + 3];
    }

    public static void copy(long[] a, int ao, long[] r, int ro) {
        r[ro] = a[ao]; r[ro + 1] = a[ao + 1]; r[ro + 2] = a[ao + 2]; r[ro + 3] = a[ao + 3];
    }

    /**
     * Inverts {@code n} consecutive elements of {@code a} in place with Montgomery's trick (one inversion and
     * 3(n-1) multiplications). Zeros stay zero. {@code scratch} needs 4n longs.
     */
    public void batchInv(long[] a, int ao, int n, long[] scratch) {
        long[] acc = one.clone();
        for (int i = 0; i < n; i++) {
            System.arraycopy(acc, 0, scratch, 4 * i, 4);
            if (!isZero(a, ao + 4 * i)) {
                mul(acc, 0, a, ao + 4 * i, acc, 0);
            }
        }
        inv(acc, 0, acc, 0);
        long[] t = new long[4];
        for (int i = n - 1; i >= 0; i--) {
            int off = ao + 4 * i;
            if (isZero(a, off)) {
                continue;
            }
            mul(acc, 0, scratch, 4 * i, t, 0);
            mul(acc, 0, a, off, acc, 0);
            copy(t, 0, a, off);
        }
    }

    /** Stores t (below 2p) reduced below p: subtract p, keep the difference unless it borrowed. */
    private void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
        long d0 = t0 - p0, w = borrow3(t0, p0, d0);
        long d1 = t1 - p1 - w; w = borrow3(t1, p1, d1);
        long d2 = t2 - p2 - w; w = borrow3(t2, p2, d2);
        long d3 = t3 - p3 - w; w = borrow3(t3, p3, d3);
        long keep = w - 1; // all ones when t >= p: take the difference
        r[ro] = (d0 & keep) | (t0 & ~keep);
        r[ro + 1] = (d1 & keep) | (t1 & ~keep);
        r[ro + 2] = (d2 & keep) | (t2 & ~keep);
        r[ro + 3] = (d3 & keep) | (t3 & ~keep);
    }

    private boolean geP(long t0, long t1, long t2, long t3) {
        if (t3 != p3) return Long.compareUnsigned(t3, p3) > 0;
        if (t2 != p2) return Long.compareUnsigned(t2, p2) > 0;
        if (t1 != p1) return Long.compareUnsigned(t1, p1) > 0;
        return Long.compareUnsigned(t0, p0) >= 0;
    }

    /** 1 when s = x + y wrapped, given s and y. */
    private static long carry(long s, long y) {
        return Long.compareUnsigned(s, y) < 0 ? 1L : 0L;
    }

    /**
     * Carry out of s = x + y + carryIn, from the top bits alone (Hacker's Delight 2-13): arithmetic, not a
     * branch, because carries of random field elements are a coin toss that a branch predictor loses.
     */
    public static long carry3(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of d = x - y - borrowIn, from the top bits alone (Hacker's Delight 2-13). */
    public static long borrow3(long x, long y, long d) {
        return ((~x & y) | ((~x | y) & d)) >>> 63;
    }
}
