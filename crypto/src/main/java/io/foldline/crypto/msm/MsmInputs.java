package io.foldline.crypto.msm;

import io.foldline.crypto.CryptoException;

/** Bounds checks shared by the public entry points, with messages that name the bad argument. */
final class MsmInputs {
    private MsmInputs() {
    }

    static void check(String group, long[] bases, int basesOff, int affLen, long[] scalars, int scalarsOff, int n) {
        if (n < 0) {
            throw new CryptoException(group + " MSM: n must be non-negative, got " + n);
        }
        if (bases == null || scalars == null) {
            throw new CryptoException(group + " MSM: " + (bases == null ? "bases" : "scalars") + " is null");
        }
        if (basesOff < 0 || (long) basesOff + (long) affLen * n > bases.length) {
            throw new CryptoException(group + " MSM: bases hold " + bases.length + " longs, need " + affLen
                    + " per point for " + n + " points from offset " + basesOff);
        }
        if (scalarsOff < 0 || (long) scalarsOff + 4L * n > scalars.length) {
            throw new CryptoException(group + " MSM: scalars hold " + scalars.length
                    + " longs, need 4 per scalar for " + n + " scalars from offset " + scalarsOff);
        }
    }

    static void checkSameLength(String group, int bases, int scalars) {
        if (bases != scalars) {
            throw new CryptoException(group + " MSM: " + bases + " bases but " + scalars + " scalars");
        }
    }
}
