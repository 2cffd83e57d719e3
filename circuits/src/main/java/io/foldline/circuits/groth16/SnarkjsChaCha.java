package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * The deterministic generator that snarkjs (ffjavascript's {@code ChaCha}) draws phase-2 keys from: the
 * ChaCha20 block function with the 8-word seed as key, a 128-bit block counter in words 12..15 and no
 * nonce, handing out the 16 output words of each block in order. A beacon contribution is checked by
 * {@code snarkjs zkey verify} by replaying this generator, and the G2 point of every proof of knowledge
 * comes from it ({@link SnarkjsPoints#hashToG2}), so it must match bit for bit.
 *
 * <p>Field elements follow ffjavascript's {@code fromRng}: four {@link #nextU64()} as little-endian 64-bit
 * limbs, masked to the modulus' 254 bits, redrawn until below the modulus, and then read as a
 * <em>Montgomery</em> representation (the element is {@code v * 2^-256 mod p}), because ffjavascript returns
 * the raw buffer as if it were one. Not thread-safe.
 */
final class SnarkjsChaCha {
    private static final long MASK_254 = (1L << 62) - 1;

    private final int[] state = new int[16];
    private final int[] block = new int[16];
    private int index = 16;

    SnarkjsChaCha(int[] seed) {
        if (seed.length != 8) {
            throw new IllegalArgumentException("ChaCha seed must be 8 words, got " + seed.length);
        }
        state[0] = 0x61707865;
        state[1] = 0x3320646E;
        state[2] = 0x79622D32;
        state[3] = 0x6B206574;
        System.arraycopy(seed, 0, state, 4, 8);
    }

    /** Seeds from the first 32 bytes of {@code hash}, read as big-endian 32-bit words (snarkjs' convention). */
    static SnarkjsChaCha fromHash(byte[] hash) {
        if (hash.length < 32) {
            throw new IllegalArgumentException("seed hash needs 32 bytes, got " + hash.length);
        }
        int[] seed = new int[8];
        for (int i = 0; i < 8; i++) {
            seed[i] = (hash[4 * i] & 0xFF) << 24 | (hash[4 * i + 1] & 0xFF) << 16
                    | (hash[4 * i + 2] & 0xFF) << 8 | (hash[4 * i + 3] & 0xFF);
        }
        return new SnarkjsChaCha(seed);
    }

    int nextU32() {
        if (index == 16) {
            refill();
        }
        return block[index++];
    }

    /** The first word is the high half. */
    long nextU64() {
        long hi = Integer.toUnsignedLong(nextU32());
        long lo = Integer.toUnsignedLong(nextU32());
        return hi << 32 | lo;
    }

    boolean nextBool() {
        return (nextU32() & 1) == 1;
    }

    Fr nextFr() {
        long[] v = new long[4];
        do {
            drawLimbs(v);
        } while (!MontField.FR.isCanonical(v, 0));
        return Fr.fromMont(v, 0);
    }

    Fq nextFq() {
        long[] v = new long[4];
        do {
            drawLimbs(v);
        } while (!MontField.FQ.isCanonical(v, 0));
        return Fq.fromMont(v, 0);
    }

    private void drawLimbs(long[] v) {
        for (int i = 0; i < 4; i++) {
            v[i] = nextU64();
        }
        v[3] &= MASK_254;
    }

    private void refill() {
        System.arraycopy(state, 0, block, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarter(block, 0, 4, 8, 12);
            quarter(block, 1, 5, 9, 13);
            quarter(block, 2, 6, 10, 14);
            quarter(block, 3, 7, 11, 15);
            quarter(block, 0, 5, 10, 15);
            quarter(block, 1, 6, 11, 12);
            quarter(block, 2, 7, 8, 13);
            quarter(block, 3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] += state[i];
        }
        index = 0;
        // 128-bit counter with carry, as ffjavascript increments it
        for (int w = 12; w < 16; w++) {
            state[w]++;
            if (state[w] != 0) {
                break;
            }
        }
    }

    private static void quarter(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }
}
