package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.foldline.crypto.bn254.internal.Fq12Ops;
import io.foldline.crypto.bn254.internal.Fq6Ops;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Fq6 and Fq12: field laws, the tower relations, a differential test against schoolbook arithmetic in
 * Fq2[w]/(w^6 - xi), Frobenius maps against plain powering, and the sparse and cyclotomic kernels.
 */
class TowerFieldTest {
    static final BigInteger Q = Fq.MODULUS;

    static Fq6 random6(SplittableRandom rng) {
        return Fq6.of(Fq2Test.random(rng), Fq2Test.random(rng), Fq2Test.random(rng));
    }

    static Fq12 random12(SplittableRandom rng) {
        return Fq12.of(random6(rng), random6(rng));
    }

    @Nested
    class Fq6Laws extends FieldLawsContract<Fq6> {
        protected Fq6 random(SplittableRandom rng) { return random6(rng); }
        protected Fq6 zero() { return Fq6.ZERO; }
        protected Fq6 one() { return Fq6.ONE; }
        protected Fq6 add(Fq6 a, Fq6 b) { return a.add(b); }
        protected Fq6 sub(Fq6 a, Fq6 b) { return a.sub(b); }
        protected Fq6 mul(Fq6 a, Fq6 b) { return a.mul(b); }
        protected Fq6 square(Fq6 a) { return a.square(); }
        protected Fq6 neg(Fq6 a) { return a.neg(); }
        protected Fq6 inverse(Fq6 a) { return a.inverse(); }
        protected int rounds() { return 100; }
    }

    @Nested
    class Fq12Laws extends FieldLawsContract<Fq12> {
        protected Fq12 random(SplittableRandom rng) { return random12(rng); }
        protected Fq12 zero() { return Fq12.ZERO; }
        protected Fq12 one() { return Fq12.ONE; }
        protected Fq12 add(Fq12 a, Fq12 b) { return a.add(b); }
        protected Fq12 sub(Fq12 a, Fq12 b) { return a.sub(b); }
        protected Fq12 mul(Fq12 a, Fq12 b) { return a.mul(b); }
        protected Fq12 square(Fq12 a) { return a.square(); }
        protected Fq12 neg(Fq12 a) { return a.neg(); }
        protected Fq12 inverse(Fq12 a) { return a.inverse(); }
        protected int rounds() { return 40; }
    }

    private static final Fq6 V = Fq6.of(Fq2.ZERO, Fq2.ONE, Fq2.ZERO);
    private static final Fq12 W = Fq12.of(Fq6.ZERO, Fq6.ONE);

    @Test
    void towerRelations() {
        assertEquals(Fq6.of(Fq2.XI, Fq2.ZERO, Fq2.ZERO), V.mul(V).mul(V));
        assertEquals(Fq12.of(V, Fq6.ZERO), W.square());
        assertEquals(Fq12.of(Fq6.of(Fq2.XI, Fq2.ZERO, Fq2.ZERO), Fq6.ZERO), W.pow(BigInteger.valueOf(6)));
        SplittableRandom rng = new SplittableRandom(5);
        Fq6 a = random6(rng);
        assertEquals(a.mul(V), a.mulByV());
    }

    /** Coefficients g0..g5 of an Fq12 element written as a polynomial in w (w^2 = v, w^6 = xi). */
    private static Fq2[] coefficients(Fq12 a) {
        Fq6 c0 = a.c0(), c1 = a.c1();
        return new Fq2[] {c0.c0(), c1.c0(), c0.c1(), c1.c1(), c0.c2(), c1.c2()};
    }

    private static Fq12 fromCoefficients(Fq2[] g) {
        return Fq12.of(Fq6.of(g[0], g[2], g[4]), Fq6.of(g[1], g[3], g[5]));
    }

    @Test
    void fq12AgreesWithSchoolbookPolynomialArithmetic() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int n = 0; n < 50; n++) {
            Fq12 a = random12(rng), b = random12(rng);
            Fq2[] x = coefficients(a), y = coefficients(b);
            Fq2[] z = new Fq2[6];
            java.util.Arrays.fill(z, Fq2.ZERO);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    Fq2 p = x[i].mul(y[j]);
                    int k = i + j;
                    z[k % 6] = z[k % 6].add(k >= 6 ? p.mul(Fq2.XI) : p);
                }
            }
            assertEquals(fromCoefficients(z), a.mul(b));
        }
    }

    @Test
    void frobeniusIsPoweringByQ() {
        SplittableRandom rng = new SplittableRandom(7);
        Fq12 a = random12(rng);
        assertEquals(a.pow(Q), a.frobenius(1));
        assertEquals(a.pow(Q.pow(2)), a.frobenius(2));
        assertEquals(a.pow(Q.pow(3)), a.frobenius(3));
        assertEquals(a.frobenius(1).frobenius(1).frobenius(1).frobenius(1), a.frobenius(4));
        assertEquals(a, a.frobenius(12));
        assertEquals(a.conjugate(), a.frobenius(6));
        Fq6 b = random6(rng);
        assertEquals(pow6(b, Q), b.frobenius(1));
        Fq2 c = Fq2Test.random(rng);
        assertEquals(c.pow(Q), c.conjugate());
    }

    private static Fq6 pow6(Fq6 a, BigInteger e) {
        Fq6 acc = Fq6.ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (e.testBit(i)) {
                acc = acc.mul(a);
            }
        }
        return acc;
    }

    @Test
    void sparseLineMultiplicationMatchesFullMultiplication() {
        SplittableRandom rng = new SplittableRandom(8);
        Fq12Ops ops = new Fq12Ops();
        for (int n = 0; n < 50; n++) {
            Fq12 f = random12(rng);
            Fq2 l0 = Fq2Test.random(rng), l3 = Fq2Test.random(rng), l4 = Fq2Test.random(rng);
            Fq12 line = Fq12.of(Fq6.of(l0, Fq2.ZERO, Fq2.ZERO), Fq6.of(l3, l4, Fq2.ZERO));
            long[] buf = new long[48 + 24];
            f.copyMontTo(buf, 0);
            l0.copyMontTo(buf, 48);
            l3.copyMontTo(buf, 56);
            l4.copyMontTo(buf, 64);
            ops.mulBy034(buf, 0, buf, 48, buf, 0);
            assertEquals(f.mul(line), Fq12.fromMont(buf, 0));
            Fq6 a = random6(rng);
            long[] b6 = new long[24 + 16];
            a.copyMontTo(b6, 0);
            l0.copyMontTo(b6, 24);
            l3.copyMontTo(b6, 32);
            new Fq6Ops().mulBy01(b6, 0, b6, 24, b6, 0);
            assertEquals(a.mul(Fq6.of(l0, l3, Fq2.ZERO)), Fq6.fromMont(b6, 0));
        }
    }

    @Test
    void cyclotomicSquaringMatchesSquaringInTheCyclotomicSubgroup() {
        SplittableRandom rng = new SplittableRandom(9);
        Fq12Ops ops = new Fq12Ops();
        for (int n = 0; n < 20; n++) {
            Fq12 f = random12(rng);
            Fq12 g = f.conjugate().mul(f.inverse());  // f^(q^6 - 1)
            g = g.frobenius(2).mul(g);                // ^(q^2 + 1): now g^(q^6 + 1) = 1
            assertEquals(Fq12.ONE, g.mul(g.conjugate()));
            long[] buf = new long[48];
            g.copyMontTo(buf, 0);
            ops.cyclotomicSqr(buf, 0, buf, 0);
            assertEquals(g.square(), Fq12.fromMont(buf, 0));
            assertNotEquals(f.square(), cyclo(ops, f), "the shortcut is wrong outside the subgroup");
        }
    }

    private static Fq12 cyclo(Fq12Ops ops, Fq12 f) {
        long[] buf = new long[48];
        f.copyMontTo(buf, 0);
        ops.cyclotomicSqr(buf, 0, buf, 0);
        return Fq12.fromMont(buf, 0);
    }
}
