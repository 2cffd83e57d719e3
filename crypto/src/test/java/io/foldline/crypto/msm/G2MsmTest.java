package io.foldline.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.G2Jacobian;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The G1 tests' cases on G2, trimmed for time: G2 arithmetic is about three times dearer. */
class G2MsmTest {
    private static final G2Affine G = G2Affine.GENERATOR;
    private static final Bases POOL = Bases.chain(1000, new SplittableRandom(43));

    private record Bases(G2Affine[] points, Fr[] logs) {
        static Bases chain(int n, SplittableRandom rng) {
            Fr[] steps = new Fr[8];
            G2Jacobian[] stepPoints = new G2Jacobian[8];
            for (int j = 0; j < 8; j++) {
                steps[j] = Fr.random(rng);
                stepPoints[j] = G.toJacobian().mul(steps[j]);
            }
            Fr log = Fr.random(rng);
            G2Jacobian p = G.toJacobian().mul(log);
            Fr[] logs = new Fr[n];
            G2Jacobian[] jac = new G2Jacobian[n];
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(8);
                log = log.add(steps[j]);
                p = p.add(stepPoints[j]);
                logs[i] = log;
                jac[i] = p;
            }
            return new Bases(G2Jacobian.batchToAffine(jac), logs);
        }

        Bases first(int n) {
            return new Bases(Arrays.copyOf(points, n), Arrays.copyOf(logs, n));
        }

        G2Affine expected(Fr[] scalars) {
            Fr e = Fr.ZERO;
            for (int i = 0; i < scalars.length; i++) {
                e = e.add(scalars[i].mul(logs[i]));
            }
            return G.mul(e);
        }
    }

    private static G2Affine naive(G2Affine[] bases, Fr[] scalars) {
        G2Jacobian acc = G2Jacobian.INFINITY;
        for (int i = 0; i < bases.length; i++) {
            acc = acc.add(bases[i].toJacobian().mul(scalars[i]));
        }
        return acc.toAffine();
    }

    private static Fr[] randomScalars(int n, SplittableRandom rng) {
        Fr[] s = new Fr[n];
        for (int i = 0; i < n; i++) {
            s[i] = Fr.random(rng);
        }
        return s;
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
        Bases bases = POOL.first(1000);
        Fr[] scalars = randomScalars(1000, new SplittableRandom(1000));
        assertEquals(bases.expected(scalars), G2Msm.msm(bases.points(), scalars).toAffine());
    }

    @Test
    void edgeScalars() {
        BigInteger r = Fr.MODULUS;
        BigInteger[] ks = {BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), BigInteger.TWO,
                BigInteger.ONE.shiftLeft(15), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(16).subtract(BigInteger.ONE)};
        Bases bases = POOL.first(ks.length);
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
        SplittableRandom rng = new SplittableRandom(6);
        Bases distinct = POOL.first(4);
        Fr[] few = randomScalars(3, rng);
        int n = 1000;
        G2Affine[] points = new G2Affine[n];
        Fr[] logs = new Fr[n];
        Fr[] scalars = new Fr[n];
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(4);
            boolean neg = rng.nextBoolean();
            boolean inf = rng.nextInt(10) == 0;
            points[i] = inf ? G2Affine.INFINITY : neg ? distinct.points()[j].neg() : distinct.points()[j];
            logs[i] = inf ? Fr.ZERO : neg ? distinct.logs()[j].neg() : distinct.logs()[j];
            scalars[i] = rng.nextInt(5) == 0 ? Fr.random(rng) : few[rng.nextInt(3)];
        }
        MsmConfig cfg = MsmConfig.builder().windowBits(c).threads(3).build();
        assertEquals(new Bases(points, logs).expected(scalars), G2Msm.msm(points, scalars, cfg).toAffine());
    }

    @Test
    void readsSlicesAtOffsets() {
        Bases bases = POOL.first(30);
        Fr[] scalars = randomScalars(30, new SplittableRandom(8));
        long[] b = new long[16 * 33];
        long[] s = new long[4 * 35];
        for (int i = 0; i < 30; i++) {
            bases.points()[i].copyTo(b, 16 * (i + 3));
            scalars[i].copyMontTo(s, 4 * (i + 5));
        }
        long[] out = new long[20];
        G2Msm.msmInto(b, 48, s, 20, 30, MsmConfig.defaults(), out, 4);
        assertEquals(bases.expected(scalars), G2Affine.fromLimbs(out, 4));
    }

    @Test
    void rejectsShortInputs() {
        assertThrows(CryptoException.class, () -> G2Msm.msm(new long[16 * 2], new long[4 * 3], 3, MsmConfig.defaults()));
        assertThrows(CryptoException.class, () -> G2Msm.msm(new G2Affine[2], new Fr[1]));
    }
}
