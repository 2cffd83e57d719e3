package io.foldline.chain.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.DeciderProof;
import io.foldline.aggregation.WindowProof;
import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand ABI encoding of submitWindow and its compact instance records, word by word, for a window of two instances of a two-signal circuit
 * (the selector checked against js-sha3; the contract tests decode it with solc's own ABI decoder).
 */
class WindowCalldataTest {
    private static final G1Affine G = G1Affine.GENERATOR;

    @Test
    void selectorsMatchJsSha3() {
        assertEquals("14d651d1", HexFormat.of().formatHex(WindowCalldata.selector(2)));
        assertEquals("c6d8d051", HexFormat.of().formatHex(WindowCalldata.selector(12)));
    }

    @Test
    void compactScalars() {
        CommittedInstance c = CommittedInstance.fresh(G1Affine.INFINITY, new Fr[] {Fr.of(0), Fr.of(5), Fr.of(-3),
                Fr.of(1000), Fr.of(-1), Fr.of(Fr.MODULUS.shiftRight(1)), Fr.of(Fr.MODULUS.shiftRight(1).add(BigInteger.ONE))});
        byte[] b = WindowCalldata.instance(c);
        String tail = HexFormat.of().formatHex(Arrays.copyOfRange(b, 64, b.length));
        String half = Fr.MODULUS.shiftRight(1).toString(16); // (r - 1) / 2, 32 bytes, positive
        // (r + 1) / 2 is above r / 2, so it is written as r - (r + 1) / 2 = (r - 1) / 2 with the sign bit
        assertEquals("00" + "0105" + "8103" + "0203e8" + "8101" + "20" + half + "a0" + half, tail);
    }

    @Test
    void wordsOfATwoInstanceWindow() {
        WindowProof p = new WindowProof(
                new CommittedInstance(g(1), Fr.of(2), new Fr[] {Fr.of(3), Fr.of(4)}),
                List.of(CommittedInstance.fresh(g(5), new Fr[] {Fr.of(6), Fr.of(7)}),
                        CommittedInstance.fresh(g(8), new Fr[] {Fr.of(9), Fr.of(-10)})),
                List.of(g(11), G1Affine.INFINITY),
                new DeciderProof(new Proof(g(12), G2Affine.GENERATOR, g(13)), Fr.of(14), Fr.of(15), g(16)));
        byte[] id = new byte[32];
        id[31] = 0x2a;
        byte[] c = WindowCalldata.encode(id, p);
        // head 18 + n = 20 words; instances: length word, 2 * 68 = 136 bytes padded to 5 words; then 1 + 4 words
        assertEquals(4 + 32 * (20 + 1 + 5 + 1 + 4), c.length);
        assertEquals(BigInteger.valueOf(42), word(c, 0));
        assertEquals(BigInteger.valueOf(32 * 20), word(c, 1), "offset of instances");
        assertEquals(BigInteger.valueOf(32 * 26), word(c, 2), "offset of crossTerms");
        assertEquals(g(1).x().toBigInteger(), word(c, 3), "K0.x");
        assertEquals(BigInteger.TWO, word(c, 5), "u0");
        assertEquals(BigInteger.valueOf(4), word(c, 7), "x0[1]");
        assertEquals(g(12).y().toBigInteger(), word(c, 9), "A.y");
        assertEquals(G2Affine.GENERATOR.x().c1().toBigInteger(), word(c, 10), "B.x.c1 first");
        assertEquals(g(13).x().toBigInteger(), word(c, 14), "C.x");
        assertEquals(BigInteger.valueOf(14), word(c, 16), "zeta");
        assertEquals(BigInteger.valueOf(15), word(c, 17), "v");
        assertEquals(g(16).y().toBigInteger(), word(c, 19), "pi.y");
        assertEquals(BigInteger.valueOf(136), word(c, 20), "instances length in bytes");
        assertEquals(g(5).x().toBigInteger(), word(c, 21), "K_1.x");
        int second = 4 + 32 * 21 + 68;
        assertEquals("0109" + "810a", HexFormat.of().formatHex(Arrays.copyOfRange(c, second + 64, second + 68)),
                "x_2 = (9, -10)");
        assertEquals(BigInteger.ZERO, new BigInteger(1, Arrays.copyOfRange(c, 4 + 32 * 21 + 136, 4 + 32 * 26)),
                "zero padding");
        assertEquals(BigInteger.valueOf(4), word(c, 26), "crossTerms length");
        assertEquals(g(11).y().toBigInteger(), word(c, 28), "K_T1.y");
        assertEquals(BigInteger.ZERO, word(c, 30), "K_T2 at infinity");
    }

    @Test
    void aWindowIdMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> WindowCalldata.encode(new byte[31], null));
    }

    private static G1Affine g(long k) {
        return G.mul(Fr.of(k));
    }

    private static BigInteger word(byte[] c, int i) {
        return new BigInteger(1, Arrays.copyOfRange(c, 4 + 32 * i, 4 + 32 * i + 32));
    }
}
