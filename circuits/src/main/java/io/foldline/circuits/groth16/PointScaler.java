package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.G1Ops;
import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * Multiplies every point of a G1 section by one scalar, as a phase-2 contribution does to the C and H
 * sections (snarkjs' {@code batchApplyKey} with a constant factor). The scalar's width-5 NAF is computed
 * once; each point then costs its table of odd multiples (P, 3P, ..., 15P), about 254 doublings and one
 * addition per non-zero digit (about 51). Chunks run on the common fork-join pool and go back to affine
 * with one inversion each. Points are flat affine Montgomery limbs, zeros for infinity (kept as is).
 */
final class PointScaler {
    private static final int WINDOW = 5;
    private static final int CHUNK = 1024;

    private PointScaler() {
    }

    /** [k] P for every point P of {@code points} (8 longs each), into a new array. */
    static long[] g1(long[] points, Fr k) {
        int n = points.length / 8;
        int[] naf = naf(k.toBigInteger());
        long[] out = new long[points.length];
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int m = Math.min(CHUNK, n - lo);
            G1Ops g = new G1Ops();
            long[] jac = new long[12 * m];
            long[] table = new long[12 * (1 << (WINDOW - 2))];
            long[] twice = new long[12];
            long[] neg = new long[12];
            for (int i = 0; i < m; i++) {
                scale(g, points, 8 * (lo + i), naf, jac, 12 * i, table, twice, neg);
            }
            long[] aff = new long[8 * m];
            g.batchToAffine(jac, m, aff);
            System.arraycopy(aff, 0, out, 8 * lo, aff.length);
        });
        return out;
    }

    private static void scale(G1Ops g, long[] pts, int off, int[] naf, long[] out, int oo,
                              long[] table, long[] twice, long[] neg) {
        if (isZero(pts, off)) {
            g.setInfinity(out, oo);
            return;
        }
        // table[j] = (2j + 1) P, Jacobian
        g.setInfinity(table, 0);
        g.addMixed(table, 0, pts, off, table, 0);
        g.dbl(table, 0, twice, 0);
        for (int j = 1; j < table.length / 12; j++) {
            g.add(table, 12 * (j - 1), twice, 0, table, 12 * j);
        }
        g.setInfinity(out, oo);
        for (int i = naf.length - 1; i >= 0; i--) {
            g.dbl(out, oo, out, oo);
            int d = naf[i];
            if (d > 0) {
                g.add(out, oo, table, 12 * (d >>> 1), out, oo);
            } else if (d < 0) {
                g.neg(table, 12 * ((-d) >>> 1), neg, 0);
                g.add(out, oo, neg, 0, out, oo);
            }
        }
    }

    /** Width-5 non-adjacent form, least significant digit first; digits odd in (-16, 16) or zero. */
    static int[] naf(BigInteger k) {
        int[] digits = new int[k.bitLength() + 1];
        int len = 0;
        BigInteger v = k;
        int mod = 1 << WINDOW;
        while (v.signum() > 0) {
            int d = 0;
            if (v.testBit(0)) {
                d = v.intValue() & (mod - 1);
                if (d >= mod / 2) {
                    d -= mod;
                }
                v = v.subtract(BigInteger.valueOf(d));
            }
            digits[len++] = d;
            v = v.shiftRight(1);
        }
        return java.util.Arrays.copyOf(digits, len);
    }

    private static boolean isZero(long[] a, int off) {
        for (int i = 0; i < 8; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
