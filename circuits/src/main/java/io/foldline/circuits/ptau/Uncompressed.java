package io.foldline.circuits.ptau;

import io.foldline.crypto.bn254.internal.MontField;

/**
 * ffjavascript's "uncompressed" point encoding, which snarkjs hashes into its challenges: coordinates in
 * normal form, 32-byte big-endian; G1 = x || y; G2 = x.c1 || x.c0 || y.c1 || y.c0 (each Fq2 element is
 * byte-reversed as a whole, so the imaginary part comes first); infinity = all zeros.
 */
final class Uncompressed {
    private Uncompressed() {
    }

    /** Encodes {@code n} points of {@code limbs} longs each (8 or 16) from {@code src[off..]} into {@code out}. */
    static void encode(long[] src, int off, int n, int limbs, byte[] out, int outOff) {
        long[] c = new long[4];
        int coords = limbs / 4;
        for (int p = 0; p < n; p++) {
            int base = off + p * limbs;
            for (int k = 0; k < coords; k++) {
                // within each Fq2 (pairs of coordinates for G2) the order is reversed: c1 before c0
                int src4 = limbs == 16 ? base + 4 * (k ^ 1) : base + 4 * k;
                MontField.FQ.toCanonical(src, src4, c, 0);
                int o = outOff + (p * coords + k) * 32;
                for (int i = 0; i < 4; i++) {
                    long w = c[3 - i];
                    for (int b = 0; b < 8; b++) {
                        out[o + 8 * i + b] = (byte) (w >>> (56 - 8 * b));
                    }
                }
            }
        }
    }

    static byte[] encode(long[] point, int limbs) {
        byte[] out = new byte[limbs * 8];
        encode(point, 0, 1, limbs, out, 0);
        return out;
    }
}
