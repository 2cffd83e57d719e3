package io.foldline.crypto.poseidon;

import java.math.BigInteger;

/**
 * The Grain LFSR in self-shrinking mode, Poseidon paper (ePrint 2019/458) appendix E, as the reference
 * script {@code generate_parameters_grain.sage} runs it. Mutable and single-threaded: one instance yields
 * one parameter set, round constants first, then the MDS matrix.
 */
final class GrainLfsr {
    private static final int STATE_BITS = 80;
    /** New bits per step: taps reach at most 62 + 15 = 77 < 80, so 16 new bits depend on old bits only. */
    private static final int CHUNK = 16;
    /** The field is GF(p) (value 1 in 2 bits); the S-box is x^alpha (value 0 in 4 bits). */
    private static final int FIELD_PRIME = 1;
    private static final int SBOX_POWER = 0;

    /** State bit b_k (b_0 the oldest) is bit k of lo for k < 64, bit k - 64 of hi above. */
    private long lo;
    private long hi;
    private long chunk;
    private int chunkPos = CHUNK;

    GrainLfsr(int fieldBits, int t, int roundsFull, int roundsPartial) {
        int pos = 0;
        pos = put(pos, FIELD_PRIME, 2);
        pos = put(pos, SBOX_POWER, 4);
        pos = put(pos, fieldBits, 12);
        pos = put(pos, t, 12);
        pos = put(pos, roundsFull, 10);
        pos = put(pos, roundsPartial, 10);
        while (pos < STATE_BITS) {
            setBit(pos++);
        }
        for (int i = 0; i < 160 / CHUNK; i++) {
            step();
        }
    }

    /** Writes {@code value} most significant bit first into {@code width} bits. */
    private int put(int pos, int value, int width) {
        if (value < 0 || value >= 1 << width) {
            throw new IllegalArgumentException("Grain seed field " + value + " does not fit " + width + " bits");
        }
        for (int i = width - 1; i >= 0; i--) {
            if (((value >>> i) & 1) != 0) {
                setBit(pos);
            }
            pos++;
        }
        return pos;
    }

    private void setBit(int k) {
        if (k < 64) {
            lo |= 1L << k;
        } else {
            hi |= 1L << (k - 64);
        }
    }

    /**
     * Sixteen clocks of b_{i+80} = b_{i+62} ^ b_{i+51} ^ b_{i+38} ^ b_{i+23} ^ b_{i+13} ^ b_i at once; the
     * new bits, oldest in bit 0, are returned and shifted into the state.
     */
    private long step() {
        long x = (lo ^ shr(13) ^ shr(23) ^ shr(38) ^ shr(51) ^ shr(62)) & 0xFFFFL;
        lo = (lo >>> CHUNK) | (hi << (64 - CHUNK));
        hi = x;
        return x;
    }

    /** The low 64 bits of the 80-bit state shifted right by n (0 < n < 64). */
    private long shr(int n) {
        return (lo >>> n) | (hi << (64 - n));
    }

    private int clock() {
        if (chunkPos == CHUNK) {
            chunk = step();
            chunkPos = 0;
        }
        return (int) (chunk >>> chunkPos++) & 1;
    }

    /** Self-shrinking: clock pairs; when the first bit of a pair is 1, the second is output. */
    int nextBit() {
        while (true) {
            int first = clock();
            int second = clock();
            if (first == 1) {
                return second;
            }
        }
    }

    /** {@code n} output bits read as an unsigned integer, first bit most significant. */
    BigInteger nextBits(int n) {
        byte[] mag = new byte[(n + 7) / 8];
        int lead = mag.length * 8 - n;
        for (int i = 0; i < n; i++) {
            if (nextBit() == 1) {
                int p = lead + i;
                mag[p >>> 3] |= (byte) (0x80 >>> (p & 7));
            }
        }
        return new BigInteger(1, mag);
    }

    /** Rejection sampling below {@code modulus}, as the reference does for round constants. */
    BigInteger nextBelow(BigInteger modulus, int n) {
        BigInteger v = nextBits(n);
        while (v.compareTo(modulus) >= 0) {
            v = nextBits(n);
        }
        return v;
    }
}
