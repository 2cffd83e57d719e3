package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Field laws, written once and run for every field (Fr, Fq, Fq2, Fq6, Fq12): subclass it with the field's
 * operations. Each law is checked on random elements and on the edge values zero and one.
 */
public abstract class FieldLawsContract<T> {
    protected static final int ROUNDS = 200;

    protected abstract T random(SplittableRandom rng);

    protected abstract T zero();

    protected abstract T one();

    protected abstract T add(T a, T b);

    protected abstract T sub(T a, T b);

    protected abstract T mul(T a, T b);

    protected abstract T square(T a);

    protected abstract T neg(T a);

    protected abstract T inverse(T a);

    protected int rounds() {
        return ROUNDS;
    }

    @Test
    void additionIsACommutativeGroup() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < rounds(); i++) {
            T a = random(rng), b = random(rng), c = random(rng);
            assertEquals(add(a, b), add(b, a));
            assertEquals(add(add(a, b), c), add(a, add(b, c)));
            assertEquals(a, add(a, zero()));
            assertEquals(zero(), add(a, neg(a)));
            assertEquals(sub(a, b), add(a, neg(b)));
            assertEquals(a, sub(add(a, b), b));
        }
        assertEquals(zero(), neg(zero()));
    }

    @Test
    void multiplicationIsACommutativeMonoidThatDistributes() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < rounds(); i++) {
            T a = random(rng), b = random(rng), c = random(rng);
            assertEquals(mul(a, b), mul(b, a));
            assertEquals(mul(mul(a, b), c), mul(a, mul(b, c)));
            assertEquals(a, mul(a, one()));
            assertEquals(zero(), mul(a, zero()));
            assertEquals(add(mul(a, b), mul(a, c)), mul(a, add(b, c)));
            assertEquals(mul(a, a), square(a));
        }
    }

    @Test
    void everyNonZeroElementHasAnInverse() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < rounds(); i++) {
            T a = random(rng);
            if (a.equals(zero())) {
                continue;
            }
            assertEquals(one(), mul(a, inverse(a)));
            assertEquals(a, inverse(inverse(a)));
        }
        assertEquals(one(), inverse(one()));
    }

    @Test
    void equalityIsByValue() {
        SplittableRandom rng = new SplittableRandom(4);
        T a = random(rng);
        T b = add(sub(a, one()), one());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, add(a, one()));
        assertTrue(!zero().equals(one()));
    }
}
