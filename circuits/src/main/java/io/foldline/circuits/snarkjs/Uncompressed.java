package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.hash.Blake2b;

/**
 * ffjavascript's "uncompressed" point encoding, which every snarkjs challenge, transcript and circuit hash
 * absorbs: each coordinate 32 bytes big-endian and canonical (out of Montgomery form); G1 = x ‖ y (64
 * bytes); G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (128 bytes: ffjavascript reverses each 64-byte Fq2 as a whole,
 * so the imaginary part comes first); the point at infinity all zeros. Example: the G1 generator (1, 2)
 * is 31 zero bytes, 01, 31 zero bytes, 02.
 *
 * <p>Input points are flat affine Montgomery limbs (G1 8 longs, G2 16 longs, zeros for infinity), as the
 * file readers hold them; bulk calls allocate scratch once per call, not per point.
 */
public final class Uncompressed {
    public static final int G1_BYTES = 64;
    public static final int G2_BYTES = 128;
    /** Points encoded per BLAKE2b update when hashing a section. */
    private static final int CHUNK = 1 << 12;

    private Uncompressed() {
    }

    /** Encodes {@code count} G1 points from {@code pts[off..]} into {@code out[outOff..]}. */
    public static void g1(long[] pts, int off, int count, byte[] out, int outOff) {
        encode(pts, off, count, 8, out, outOff);
    }

    /** Encodes {@code count} G2 points from {@code pts[off..]} into {@code out[outOff..]}. */
    public static void g2(long[] pts, int off, int count, byte[] out, int outOff) {
        encode(pts, off, count, 16, out, outOff);
    }

    public static byte[] g1(long[] p, int off) {
        byte[] b = new byte[G1_BYTES];
        g1(p, off, 1, b, 0);
        return b;
    }

    public static byte[] g2(long[] p, int off) {
        byte[] b = new byte[G2_BYTES];
        g2(p, off, 1, b, 0);
        return b;
    }

    public static byte[] g1(G1Affine p) {
        long[] l = new long[8];
        p.copyTo(l, 0);
        return g1(l, 0);
    }

    public static byte[] g2(G2Affine p) {
        long[] l = new long[16];
        p.copyTo(l, 0);
        return g2(l, 0);
    }

    /** Absorbs {@code count} encoded G1 points from {@code pts[off..]} into {@code h}. */
    public static void hashG1(Blake2b h, long[] pts, int off, int count) {
        hash(h, pts, off, count, 8);
    }

    /** Absorbs {@code count} encoded G2 points from {@code pts[off..]} into {@code h}. */
    public static void hashG2(Blake2b h, long[] pts, int off, int count) {
        hash(h, pts, off, count, 16);
    }

    private static void hash(Blake2b h, long[] pts, int off, int count, int limbs) {
        int bytes = 8 * limbs; // 32 bytes out per 4-limb coordinate
        byte[] buf = new byte[bytes * Math.min(count, CHUNK)];
        for (int i = 0; i < count; i += CHUNK) {
            int n = Math.min(CHUNK, count - i);
            encode(pts, off + limbs * i, n, limbs, buf, 0);
            h.update(buf, 0, bytes * n);
        }
    }

    /** {@code limbs} is 8 (G1) or 16 (G2); 4 limbs make one coordinate, 32 bytes out. */
    private static void encode(long[] pts, int off, int count, int limbs, byte[] out, int outOff) {
        long[] c = new long[4];
        int coords = limbs / 4;
        for (int p = 0; p < count; p++) {
            int base = off + p * limbs;
            for (int k = 0; k < coords; k++) {
                // within each Fq2 of a G2 point the order is reversed: c1 before c0
                int src = limbs == 16 ? base + 4 * (k ^ 1) : base + 4 * k;
                MontField.FQ.toCanonical(pts, src, c, 0); // zero stays zero
                int o = outOff + (p * coords + k) * 32;
                for (int i = 0; i < 4; i++) {
                    putBE(c[3 - i], out, o + 8 * i);
                }
            }
        }
    }

    private static void putBE(long v, byte[] out, int o) {
        for (int i = 0; i < 8; i++) {
            out[o + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
