package io.foldline.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitsTest {
    private static final BigInteger R = Fr.MODULUS;

    private static List<BigInteger> scalars() {
        List<BigInteger> s = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, R.subtract(BigInteger.ONE),
                R.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE)));
        for (int k = 0; k < 254; k += 7) {
            s.add(BigInteger.ONE.shiftLeft(k));
        }
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 40; i++) {
            s.add(Fr.random(rng).toBigInteger());
        }
        return s;
    }

    @Test
    void digitsRecomposeTheScalarAndStayInRange() {
        for (BigInteger k : scalars()) {
            long[] limbs = MontField.limbs(k);
            for (int c = 1; c <= MsmConfig.MAX_WINDOW_BITS; c++) {
                BigInteger sum = BigInteger.ZERO;
                for (int w = Digits.windows(c) - 1; w >= 0; w--) {
                    int d = Digits.digit(limbs, 0, w, c);
                    assertTrue(Math.abs(d) <= 1 << (c - 1), "digit " + d + " out of range for c=" + c);
                    sum = sum.shiftLeft(c).add(BigInteger.valueOf(d));
                }
                assertEquals(k, sum, "c=" + c);
            }
        }
    }

    @Test
    void montgomeryScalarsBecomeCanonicalAndInfinityBasesZeroTheirScalar() {
        SplittableRandom rng = new SplittableRandom(2);
        Fr[] fr = {Fr.random(rng), Fr.ONE, Fr.ZERO, Fr.of(R.subtract(BigInteger.ONE)), Fr.random(rng)};
        long[] mont = new long[4 * fr.length];
        long[] bases = new long[8 * fr.length];
        for (int i = 0; i < fr.length; i++) {
            fr[i].copyMontTo(mont, 4 * i);
            bases[8 * i + 4] = i == 4 ? 0 : 1; // base 4 is all zeros: the point at infinity
        }
        long[] canon = new long[4 * fr.length];
        Digits.toCanonical(mont, 0, bases, 0, 8, canon, 0, fr.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(fr[i].toBigInteger(), MontField.limbsToBigInteger(canon, 4 * i));
        }
        assertEquals(BigInteger.ZERO, MontField.limbsToBigInteger(canon, 16));
    }
}
