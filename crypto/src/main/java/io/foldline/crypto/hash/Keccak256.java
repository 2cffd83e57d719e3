package io.foldline.crypto.hash;

import io.foldline.crypto.CryptoException;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it: the Keccak-f[1600] sponge with rate 1088 bits and the original Keccak
 * padding (a 0x01 byte after the message, 0x80 in the last byte of the block), not FIPS 202 SHA3-256,
 * whose domain byte is 0x06. An instance is a mutable, single-use hasher: {@link #digest()} finishes it.
 */
public final class Keccak256 {
    public static final int DIGEST_BYTES = 32;
    /** Rate of Keccak[c = 512] in bytes: (1600 - 2 * 256) / 8. */
    static final int RATE_BYTES = 136;

    private static final long[] ROUND_CONSTANTS = roundConstants();
    /** Rotation offset of lane x + 5y, from the rho step of FIPS 202 section 3.2.2. */
    private static final int[] RHO = rhoOffsets();
    private static final int[] PI = piTargets();

    private final long[] state = new long[25];
    /** Scratch of the permutation: the rho-pi output. */
    private final long[] b = new long[25];
    /** Bytes of the current block already XORed into the state. */
    private int blockPos;
    private boolean finished;

    public static byte[] digest(byte[]... parts) {
        Keccak256 k = new Keccak256();
        for (byte[] p : parts) {
            k.update(p, 0, p.length);
        }
        return k.digest();
    }

    public Keccak256 update(byte[] b) {
        return update(b, 0, b.length);
    }

    public Keccak256 update(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new CryptoException("Keccak256: update after digest(); start a new instance");
        }
        int i = off;
        int end = off + len;
        while (i < end) {
            if (blockPos == 0 && end - i >= RATE_BYTES) {
                absorbFullBlock(b, i);
                i += RATE_BYTES;
                continue;
            }
            int n = Math.min(RATE_BYTES - blockPos, end - i);
            for (int k = 0; k < n; k++) {
                xorByte(blockPos + k, b[i + k]);
            }
            blockPos += n;
            i += n;
            if (blockPos == RATE_BYTES) {
                permute();
                blockPos = 0;
            }
        }
        return this;
    }

    public byte[] digest() {
        if (finished) {
            throw new CryptoException("Keccak256: digest() called twice; start a new instance");
        }
        finished = true;
        // Keccak pad10*1 with the 0x01 multi-rate start bit; both bits land in one byte (0x81) when
        // the message leaves exactly one free byte in the block.
        xorByte(blockPos, (byte) 0x01);
        xorByte(RATE_BYTES - 1, (byte) 0x80);
        permute();
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            out[i] = (byte) (state[i >>> 3] >>> ((i & 7) << 3));
        }
        return out;
    }

    private void xorByte(int pos, byte v) {
        state[pos >>> 3] ^= (v & 0xFFL) << ((pos & 7) << 3);
    }

    private void absorbFullBlock(byte[] b, int off) {
        for (int lane = 0; lane < RATE_BYTES / 8; lane++) {
            int p = off + (lane << 3);
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (b[p + k] & 0xFFL);
            }
            state[lane] ^= v;
        }
        permute();
    }

    /** Keccak-f[1600], FIPS 202 section 3.3; lanes indexed x + 5y, bytes little-endian within a lane. */
    private void permute() {
        long[] a = state;
        for (int round = 0; round < 24; round++) {
            // theta
            long c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
            long c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
            long c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
            long c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
            long c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            for (int y = 0; y < 25; y += 5) {
                a[y] ^= d0;
                a[y + 1] ^= d1;
                a[y + 2] ^= d2;
                a[y + 3] ^= d3;
                a[y + 4] ^= d4;
            }
            // rho and pi: B[y, 2x + 3y] = rot(A[x, y], r[x, y])
            for (int i = 0; i < 25; i++) {
                b[PI[i]] = Long.rotateLeft(a[i], RHO[i]);
            }
            // chi
            for (int y = 0; y < 25; y += 5) {
                long b0 = b[y], b1 = b[y + 1], b2 = b[y + 2], b3 = b[y + 3], b4 = b[y + 4];
                a[y] = b0 ^ (~b1 & b2);
                a[y + 1] = b1 ^ (~b2 & b3);
                a[y + 2] = b2 ^ (~b3 & b4);
                a[y + 3] = b3 ^ (~b4 & b0);
                a[y + 4] = b4 ^ (~b0 & b1);
            }
            // iota
            a[0] ^= ROUND_CONSTANTS[round];
        }
    }

    /** Destination of lane x + 5y under pi: y + 5 * ((2x + 3y) mod 5). */
    private static int[] piTargets() {
        int[] pi = new int[25];
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) {
                pi[x + 5 * y] = y + 5 * ((2 * x + 3 * y) % 5);
            }
        }
        return pi;
    }

    /** Round constants from the degree-8 LFSR rc(t) of FIPS 202 Algorithm 5 (x^8 + x^6 + x^5 + x^4 + 1). */
    private static long[] roundConstants() {
        long[] rc = new long[24];
        int r = 1;
        for (int round = 0; round < 24; round++) {
            long v = 0;
            for (int j = 0; j < 7; j++) {
                if ((r & 1) != 0) {
                    v |= 1L << ((1 << j) - 1);
                }
                r = (r & 0x80) != 0 ? ((r << 1) ^ 0x71) & 0xFF : (r << 1);
            }
            rc[round] = v;
        }
        return rc;
    }

    /** Offsets (t + 1)(t + 2) / 2 along the walk (x, y) -> (y, 2x + 3y) from (1, 0), FIPS 202 Algorithm 2. */
    private static int[] rhoOffsets() {
        int[] off = new int[25];
        int x = 1;
        int y = 0;
        for (int t = 0; t < 24; t++) {
            off[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
            int nx = y;
            y = (2 * x + 3 * y) % 5;
            x = nx;
        }
        return off;
    }
}
