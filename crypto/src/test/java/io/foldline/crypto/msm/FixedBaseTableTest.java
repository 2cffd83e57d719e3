package io.foldline.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedBaseTableTest {
    private static Fr[] scalars(int random, SplittableRandom rng) {
        BigInteger r = Fr.MODULUS;
        BigInteger[] edge = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, r.subtract(BigInteger.ONE),
                r.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(11), BigInteger.ONE.shiftLeft(12).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(253)};
        Fr[] s = new Fr[edge.length + random];
        for (int i = 0; i < edge.length; i++) {
            s[i] = Fr.of(edge[i]);
        }
        for (int i = edge.length; i < s.length; i++) {
            s[i] = Fr.random(rng);
        }
        return s;
    }

    /** expectedScalars steers the window: 1 gives 2 bits, 300 a middling one, 2^19 the largest. */
    @ParameterizedTest
    @ValueSource(ints = {1, 300, 1 << 19})
    void g1MultiplesMatchScalarMultiplication(int expectedScalars) {
        SplittableRandom rng = new SplittableRandom(expectedScalars);
        G1Affine base = G1Affine.GENERATOR.mul(Fr.random(rng));
        FixedBaseTable table = FixedBaseTable.g1(base, expectedScalars, MsmConfig.defaults());
        Fr[] k = scalars(60, rng);
        long[] out = table.mulAll(k, MsmConfig.builder().threads(3).build());
        for (int i = 0; i < k.length; i++) {
            assertEquals(base.mul(k[i]), G1Affine.fromLimbs(out, 8 * i), "scalar " + k[i] + ", w=" + table.windowBits());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1 << 18})
    void g2MultiplesMatchScalarMultiplication(int expectedScalars) {
        SplittableRandom rng = new SplittableRandom(expectedScalars);
        G2Affine base = G2Affine.GENERATOR.mul(Fr.random(rng));
        FixedBaseTable table = FixedBaseTable.g2(base, expectedScalars, MsmConfig.defaults());
        Fr[] k = scalars(20, rng);
        long[] out = table.mulAll(k, MsmConfig.defaults());
        for (int i = 0; i < k.length; i++) {
            G2Affine got = G2Affine.ofUnchecked(Fq2.fromMont(out, 16 * i), Fq2.fromMont(out, 16 * i + 8));
            assertEquals(base.mul(k[i]), got, "scalar " + k[i] + ", w=" + table.windowBits());
        }
    }

    /** Blocks of scalars span more than one batch; outputs land at an offset, neighbours untouched. */
    @Test
    void manyScalarsAtOffsets() {
        SplittableRandom rng = new SplittableRandom(9);
        G1Affine base = G1Affine.GENERATOR;
        FixedBaseTable table = FixedBaseTable.g1(base, 1300, MsmConfig.defaults());
        int n = 1300;
        long[] s = new long[4 * (n + 2)];
        Fr[] k = new Fr[n];
        for (int i = 0; i < n; i++) {
            k[i] = i % 7 == 0 ? Fr.of(i) : Fr.random(rng);
            k[i].copyMontTo(s, 4 * (i + 2));
        }
        long[] out = new long[8 * (n + 2)];
        java.util.Arrays.fill(out, -1L);
        table.mulAll(s, 8, n, out, 8, MsmConfig.defaults());
        for (int i = 0; i < 8; i++) {
            assertEquals(-1L, out[i]);
        }
        for (int i = 0; i < n; i += 37) {
            assertEquals(base.mul(k[i]), G1Affine.fromLimbs(out, 8 * (i + 1)), "index " + i);
        }
    }

    @Test
    void infinityBaseGivesInfinity() {
        FixedBaseTable table = FixedBaseTable.g1(G1Affine.INFINITY, 10, MsmConfig.defaults());
        long[] out = table.mulAll(new Fr[] {Fr.ONE, Fr.of(5)}, MsmConfig.defaults());
        for (long v : out) {
            assertEquals(0L, v);
        }
    }

    @Test
    void rejectsShortArrays() {
        FixedBaseTable table = FixedBaseTable.g1(G1Affine.GENERATOR, 10, MsmConfig.defaults());
        assertThrows(CryptoException.class, () -> table.mulAll(new long[4], 0, 2, new long[16], 0, MsmConfig.defaults()));
        assertThrows(CryptoException.class, () -> table.mulAll(new long[8], 0, 2, new long[15], 0, MsmConfig.defaults()));
        assertTrue(table.windowBits() >= 2);
    }
}
