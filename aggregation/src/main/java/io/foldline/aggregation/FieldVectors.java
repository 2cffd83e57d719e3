package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;
import java.util.random.RandomGenerator;

/**
 * Vectors of Fr as flat Montgomery limbs (four per entry), the layout of {@code R1cs}, {@code Witness} and
 * the MSM: folding touches every witness entry once per fold, so it works on limbs, not on Fr objects.
 */
final class FieldVectors {
    private static final MontField FR = MontField.FR;

    private FieldVectors() {
    }

    static int length(long[] v) {
        return v.length / 4;
    }

    static long[] random(int n, RandomGenerator rng) {
        long[] v = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.random(rng).copyMontTo(v, 4 * i);
        }
        return v;
    }

    /** {@code y + a * x} as a new vector. */
    static long[] addScaled(long[] y, Fr a, long[] x) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("vectors of " + length(y) + " and " + length(x) + " entries");
        }
        long[] s = new long[4];
        a.copyMontTo(s, 0);
        long[] out = new long[y.length];
        for (int off = 0; off < y.length; off += 4) {
            FR.mul(x, off, s, 0, out, off);
            FR.add(out, off, y, off, out, off);
        }
        return out;
    }

    /** {@code v || tail}: a range of the commitment layout with its blinding coordinate after it. */
    static long[] append(long[] v, Fr tail) {
        long[] out = new long[v.length + 4];
        System.arraycopy(v, 0, out, 0, v.length);
        tail.copyMontTo(out, v.length);
        return out;
    }

    static boolean isZero(long[] v) {
        for (long limb : v) {
            if (limb != 0) {
                return false;
            }
        }
        return true;
    }

    static long[] of(Fr[] xs) {
        long[] v = new long[4 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i].copyMontTo(v, 4 * i);
        }
        return v;
    }

    static Fr get(long[] v, int i) {
        return Fr.fromMont(v, 4 * i);
    }
}
