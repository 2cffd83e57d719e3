package io.foldline.crypto.poseidon;

import java.math.BigInteger;

/**
 * The Grain LFSR in self-shrinking mode, Poseidon paper (ePrint 2019/458) appendix E, as the reference
 * script {@code generate_parameters_grain.sage} runs it. Mutable and single-threaded: one instance yields
 * one parameter set, round constants first, then the MDS matrix.
 */
final class GrainLfsr {
    private static final int STATE_BITS = 80;
    /** The field is GF(p) (value 1 in 2 bits); the S-box is x^alpha (value 0 in 4 bits). */
    private static final int FIELD_PRIME = 1;
    private static final int SBOX_POWER = 0;

    /** Ring buffer of the 80 state bits; {@code head} is b_i, the oldest. */
    private final byte[] bits = new byte[STATE_BITS];
    private int head;

    GrainLfsr(int fieldBits, int t, int roundsFull, int roundsPartial) {
        int pos = 0;
        pos = put(pos, FIELD_PRIME, 2);
        pos = put(pos, SBOX_POWER, 4);
        pos = put(pos, fieldBits, 12);
        pos = put(pos, t, 12);
        pos = put(pos, roundsFull, 10);
        pos = put(pos, roundsPartial, 10);
        while (pos < STATE_BITS) {
            bits[pos++] = 1;
        }
        for (int i = 0; i < 160; i++) {
            clock();
        }
    }

    /** Writes {@code value} most significant bit first into {@code width} bits. */
    private int put(int pos, int value, int width) {
        if (value < 0 || value >= 1 << width) {
            throw new IllegalArgumentException("Grain seed field " + value + " does not fit " + width + " bits");
        }
        for (int i = width - 1; i >= 0; i--) {
            bits[pos++] = (byte) ((value >>> i) & 1);
        }
        return pos;
    }

    /** b_{i+80} = b_{i+62} ^ b_{i+51} ^ b_{i+38} ^ b_{i+23} ^ b_{i+13} ^ b_i. */
    private int clock() {
        int nb = bits[head] ^ at(13) ^ at(23) ^ at(38) ^ at(51) ^ at(62);
        bits[head] = (byte) nb;
        head = head == STATE_BITS - 1 ? 0 : head + 1;
        return nb;
    }

    private int at(int offset) {
        int i = head + offset;
        return bits[i >= STATE_BITS ? i - STATE_BITS : i];
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
