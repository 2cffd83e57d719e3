package io.foldline.circuits.ptau;

/**
 * The deterministic generator of ffjavascript ({@code ChaCha}), which snarkjs seeds from a hash to derive
 * the G2 point of a proof of knowledge: the ChaCha20 block function (RFC 8439 section 2.3, 10 double
 * rounds) keyed by 8 seed words, with words 12-15 a 128-bit block counter starting at 0 (no nonce),
 * returning the 16 words of each block in order. Not for secrets: here it only has to match snarkjs.
 */
final class ChaChaRng {
    private static final int[] SIGMA = {0x61707865, 0x3320646E, 0x79622D32, 0x6B206574};

    private final int[] state = new int[16];
    private final int[] block = new int[16];
    private int idx = 16;

    ChaChaRng(int[] seed) {
        if (seed.length != 8) {
            throw new IllegalArgumentException("ChaCha seed must be 8 words, got " + seed.length);
        }
        System.arraycopy(SIGMA, 0, state, 0, 4);
        System.arraycopy(seed, 0, state, 4, 8);
    }

    /** ffjavascript's seed from a hash: the first 32 bytes as 8 big-endian words. */
    static ChaChaRng fromHash(byte[] hash) {
        int[] seed = new int[8];
        for (int i = 0; i < 8; i++) {
            seed[i] = ((hash[4 * i] & 0xFF) << 24) | ((hash[4 * i + 1] & 0xFF) << 16)
                    | ((hash[4 * i + 2] & 0xFF) << 8) | (hash[4 * i + 3] & 0xFF);
        }
        return new ChaChaRng(seed);
    }

    /** The next word, as an unsigned value. */
    long nextU32() {
        if (idx == 16) {
            refill();
        }
        return Integer.toUnsignedLong(block[idx++]);
    }

    /** Two words, the first one high (ffjavascript's {@code nextU64}). */
    long nextU64() {
        long hi = nextU32();
        return (hi << 32) | nextU32();
    }

    boolean nextBool() {
        return (nextU32() & 1) == 1;
    }

    private void refill() {
        System.arraycopy(state, 0, block, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarter(0, 4, 8, 12);
            quarter(1, 5, 9, 13);
            quarter(2, 6, 10, 14);
            quarter(3, 7, 11, 15);
            quarter(0, 5, 10, 15);
            quarter(1, 6, 11, 12);
            quarter(2, 7, 8, 13);
            quarter(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] += state[i];
        }
        idx = 0;
        for (int i = 12; i < 16 && ++state[i] == 0; i++) {
            // carry into the next counter word
        }
    }

    private void quarter(int a, int b, int c, int d) {
        int[] s = block;
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
