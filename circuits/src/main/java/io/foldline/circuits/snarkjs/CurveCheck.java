package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;

/**
 * On-curve checks for BN254 affine points held as Montgomery limbs (G1: x, y; G2: x.c0, x.c1, y.c0, y.c1),
 * the layout of snarkjs files. All zeros is the point at infinity, as snarkjs writes it.
 *
 * <p>G1 has cofactor 1, so on the curve means in the group. G2 points also need a subgroup check, which
 * costs a scalar multiplication; callers do it for the few points that matter (see {@link Points}).
 * Not thread-safe: holds scratch limbs so that bulk checks do not allocate.
 */
final class CurveCheck {
    private static final MontField F = MontField.FQ;
    private static final long[] B1 = mont(BigInteger.valueOf(3));
    /** b' = 3 / (9 + u) of the sextic twist y^2 = x^3 + b'. */
    private static final long[] B2 = twistB();

    private final long[] t = new long[4];
    private final long[] u = new long[4];
    private final long[] c0 = new long[4];
    private final long[] x2 = new long[8];
    private final long[] x3 = new long[8];
    private final long[] y2 = new long[8];

    /** True when all {@code n} coordinates (4 limbs each) from {@code off} are below q. */
    static boolean canonical(long[] a, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (!F.isCanonical(a, off + 4 * i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isZero(long[] a, int off, int nLongs) {
        for (int i = 0; i < nLongs; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** y^2 = x^3 + 3, or infinity; coordinates must already be canonical. */
    boolean g1(long[] a, int off) {
        if (isZero(a, off, 8)) {
            return true;
        }
        F.sqr(a, off, t, 0);
        F.mul(t, 0, a, off, t, 0);
        F.add(t, 0, B1, 0, t, 0);
        F.sqr(a, off + 4, u, 0);
        return MontField.eq(t, 0, u, 0);
    }

    /** y^2 = x^3 + b' over Fq2 = Fq[u]/(u^2 + 1), or infinity; coordinates must already be canonical. */
    boolean g2(long[] a, int off) {
        if (isZero(a, off, 16)) {
            return true;
        }
        fq2Mul(a, off, a, off, x2, 0);
        fq2Mul(x2, 0, a, off, x3, 0);
        F.add(x3, 0, B2, 0, x3, 0);
        F.add(x3, 4, B2, 4, x3, 4);
        fq2Mul(a, off + 8, a, off + 8, y2, 0);
        return MontField.eq(x3, 0, y2, 0) && MontField.eq(x3, 4, y2, 4);
    }

    private void fq2Mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        // (a0 + a1 u)(b0 + b1 u) = (a0 b0 - a1 b1) + (a0 b1 + a1 b0) u; r may alias neither input here
        F.mul(a, ao, b, bo, t, 0);
        F.mul(a, ao + 4, b, bo + 4, u, 0);
        F.sub(t, 0, u, 0, c0, 0);
        F.mul(a, ao, b, bo + 4, t, 0);
        F.mul(a, ao + 4, b, bo, u, 0);
        F.add(t, 0, u, 0, r, ro + 4);
        MontField.copy(c0, 0, r, ro);
    }

    private static long[] mont(BigInteger v) {
        long[] r = new long[4];
        F.fromBigInteger(v.mod(F.modulus), r, 0);
        return r;
    }

    private static long[] twistB() {
        BigInteger q = F.modulus;
        BigInteger inv82 = BigInteger.valueOf(82).modInverse(q); // (9 + u)^-1 = (9 - u) / 82
        long[] b = new long[8];
        System.arraycopy(mont(BigInteger.valueOf(27).multiply(inv82)), 0, b, 0, 4);
        System.arraycopy(mont(BigInteger.valueOf(-3).multiply(inv82)), 0, b, 4, 4);
        return b;
    }
}
