package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * The deterministic generator of ffjavascript ({@code ChaCha}), from which snarkjs draws phase-2 secrets
 * and the points of every proof of knowledge ({@link RngPoints}): the ChaCha20 block function (RFC 8439
 * section 2.3, 10 double rounds) keyed by the 8 seed words, with words 12..15 a 128-bit block counter
 * starting at 0 and no nonce, handing out the 16 words of each block in order. {@code snarkjs zkey verify}
 * replays it for beacons and {@code powersoftau verify} for s_p, so it must match bit for bit. Not for
 * secrets of our own; not thread-safe.
 *
 * <p>Field elements follow ffjavascript's {@code F.fromRng}: four {@link #nextU64()} as little-endian
 * 64-bit limbs, masked to the modulus' 254 bits, redrawn until below the modulus, and then read as a
 * <em>Montgomery</em> representation (the element is {@code v * 2^-256 mod p}), because ffjavascript
 * returns the raw buffer as if it were one.
 */
public final class ChaChaRng {
    private static final int[] SIGMA = {0x61707865, 0x3320646E, 0x79622D32, 0x6B206574};
    private static final long MASK_254 = (1L << 62) - 1;

    private final int[] state = new int[16];
    private final int[] block = new int[16];
    private int index = 16;

    public ChaChaRng(int[] seed) {
        if (seed.length != 8) {
            throw new IllegalArgumentException("ChaCha seed must be 8 words, got " + seed.length);
        }
        System.arraycopy(SIGMA, 0, state, 0, 4);
        System.arraycopy(seed, 0, state, 4, 8);
    }

    /** Seeds from the first 32 bytes of {@code hash}, read as big-endian 32-bit words (snarkjs' convention). */
    public static ChaChaRng fromHash(byte[] hash) {
        if (hash.length < 32) {
            throw new IllegalArgumentException("seed hash needs 32 bytes, got " + hash.length);
        }
        int[] seed = new int[8];
        for (int i = 0; i < 8; i++) {
            seed[i] = (hash[4 * i] & 0xFF) << 24 | (hash[4 * i + 1] & 0xFF) << 16
                    | (hash[4 * i + 2] & 0xFF) << 8 | (hash[4 * i + 3] & 0xFF);
        }
        return new ChaChaRng(seed);
    }

    /** The next 32-bit word (ffjavascript's unsigned value has the same bits). */
    public int nextU32() {
        if (index == 16) {
            refill();
        }
        return block[index++];
    }

    /** Two words, the first one high (ffjavascript's {@code nextU64}). */
    public long nextU64() {
        long hi = Integer.toUnsignedLong(nextU32());
        long lo = Integer.toUnsignedLong(nextU32());
        return hi << 32 | lo;
    }

    public boolean nextBool() {
        return (nextU32() & 1) == 1;
    }

    public Fr nextFr() {
        return Fr.fromMont(nextMontLimbs(MontField.FR), 0);
    }

    public Fq nextFq() {
        return Fq.fromMont(nextMontLimbs(MontField.FQ), 0);
    }

    /** Both BN254 moduli have 254 bits, so one mask serves Fr and Fq. */
    private long[] nextMontLimbs(MontField f) {
        long[] v = new long[4];
        do {
            for (int i = 0; i < 4; i++) {
                v[i] = nextU64();
            }
            v[3] &= MASK_254;
        } while (!f.isCanonical(v, 0));
        return v;
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
        for (int w = 12; w < 16 && ++state[w] == 0; w++) {
            // the word wrapped: carry into the next one
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
