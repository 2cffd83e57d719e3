package io.foldline.crypto.hash;

import io.foldline.crypto.CryptoException;
import java.util.Objects;

/**
 * BLAKE2b (RFC 7693), unkeyed, with a digest of 1 to 64 bytes. snarkjs hashes its phase-2 transcripts and
 * circuit hashes with BLAKE2b-512, so the Groth16 setup needs it to write files that {@code snarkjs zkey
 * verify} accepts. An instance is a mutable hasher; {@link #digest()} finishes it and {@link #copy()} forks
 * one mid-stream (snarkjs clones its running transcript hasher the same way).
 */
public final class Blake2b {
    public static final int MAX_DIGEST_BYTES = 64;
    private static final int BLOCK = 128;

    /** The SHA-512 initial hash value (RFC 7693 section 2.6). */
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    /** Message word schedule (RFC 7693 section 2.7); rounds 10 and 11 reuse rows 0 and 1. */
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final int digestBytes;
    private final long[] h = new long[8];
    private final long[] v = new long[16];
    private final long[] m = new long[16];
    /** The pending block: kept until more input arrives, since the last block is compressed differently. */
    private final byte[] buf = new byte[BLOCK];
    private int bufLen;
    /** Bytes compressed so far (t0, t1 of the RFC); a long suffices below 2^63 bytes. */
    private long counter;
    private boolean finished;

    public Blake2b(int digestBytes) {
        if (digestBytes < 1 || digestBytes > MAX_DIGEST_BYTES) {
            throw new CryptoException("Blake2b digest length must be in [1, 64] bytes, got " + digestBytes);
        }
        this.digestBytes = digestBytes;
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ digestBytes; // depth 1, fanout 1, no key
    }

    /** BLAKE2b-512, the variant snarkjs uses. */
    public static Blake2b blake2b512() {
        return new Blake2b(64);
    }

    public static byte[] digest512(byte[]... parts) {
        Blake2b b = blake2b512();
        for (byte[] p : parts) {
            b.update(p);
        }
        return b.digest();
    }

    public Blake2b update(byte[] b) {
        return update(b, 0, b.length);
    }

    public Blake2b update(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new CryptoException("Blake2b: update after digest(); start a new instance or copy() first");
        }
        int i = off;
        int end = off + len;
        while (i < end) {
            if (bufLen == BLOCK) {
                counter += BLOCK;
                compress(buf, 0, false);
                bufLen = 0;
            }
            if (bufLen == 0 && end - i > BLOCK) {
                counter += BLOCK;
                compress(b, i, false);
                i += BLOCK;
                continue;
            }
            int n = Math.min(BLOCK - bufLen, end - i);
            System.arraycopy(b, i, buf, bufLen, n);
            bufLen += n;
            i += n;
        }
        return this;
    }

    /** Finishes the hash; the instance cannot be updated afterwards. */
    public byte[] digest() {
        if (finished) {
            throw new CryptoException("Blake2b: digest() called twice");
        }
        finished = true;
        counter += bufLen;
        java.util.Arrays.fill(buf, bufLen, BLOCK, (byte) 0);
        compress(buf, 0, true);
        byte[] out = new byte[digestBytes];
        for (int i = 0; i < digestBytes; i++) {
            out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    /** An independent hasher in the same state, so that a shared prefix is hashed once. */
    public Blake2b copy() {
        if (finished) {
            throw new CryptoException("Blake2b: copy() after digest()");
        }
        Blake2b c = new Blake2b(digestBytes);
        System.arraycopy(h, 0, c.h, 0, 8);
        System.arraycopy(buf, 0, c.buf, 0, BLOCK);
        c.bufLen = bufLen;
        c.counter = counter;
        return c;
    }

    private void compress(byte[] block, int off, boolean last) {
        for (int i = 0; i < 16; i++) {
            m[i] = le64(block, off + 8 * i);
        }
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= counter;
        // v[13] ^= high word of the counter: always 0 here
        if (last) {
            v[14] = ~v[14];
        }
        for (int r = 0; r < 12; r++) {
            byte[] s = SIGMA[r % 10];
            g(0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private void g(int a, int b, int c, int d, long x, long y) {
        v[a] += v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] += v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }

    private static long le64(byte[] b, int off) {
        long r = 0;
        for (int i = 7; i >= 0; i--) {
            r = (r << 8) | (b[off + i] & 0xFFL);
        }
        return r;
    }
}
