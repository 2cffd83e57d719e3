package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Group laws, written once and run for G1 and G2: subclass it with the group's affine (A) and Jacobian (J)
 * operations. Elements are drawn as random multiples of the generator, so they lie in the prime-order group.
 */
public abstract class GroupLawsContract<A, J> {
    protected static final BigInteger R = Fr.MODULUS;

    protected abstract A generator();

    protected abstract A infinity();

    protected abstract A add(A a, A b);

    protected abstract A neg(A a);

    protected abstract A mul(A a, BigInteger k);

    protected abstract boolean isInfinity(A a);

    protected abstract J toJacobian(A a);

    protected abstract A toAffine(J p);

    protected abstract J addJ(J a, J b);

    protected abstract J addMixed(J a, A b);

    protected abstract J dbl(J a);

    protected abstract J mulJ(J a, BigInteger k);

    protected abstract A[] batchToAffine(J[] ps);

    protected int rounds() {
        return 10;
    }

    protected A random(SplittableRandom rng) {
        return mul(generator(), PrimeFieldTest.randomBelow(R, rng));
    }

    @Test
    void additionIsAnAbelianGroup() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < rounds(); i++) {
            A a = random(rng), b = random(rng), c = random(rng);
            assertEquals(add(a, b), add(b, a));
            assertEquals(add(add(a, b), c), add(a, add(b, c)));
            assertEquals(a, add(a, infinity()));
            assertEquals(a, add(infinity(), a));
            assertTrue(isInfinity(add(a, neg(a))));
            assertEquals(mul(a, BigInteger.TWO), add(a, a), "adding a point to itself doubles it");
        }
        assertTrue(isInfinity(add(infinity(), infinity())));
        assertEquals(infinity(), neg(infinity()));
    }

    @Test
    void scalarMultiplicationIsCompatibleWithAddition() {
        SplittableRandom rng = new SplittableRandom(12);
        A g = generator();
        for (int i = 0; i < rounds(); i++) {
            BigInteger k = PrimeFieldTest.randomBelow(R, rng), m = PrimeFieldTest.randomBelow(R, rng);
            A a = random(rng), b = random(rng);
            assertEquals(add(mul(g, k), mul(g, m)), mul(g, k.add(m)));
            assertEquals(mul(mul(g, k), m), mul(g, k.multiply(m)));
            assertEquals(add(mul(a, k), mul(b, k)), mul(add(a, b), k));
            assertEquals(mul(a, k.negate()), neg(mul(a, k)));
        }
        assertTrue(isInfinity(mul(g, R)), "r * G = infinity");
        assertEquals(g, mul(g, R.add(BigInteger.ONE)));
        assertEquals(neg(g), mul(g, R.subtract(BigInteger.ONE)));
        assertTrue(isInfinity(mul(g, BigInteger.ZERO)));
        assertTrue(isInfinity(mul(infinity(), BigInteger.TEN)));
        assertNotEquals(g, mul(g, BigInteger.TWO));
    }

    @Test
    void jacobianAgreesWithAffine() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int i = 0; i < rounds(); i++) {
            A a = random(rng), b = random(rng);
            J ja = toJacobian(a), jb = toJacobian(b);
            J sum = addJ(dbl(ja), jb);                       // Z != 1 from here on
            assertEquals(add(add(a, a), b), toAffine(sum));
            assertEquals(toAffine(sum), toAffine(addMixed(dbl(ja), b)));
            assertEquals(sum, toJacobian(toAffine(sum)), "equality is projective, not by coordinates");
            assertEquals(sum.hashCode(), toJacobian(toAffine(sum)).hashCode());
            assertEquals(dbl(sum), addJ(sum, sum));
            assertEquals(dbl(sum), addMixed(sum, toAffine(sum)));
            assertTrue(isInfinity(toAffine(addJ(sum, toJacobian(neg(toAffine(sum)))))));
            assertTrue(isInfinity(toAffine(addMixed(sum, neg(toAffine(sum))))));
            BigInteger k = PrimeFieldTest.randomBelow(R, rng);
            assertEquals(mul(toAffine(sum), k), toAffine(mulJ(sum, k)));
            assertEquals(a, toAffine(addMixed(toJacobian(infinity()), a)));
            assertEquals(sum, addMixed(sum, infinity()));
            assertNotEquals(sum, ja);
            assertNotEquals(sum, toJacobian(infinity()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchToAffineMatchesOneByOne() {
        SplittableRandom rng = new SplittableRandom(14);
        int n = 7;
        J[] ps = (J[]) java.lang.reflect.Array.newInstance(toJacobian(generator()).getClass(), n);
        Object[] expect = new Object[n];
        for (int i = 0; i < n; i++) {
            J p = i == 3 ? toJacobian(infinity()) : dbl(addJ(toJacobian(random(rng)), toJacobian(random(rng))));
            ps[i] = p;
            expect[i] = toAffine(p);
        }
        assertArrayEquals(expect, batchToAffine(ps));
    }
}
