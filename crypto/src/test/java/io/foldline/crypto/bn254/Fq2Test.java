package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.internal.Fq2Ops;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fq2: field laws, a differential test of the flat kernel against BigInteger complex arithmetic, square roots. */
class Fq2Test {
    static final BigInteger Q = Fq.MODULUS;

    static Fq2 random(SplittableRandom rng) {
        return Fq2.of(PrimeFieldTest.randomBelow(Q, rng), PrimeFieldTest.randomBelow(Q, rng));
    }

    @Nested
    class Laws extends FieldLawsContract<Fq2> {
        protected Fq2 random(SplittableRandom rng) { return Fq2Test.random(rng); }
        protected Fq2 zero() { return Fq2.ZERO; }
        protected Fq2 one() { return Fq2.ONE; }
        protected Fq2 add(Fq2 a, Fq2 b) { return a.add(b); }
        protected Fq2 sub(Fq2 a, Fq2 b) { return a.sub(b); }
        protected Fq2 mul(Fq2 a, Fq2 b) { return a.mul(b); }
        protected Fq2 square(Fq2 a) { return a.square(); }
        protected Fq2 neg(Fq2 a) { return a.neg(); }
        protected Fq2 inverse(Fq2 a) { return a.inverse(); }
    }

    private static BigInteger[] big(Fq2 a) {
        return new BigInteger[] {a.c0().toBigInteger(), a.c1().toBigInteger()};
    }

    @Test
    void kernelAgreesWithBigIntegerComplexArithmetic() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            Fq2 a = random(rng), b = random(rng);
            BigInteger[] x = big(a), y = big(b);
            BigInteger re = x[0].multiply(y[0]).subtract(x[1].multiply(y[1])).mod(Q);
            BigInteger im = x[0].multiply(y[1]).add(x[1].multiply(y[0])).mod(Q);
            assertEquals(Fq2.of(re, im), a.mul(b), () -> a + " * " + b);
            BigInteger sre = x[0].multiply(x[0]).subtract(x[1].multiply(x[1])).mod(Q);
            BigInteger sim = x[0].multiply(x[1]).shiftLeft(1).mod(Q);
            assertEquals(Fq2.of(sre, sim), a.square());
            BigInteger nre = x[0].multiply(BigInteger.valueOf(9)).subtract(x[1]).mod(Q);
            BigInteger nim = x[1].multiply(BigInteger.valueOf(9)).add(x[0]).mod(Q);
            assertEquals(Fq2.of(nre, nim), a.mulByNonResidue());
            assertEquals(a.mul(Fq2.XI), a.mulByNonResidue());
            BigInteger s = y[0];
            assertEquals(Fq2.of(x[0].multiply(s).mod(Q), x[1].multiply(s).mod(Q)), a.mul(b.c0()));
            assertEquals(Fq2.of(x[0], Q.subtract(x[1]).mod(Q)), a.conjugate());
            assertEquals(a.conjugate(), a.frobenius(1));
            assertEquals(a, a.frobenius(2));
        }
    }

    @Test
    void kernelOutputsMayAliasInputs() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 100; i++) {
            Fq2 a = random(rng), b = random(rng);
            long[] buf = new long[16];
            a.copyMontTo(buf, 0);
            b.copyMontTo(buf, 8);
            Fq2Ops.mul(buf, 0, buf, 8, buf, 8);
            assertEquals(a.mul(b), Fq2.fromMont(buf, 8));
            Fq2Ops.sqr(buf, 0, buf, 0);
            assertEquals(a.square(), Fq2.fromMont(buf, 0));
            Fq2Ops.mulByNonResidue(buf, 0, buf, 0);
            assertEquals(a.square().mulByNonResidue(), Fq2.fromMont(buf, 0));
            Fq2Ops.mulByFq(buf, 0, buf, 4, buf, 0); // scalar is the c1 half of the same element
            Fq2 t = a.square().mulByNonResidue();
            assertEquals(t.mul(t.c1()), Fq2.fromMont(buf, 0));
            Fq2Ops.halve(buf, 0, buf, 8);
            assertEquals(Fq2.fromMont(buf, 0), Fq2.fromMont(buf, 8).dbl());
        }
    }

    @Test
    void edgeValuesNearTheModulus() {
        BigInteger m1 = Q.subtract(BigInteger.ONE);
        Fq2 a = Fq2.of(m1, m1);
        assertEquals(Fq2.of(BigInteger.ZERO, BigInteger.TWO), a.square()); // (-1 - u)^2 = 2u
        assertEquals(Fq2.of(BigInteger.ZERO, BigInteger.TWO), a.mul(a));
        assertEquals(Fq2.ZERO, a.add(a.neg()));
    }

    @Test
    void squareRoots() {
        SplittableRandom rng = new SplittableRandom(9);
        int none = 0;
        for (int i = 0; i < 60; i++) {
            Fq2 a = random(rng);
            Fq2 sq = a.square();
            Fq2 r = sq.sqrt();
            assertEquals(sq, r.square());
            Fq2 s = a.sqrt();
            if (s == null) {
                none++;
                // Euler's criterion in Fq2: a^((q^2-1)/2) = -1 for a non-square
                assertEquals(Fq2.ONE.neg(), a.pow(Q.multiply(Q).subtract(BigInteger.ONE).shiftRight(1)));
            } else {
                assertEquals(a, s.square());
            }
        }
        assertTrue(none > 10, "about half of Fq2 is not a square");
        assertNull(Fq2.XI.sqrt(), "xi = 9 + u must be a non-square for the sextic twist");
        assertEquals(Fq2.ONE.neg(), Fq2.of(Fq.ZERO, Fq.ONE).square());
        assertEquals(Fq2.ZERO, Fq2.ZERO.sqrt());
        Fq2 m = Fq2.of(Fq.ONE.neg(), Fq.ZERO).sqrt(); // -1 = u^2 in Fq2
        assertEquals(Fq2.ONE.neg(), m.square());
    }
}
