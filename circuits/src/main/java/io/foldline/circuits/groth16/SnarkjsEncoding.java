package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.hash.Blake2b;

/**
 * ffjavascript's "uncompressed" point encoding, which every snarkjs transcript and circuit hash absorbs:
 * G1 as x ‖ y, G2 as x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, each coordinate 32 bytes big-endian and canonical (out of
 * Montgomery form); the point at infinity as all zeros. Input points are flat affine Montgomery limbs
 * (G1 8 longs, G2 16 longs, zeros for infinity).
 */
final class SnarkjsEncoding {
    static final int G1_BYTES = 64;
    static final int G2_BYTES = 128;
    private static final MontField FQ = MontField.FQ;
    private static final int CHUNK = 1 << 12;

    private SnarkjsEncoding() {
    }

    /** {@code t} is four longs of scratch. */
    static void g1(long[] p, int off, byte[] out, int o, long[] t) {
        coordinate(p, off, out, o, t);
        coordinate(p, off + 4, out, o + 32, t);
    }

    /** ffjavascript reverses the whole 64-byte Fq2 coordinate, so c1 comes first. */
    static void g2(long[] p, int off, byte[] out, int o, long[] t) {
        coordinate(p, off + 4, out, o, t);
        coordinate(p, off, out, o + 32, t);
        coordinate(p, off + 12, out, o + 64, t);
        coordinate(p, off + 8, out, o + 96, t);
    }

    static byte[] g1(long[] p, int off) {
        byte[] b = new byte[G1_BYTES];
        g1(p, off, b, 0, new long[4]);
        return b;
    }

    static byte[] g2(long[] p, int off) {
        byte[] b = new byte[G2_BYTES];
        g2(p, off, b, 0, new long[4]);
        return b;
    }

    /** Absorbs {@code count} G1 points from {@code pts} at point index {@code first}. */
    static void hashG1(Blake2b h, long[] pts, int first, int count) {
        byte[] buf = new byte[G1_BYTES * Math.min(count, CHUNK)];
        long[] t = new long[4];
        for (int i = 0; i < count; i += CHUNK) {
            int n = Math.min(CHUNK, count - i);
            for (int k = 0; k < n; k++) {
                g1(pts, 8 * (first + i + k), buf, G1_BYTES * k, t);
            }
            h.update(buf, 0, G1_BYTES * n);
        }
    }

    static void hashG2(Blake2b h, long[] pts, int first, int count) {
        byte[] buf = new byte[G2_BYTES * Math.min(count, CHUNK)];
        long[] t = new long[4];
        for (int i = 0; i < count; i += CHUNK) {
            int n = Math.min(CHUNK, count - i);
            for (int k = 0; k < n; k++) {
                g2(pts, 16 * (first + i + k), buf, G2_BYTES * k, t);
            }
            h.update(buf, 0, G2_BYTES * n);
        }
    }

    /** A big-endian u32, as snarkjs' {@code hashU32} writes section counts into the circuit hash. */
    static void hashU32(Blake2b h, long v) {
        h.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** Montgomery limbs at {@code off} to 32 canonical big-endian bytes (zero stays zero). */
    private static void coordinate(long[] p, int off, byte[] out, int o, long[] c) {
        FQ.toCanonical(p, off, c, 0); // zero maps to zero
        putBE(c[3], out, o);
        putBE(c[2], out, o + 8);
        putBE(c[1], out, o + 16);
        putBE(c[0], out, o + 24);
    }

    private static void putBE(long v, byte[] out, int o) {
        for (int i = 0; i < 8; i++) {
            out[o + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
