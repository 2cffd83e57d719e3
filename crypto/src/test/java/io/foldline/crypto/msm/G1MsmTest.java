package io.foldline.crypto.msm;

import static io.foldline.crypto.msm.MsmGroup.randomScalars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.msm.MsmGroup.Bases;
import io.foldline.crypto.msm.MsmGroup.Case;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class G1MsmTest {
    private static final MsmGroup<G1Affine, G1Jacobian> GROUP = new MsmGroup<>(G1Affine.GENERATOR,
            G1Jacobian.INFINITY, G1Affine::toJacobian, G1Jacobian::toAffine, G1Jacobian::add, G1Jacobian::mul,
            G1Affine::neg, G1Jacobian[]::new, G1Jacobian::batchToAffine);
    private static final Bases<G1Affine> POOL = GROUP.chain(1100, new SplittableRandom(42));

    private static G1Affine naive(G1Affine[] bases, Fr[] scalars) {
        return GROUP.naive(bases, scalars);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17, 100, 1000})
    void matchesTheNaiveSumOfScalarMultiplications(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        G1Affine[] bases = POOL.first(n).points();
        Fr[] scalars = randomScalars(n, rng);
        assertEquals(naive(bases, scalars), G1Msm.msm(bases, scalars).toAffine());
    }

    @Test
    void edgeScalars() {
        BigInteger r = Fr.MODULUS;
        BigInteger[] ks = {BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), r.subtract(BigInteger.TWO),
                BigInteger.TWO, BigInteger.ONE.shiftLeft(15), BigInteger.ONE.shiftLeft(16), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(127), BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(16).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(15).subtract(BigInteger.ONE)};
        Bases<G1Affine> bases = POOL.first(ks.length);
        Fr[] scalars = new Fr[ks.length];
        for (int i = 0; i < ks.length; i++) {
            scalars[i] = Fr.of(ks[i]);
        }
        G1Affine expected = naive(bases.points(), scalars);
        G1Affine[] single = new G1Affine[ks.length];
        for (int i = 0; i < ks.length; i++) {
            single[i] = naive(new G1Affine[] {bases.points()[i]}, new Fr[] {scalars[i]});
        }
        for (int c : new int[] {0, 1, 2, 7, 16}) {
            MsmConfig cfg = MsmConfig.builder().windowBits(c).build();
            assertEquals(expected, G1Msm.msm(bases.points(), scalars, cfg).toAffine(), "c=" + c);
            for (int i = 0; i < ks.length && c < 16; i++) {
                assertEquals(single[i], G1Msm.msm(new G1Affine[] {bases.points()[i]}, new Fr[] {scalars[i]}, cfg)
                        .toAffine(), "scalar " + ks[i] + ", c=" + c);
            }
        }
    }

    @Test
    void allZeroScalarsAndAllInfinityBasesGiveInfinity() {
        Bases<G1Affine> bases = POOL.first(20);
        Fr[] zeros = new Fr[20];
        java.util.Arrays.fill(zeros, Fr.ZERO);
        assertTrue(G1Msm.msm(bases.points(), zeros).isInfinity());
        G1Affine[] inf = new G1Affine[20];
        java.util.Arrays.fill(inf, G1Affine.INFINITY);
        assertTrue(G1Msm.msm(inf, randomScalars(20, new SplittableRandom(5))).isInfinity());
    }

    /**
     * Few distinct bases, each also negated, some at infinity, and few distinct scalars: the same point lands
     * in the same bucket again and again (the doubling fallback) and cancels against its negation (the
     * vanishing case), in plain and in batched buckets, on one and several threads.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 10, 11})
    void repeatedBasesNegationsAndInfinity(int c) {
        Case<G1Affine> t = GROUP.repeatedBasesNegationsAndInfinity(POOL, G1Affine.INFINITY, 1100, new SplittableRandom(6));
        for (int threads : new int[] {1, 3}) {
            MsmConfig cfg = MsmConfig.builder().windowBits(c).threads(threads).build();
            assertEquals(t.expected(), G1Msm.msm(t.points(), t.scalars(), cfg).toAffine(), "c=" + c + ", threads=" + threads);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 6, 9, 11, 13})
    void everyWindowSizeAgrees(int c) {
        SplittableRandom rng = new SplittableRandom(7);
        Bases<G1Affine> bases = POOL.first(1100);
        Fr[] scalars = randomScalars(1100, rng);
        G1Affine expected = GROUP.expected(bases, scalars);
        try (ForkJoinPool pool = new ForkJoinPool(3)) {
            MsmConfig cfg = MsmConfig.builder().windowBits(c).threads(4).pool(pool).build();
            assertEquals(expected, G1Msm.msm(bases.points(), scalars, cfg).toAffine(), "c=" + c);
        }
    }

    @Test
    void readsSlicesAtOffsets() {
        SplittableRandom rng = new SplittableRandom(8);
        Bases<G1Affine> bases = POOL.first(30);
        Fr[] scalars = randomScalars(30, rng);
        long[] b = new long[8 * 33];
        long[] s = new long[4 * 35];
        for (int i = 0; i < 30; i++) {
            bases.points()[i].copyTo(b, 8 * (i + 3));
            scalars[i].copyMontTo(s, 4 * (i + 5));
        }
        long[] out = new long[12];
        G1Msm.msmInto(b, 24, s, 20, 30, MsmConfig.defaults(), out, 4);
        assertEquals(GROUP.expected(bases, scalars), G1Affine.fromLimbs(out, 4));
    }

    @Test
    void rejectsShortInputs() {
        MsmConfig cfg = MsmConfig.defaults();
        assertThrows(CryptoException.class, () -> G1Msm.msm(new long[8 * 2], new long[4 * 3], 3, cfg));
        assertThrows(CryptoException.class, () -> G1Msm.msm(new long[8 * 3], new long[4 * 2], 3, cfg));
        assertThrows(CryptoException.class, () -> G1Msm.msm(new long[8], new long[4], -1, cfg));
        assertThrows(CryptoException.class, () -> G1Msm.msm(new G1Affine[2], new Fr[3]));
    }
}
