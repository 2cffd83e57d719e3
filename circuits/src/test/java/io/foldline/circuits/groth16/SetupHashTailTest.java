package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replay of wasmcurves' field and point code must agree with plain field arithmetic on reduced inputs;
 * on the unreduced words snarkjs actually feeds it, SetupInteropIT compares whole keys with snarkjs.
 */
class SetupHashTailTest {
    private static final BigInteger Q = MontField.FQ.modulus;

    @Test
    void hashedPointCountsFollowSnarkjsChunks() {
        assertEquals(7, CircuitHash.hashedHPoints(8));
        assertEquals((1 << 14) - 1, CircuitHash.hashedHPoints(1 << 14));
        assertEquals(1 << 15, CircuitHash.hashedHPoints(1 << 15));
        assertEquals(1 << 18, CircuitHash.hashedHPoints(1 << 18));
    }

    @Test
    void wasmFieldOpsMatchMontgomeryArithmeticOnReducedInputs() {
        Random rnd = new Random(5);
        long[] r = new long[4];
        for (int i = 0; i < 200; i++) {
            BigInteger x = new BigInteger(254, rnd).mod(Q);
            BigInteger y = new BigInteger(254, rnd).mod(Q);
            long[] xl = MontField.limbs(x);
            long[] yl = MontField.limbs(y);
            MontField.FQ.mul(xl, 0, yl, 0, r, 0);
            assertEquals(MontField.limbsToBigInteger(r, 0), SetupHashTail.mul(x, y));
            MontField.FQ.add(xl, 0, yl, 0, r, 0);
            assertEquals(MontField.limbsToBigInteger(r, 0), SetupHashTail.add(x, y));
            MontField.FQ.sub(xl, 0, yl, 0, r, 0);
            assertEquals(MontField.limbsToBigInteger(r, 0), SetupHashTail.sub(x, y));
        }
    }

    @Test
    void wasmOpsWrapLikeWasmOnUnreducedWords() {
        BigInteger w = BigInteger.ONE.shiftLeft(256);
        BigInteger big = w.subtract(BigInteger.ONE);
        // carry out of 256 bits: subtract q once, modulo 2^256 (not a reduction of the true sum)
        assertEquals(big.add(big).subtract(w).subtract(Q).mod(w), SetupHashTail.add(big, big));
        // borrow: add q once, modulo 2^256
        assertEquals(BigInteger.ZERO.subtract(big).add(Q).mod(w), SetupHashTail.sub(BigInteger.ZERO, big));
        // multiplication keeps the residue for any 256-bit words
        BigInteger x = big.subtract(BigInteger.valueOf(12345));
        BigInteger rInv = w.mod(Q).modInverse(Q);
        assertEquals(x.multiply(big).multiply(rInv).mod(Q), SetupHashTail.mul(x, big).mod(Q));
    }

    @Test
    void replayedSubtractionOfRealPointsIsTheGroupDifference() {
        G1Affine p = G1Affine.GENERATOR.mul(Fr.of(987654321));
        G1Affine q = G1Affine.GENERATOR.mul(Fr.of(123456789));
        long[] pl = new long[8];
        long[] ql = new long[8];
        p.copyTo(pl, 0);
        q.copyTo(ql, 0);
        byte[] raw = new byte[64];
        for (int i = 0; i < 64; i++) {
            raw[i] = (byte) (pl[i / 8] >>> (8 * (i % 8)));
        }
        long[] expected = new long[8];
        p.add(q.neg()).copyTo(expected, 0);
        assertArrayEquals(expected, SetupHashTail.replaySubAffine(raw, ql, 0));
        long[] negQ = new long[8];
        q.neg().copyTo(negQ, 0);
        assertArrayEquals(negQ, SetupHashTail.replaySubAffine(new byte[64], ql, 0), "zero bytes act as infinity");
    }
}
