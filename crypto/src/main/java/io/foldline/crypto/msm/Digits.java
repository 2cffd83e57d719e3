package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.internal.MontField;

/**
 * Signed window digits of canonical 256-bit scalars (Booth recoding). Window w of width c has the digit
 * d_w = v_w + s_(wc-1) - 2^c s_((w+1)c-1), where v_w is the integer in bits [wc, (w+1)c) and s_j is bit j
 * of the scalar (s_(-1) = 0). Then sum_w d_w 2^(wc) telescopes to the scalar, each |d_w| <= 2^(c-1), and a
 * digit depends on its own window and one bit below it, so any window can be read without the others.
 * With ceil(255/c) windows the last borrow bit is bit 255 or above, which is zero below r.
 */
final class Digits {
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};

    private Digits() {
    }

    static int windows(int c) {
        return (255 + c - 1) / c;
    }

    static int digit(long[] s, int so, int w, int c) {
        long bits; // bit 0 = borrow-in bit, bits 1..c = the window
        if (w == 0) {
            bits = s[so] << 1;
        } else {
            int pos = w * c - 1;
            int limb = pos >>> 6;
            int sh = pos & 63;
            bits = s[so + limb] >>> sh;
            if (sh + c + 1 > 64 && limb < 3) {
                bits |= s[so + limb + 1] << (64 - sh);
            }
        }
        bits &= (1L << (c + 1)) - 1;
        int top = (int) (bits >>> c);
        return (int) ((bits >>> 1) + (bits & 1)) - (top << c);
    }

    /**
     * Canonical limbs of scalars [lo, hi) (Montgomery form in, as {@code Fr.copyMontTo} writes) into
     * {@code canon}; zero where the base at the same index is the point at infinity, so it is skipped.
     */
    static void toCanonical(long[] scalars, int scalarsOff, long[] bases, int basesOff, int affLen,
                            long[] canon, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int bo = basesOff + i * affLen;
            boolean infinity = true;
            for (int j = 0; j < affLen && infinity; j++) {
                infinity = bases[bo + j] == 0;
            }
            if (infinity) {
                MontField.setZero(canon, 4 * i);
            } else {
                canonical(scalars, scalarsOff + 4 * i, canon, 4 * i);
            }
        }
    }

    /**
     * The canonical limbs of one Montgomery-form scalar: a * 1 * R^-1, the Montgomery product with plain 1,
     * which comes out fully reduced (below r) even for input limbs at or above r.
     */
    static void canonical(long[] mont, int mo, long[] canon, int co) {
        MontField.FR.mul(mont, mo, PLAIN_ONE, 0, canon, co);
    }
}
