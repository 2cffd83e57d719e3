package io.foldline.crypto.bn254.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorFqTest {
    private static final BigInteger P = MontField.FQ.modulus;
    private static final BigInteger R_INV = BigInteger.ONE.shiftLeft(256).modInverse(P);
    private static final int LANES = VectorFq.LANES;

    private final Random rnd = new Random(20240611);
    private final VectorFq vf = new VectorFq();

    @Test
    void loadStoreRoundTripsMontFieldLayout() {
        long[] x = randomElements(LANES);
        long[] block = new long[VectorFq.BLOCK];
        long[] back = new long[4 * LANES];
        VectorFq.load(x, 0, block, 0);
        vf.store(block, 0, back, 0);
        assertArrayEquals(x, back);
    }

    @Test
    void mulMatchesMontFieldOnRandomInputs() {
        int n = 64 * LANES;
        long[] x = randomElements(n), y = randomElements(n);
        long[] bx = new long[VectorFq.BLOCK], by = new long[VectorFq.BLOCK];
        long[] got = new long[4 * n], want = new long[4 * n];
        for (int b = 0; b < n / LANES; b++) {
            VectorFq.load(x, 32 * b, bx, 0);
            VectorFq.load(y, 32 * b, by, 0);
            vf.mul(bx, 0, by, 0, bx, 0); // output aliases an input
            vf.store(bx, 0, got, 32 * b);
        }
        for (int i = 0; i < n; i++) {
            MontField.FQ.mul(x, 4 * i, y, 4 * i, want, 4 * i);
        }
        assertArrayEquals(want, got);
    }

    @Test
    void mulAcceptsUnreducedInputsBelowTwoP() {
        // lanes hold edge values and values in [p, 2p), written into the block limb by limb
        BigInteger[] a = new BigInteger[LANES], b = new BigInteger[LANES];
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P,
            P.shiftLeft(1).subtract(BigInteger.ONE)};
        for (int l = 0; l < LANES; l++) {
            a[l] = l < edges.length ? edges[l] : P.add(new BigInteger(253, rnd)).min(P.shiftLeft(1).subtract(BigInteger.ONE));
            b[l] = P.shiftLeft(1).subtract(BigInteger.ONE).subtract(BigInteger.valueOf(l));
        }
        long[] ba = block(a), bb = block(b), r = new long[VectorFq.BLOCK];
        vf.mul(ba, 0, bb, 0, r, 0);
        for (int l = 0; l < LANES; l++) {
            BigInteger v = VectorFq.lane(r, 0, l);
            assertTrue(v.compareTo(P.shiftLeft(1)) < 0, "lane " + l + " not below 2p");
            assertEquals(a[l].multiply(b[l]).multiply(R_INV).mod(P), v.mod(P), "lane " + l);
        }
    }

    @Test
    void chainedProductsStayCorrectWithoutStoring() {
        long[] x = randomElements(LANES);
        long[] acc = new long[VectorFq.BLOCK], bx = new long[VectorFq.BLOCK];
        VectorFq.load(x, 0, bx, 0);
        VectorFq.load(x, 0, acc, 0);
        for (int k = 0; k < 20; k++) {
            vf.mul(acc, 0, bx, 0, acc, 0);
            vf.mul(acc, 0, acc, 0, acc, 0);
        }
        long[] want = x.clone(), got = new long[4 * LANES];
        for (int l = 0; l < LANES; l++) {
            for (int k = 0; k < 20; k++) {
                MontField.FQ.mul(want, 4 * l, x, 4 * l, want, 4 * l);
                MontField.FQ.mul(want, 4 * l, want, 4 * l, want, 4 * l);
            }
        }
        vf.store(acc, 0, got, 0);
        assertArrayEquals(want, got);
    }

    @Test
    void addAndSubMatchBigIntegerOnValuesBelowTwoP() {
        BigInteger twoP = P.shiftLeft(1);
        for (int round = 0; round < 32; round++) {
            BigInteger[] a = new BigInteger[LANES], b = new BigInteger[LANES];
            for (int l = 0; l < LANES; l++) {
                a[l] = edgeOrRandom(round + l, twoP);
                b[l] = edgeOrRandom(round + 3 * l + 1, twoP);
            }
            long[] ba = block(a), bb = block(b), sum = new long[VectorFq.BLOCK], diff = new long[VectorFq.BLOCK];
            VectorFq.add(ba, 0, bb, 0, sum, 0);
            VectorFq.sub(ba, 0, bb, 0, diff, 0);
            for (int l = 0; l < LANES; l++) {
                BigInteger s = VectorFq.lane(sum, 0, l), d = VectorFq.lane(diff, 0, l);
                assertTrue(s.signum() >= 0 && s.compareTo(twoP) < 0, "sum lane " + l + " out of [0, 2p)");
                assertTrue(d.signum() >= 0 && d.compareTo(twoP) < 0, "difference lane " + l + " out of [0, 2p)");
                assertEquals(a[l].add(b[l]).mod(P), s.mod(P), "sum lane " + l);
                assertEquals(a[l].subtract(b[l]).mod(P), d.mod(P), "difference lane " + l);
                assertArrayEquals(block(new BigInteger[] {s, s, s, s, s, s, s, s}), blockOfLane(sum, l), "limbs");
            }
        }
    }

    private BigInteger edgeOrRandom(int i, BigInteger twoP) {
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P,
            twoP.subtract(BigInteger.ONE)};
        return i % 3 == 0 ? edges[(i / 3) % edges.length] : new BigInteger(256, rnd).mod(twoP);
    }

    /** Lane l of a block copied into all lanes: its limbs must already be normalized (below 2^29). */
    private static long[] blockOfLane(long[] blk, int l) {
        long[] out = new long[VectorFq.BLOCK];
        for (int j = 0; j < VectorFq.LIMBS; j++) {
            Arrays.fill(out, LANES * j, LANES * j + LANES, blk[LANES * j + l]);
        }
        return out;
    }

    private long[] randomElements(int n) {
        long[] out = new long[4 * n];
        for (int i = 0; i < n; i++) {
            MontField.FQ.fromBigInteger(new BigInteger(256, rnd).mod(P), out, 4 * i);
        }
        return out;
    }

    private static long[] block(BigInteger[] lanes) {
        long[] blk = new long[VectorFq.BLOCK];
        for (int l = 0; l < LANES; l++) {
            for (int j = 0; j < VectorFq.LIMBS; j++) {
                blk[LANES * j + l] = lanes[l].shiftRight(29 * j).longValue() & ((1L << 29) - 1);
            }
        }
        return blk;
    }
}
