package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The fixtures G1MsmTest and G2MsmTest share, over a group given by method references: affine points A,
 * Jacobian points J. Expected values come from the group's own scalar multiplication, never from the MSM.
 */
record MsmGroup<A, J>(A generator, J jacobianInfinity, Function<A, J> toJacobian, Function<J, A> toAffine,
                      BinaryOperator<J> add, BiFunction<J, Fr, J> mul, UnaryOperator<A> neg,
                      IntFunction<J[]> newJacobians, Function<J[], A[]> batchToAffine) {

    /** Bases a_i * G with known discrete logs a_i, so sum k_i (a_i G) = (sum k_i a_i) G is one multiplication. */
    record Bases<A>(A[] points, Fr[] logs) {
        Bases<A> first(int n) {
            return new Bases<>(Arrays.copyOf(points, n), Arrays.copyOf(logs, n));
        }

        Fr log(Fr[] scalars) {
            Fr e = Fr.ZERO;
            for (int i = 0; i < scalars.length; i++) {
                e = e.add(scalars[i].mul(logs[i]));
            }
            return e;
        }
    }

    /** Points, scalars and the sum they should give. */
    record Case<A>(A[] points, Fr[] scalars, A expected) {
    }

    /** P_i = P_(i-1) + D_j for eight random steps D_j = d_j G: cheap, and the logs follow along. */
    Bases<A> chain(int n, SplittableRandom rng) {
        J g = toJacobian.apply(generator);
        Fr[] steps = new Fr[8];
        J[] stepPoints = newJacobians.apply(8);
        for (int j = 0; j < 8; j++) {
            steps[j] = Fr.random(rng);
            stepPoints[j] = mul.apply(g, steps[j]);
        }
        Fr log = Fr.random(rng);
        J p = mul.apply(g, log);
        Fr[] logs = new Fr[n];
        J[] jac = newJacobians.apply(n);
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(8);
            log = log.add(steps[j]);
            p = add.apply(p, stepPoints[j]);
            logs[i] = log;
            jac[i] = p;
        }
        return new Bases<>(batchToAffine.apply(jac), logs);
    }

    A expected(Bases<A> bases, Fr[] scalars) {
        return toAffine.apply(mul.apply(toJacobian.apply(generator), bases.log(scalars)));
    }

    A naive(A[] bases, Fr[] scalars) {
        J acc = jacobianInfinity;
        for (int i = 0; i < bases.length; i++) {
            acc = add.apply(acc, mul.apply(toJacobian.apply(bases[i]), scalars[i]));
        }
        return toAffine.apply(acc);
    }

    static Fr[] randomScalars(int n, SplittableRandom rng) {
        Fr[] s = new Fr[n];
        for (int i = 0; i < n; i++) {
            s[i] = Fr.random(rng);
        }
        return s;
    }

    /**
     * n points drawn from four distinct bases, each also negated, one in ten at infinity, with mostly three
     * distinct scalars: the same point lands in the same bucket again and again (the doubling fallback) and
     * cancels against its negation (the vanishing case).
     */
    Case<A> repeatedBasesNegationsAndInfinity(Bases<A> pool, A infinity, int n, SplittableRandom rng) {
        Bases<A> distinct = pool.first(4);
        Fr[] few = randomScalars(3, rng);
        A[] points = Arrays.copyOf(distinct.points(), n);
        Fr[] logs = new Fr[n];
        Fr[] scalars = new Fr[n];
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(4);
            boolean negate = rng.nextBoolean();
            boolean inf = rng.nextInt(10) == 0;
            points[i] = inf ? infinity : negate ? neg.apply(distinct.points()[j]) : distinct.points()[j];
            logs[i] = inf ? Fr.ZERO : negate ? distinct.logs()[j].neg() : distinct.logs()[j];
            scalars[i] = rng.nextInt(5) == 0 ? Fr.random(rng) : few[rng.nextInt(3)];
        }
        return new Case<>(points, scalars, expected(new Bases<>(points, logs), scalars));
    }
}
