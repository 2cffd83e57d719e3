package io.foldline.crypto.msm;

import static io.foldline.crypto.msm.MsmGroup.randomScalars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.G2Jacobian;
import io.foldline.crypto.msm.MsmGroup.Bases;
import io.foldline.crypto.msm.MsmGroup.Case;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The G1 tests' cases on G2, trimmed for time: G2 arithmetic is about three times dearer. */
class G2MsmTest {
    private static final MsmGroup<G2Affine, G2Jacobian> GROUP = new MsmGroup<>(G2Affine.GENERATOR,
            G2Jacobian.INFINITY, G2Affine::toJacobian, G2Jacobian::toAffine, G2Jacobian::add, G2Jacobian::mul,
            G2Affine::neg, G2Jacobian[]::new, G2Jacobian::batchToAffine);
    private static final Bases<G2Affine> POOL = GROUP.chain(1000, new SplittableRandom(43));

    private static G2Affine naive(G2Affine[] bases, Fr[] scalars) {
        return GROUP.naive(bases, scalars);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17, 100})
    void matchesTheNaiveSumOfScalarMultiplications(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        G2Affine[] bases = POOL.first(n).points();
        Fr[] scalars = randomScalars(n, rng);
        assertEquals(naive(bases, scalars), G2Msm.msm(bases, scalars).toAffine());
    }

    @Test
    void thousandPointsMatchTheDiscreteLogSum() {
        Bases<G2Affine> bases = POOL.first(1000);
        Fr[] scalars = randomScalars(1000, new SplittableRandom(1000));
        assertEquals(GROUP.expected(bases, scalars), G2Msm.msm(bases.points(), scalars).toAffine());
    }

    @Test
    void edgeScalars() {
        BigInteger r = Fr.MODULUS;
        BigInteger[] ks = {BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), BigInteger.TWO,
                BigInteger.ONE.shiftLeft(15), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(16).subtract(BigInteger.ONE)};
        Bases<G2Affine> bases = POOL.first(ks.length);
        Fr[] scalars = new Fr[ks.length];
        for (int i = 0; i < ks.length; i++) {
            scalars[i] = Fr.of(ks[i]);
        }
        G2Affine expected = naive(bases.points(), scalars);
        for (int c : new int[] {0, 1, 5}) {
            MsmConfig cfg = MsmConfig.builder().windowBits(c).build();
            assertEquals(expected, G2Msm.msm(bases.points(), scalars, cfg).toAffine(), "c=" + c);
        }
        for (int i = 0; i < ks.length; i++) {
            G2Affine[] one = {bases.points()[i]};
            Fr[] k = {scalars[i]};
            assertEquals(naive(one, k), G2Msm.msm(one, k).toAffine(), "scalar " + ks[i]);
        }
    }

    @Test
    void allZeroScalarsAndAllInfinityBasesGiveInfinity() {
        Fr[] zeros = new Fr[20];
        Arrays.fill(zeros, Fr.ZERO);
        assertTrue(G2Msm.msm(POOL.first(20).points(), zeros).isInfinity());
        G2Affine[] inf = new G2Affine[20];
        Arrays.fill(inf, G2Affine.INFINITY);
        assertTrue(G2Msm.msm(inf, randomScalars(20, new SplittableRandom(5))).isInfinity());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10})
    void repeatedBasesNegationsAndInfinity(int c) {
        Case<G2Affine> t = GROUP.repeatedBasesNegationsAndInfinity(POOL, G2Affine.INFINITY, 1000, new SplittableRandom(6));
        MsmConfig cfg = MsmConfig.builder().windowBits(c).threads(3).build();
        assertEquals(t.expected(), G2Msm.msm(t.points(), t.scalars(), cfg).toAffine());
    }

    @Test
    void readsSlicesAtOffsets() {
        Bases<G2Affine> bases = POOL.first(30);
        Fr[] scalars = randomScalars(30, new SplittableRandom(8));
        long[] b = new long[16 * 33];
        long[] s = new long[4 * 35];
        for (int i = 0; i < 30; i++) {
            bases.points()[i].copyTo(b, 16 * (i + 3));
            scalars[i].copyMontTo(s, 4 * (i + 5));
        }
        long[] out = new long[20];
        G2Msm.msmInto(b, 48, s, 20, 30, MsmConfig.defaults(), out, 4);
        assertEquals(GROUP.expected(bases, scalars), G2Affine.fromLimbs(out, 4));
    }

    @Test
    void rejectsShortInputs() {
        assertThrows(CryptoException.class, () -> G2Msm.msm(new long[16 * 2], new long[4 * 3], 3, MsmConfig.defaults()));
        assertThrows(CryptoException.class, () -> G2Msm.msm(new G2Affine[2], new Fr[1]));
    }
}
