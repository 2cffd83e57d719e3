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
 * The hand ABI encoding of submitWindow and its instance records, word by word, for a window of two instances of
 * a two-signal circuit, and the narrow encoding of middle signals (the selectors checked against js-sha3; the
 * contract tests decode it with solc's own ABI decoder).
 */
class WindowCalldataTest {
    private static final G1Affine G = G1Affine.GENERATOR;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void selectorsMatchJsSha3() {
        assertEquals("07aad1a9", HEX.formatHex(WindowCalldata.selector(2)));
        assertEquals("38b6948e", HEX.formatHex(WindowCalldata.selector(12)));
    }

    @Test
    void aRecordIsTheFoldsPointThenHInAndTagThenTheMiddleSignalsInOneWidth() {
        G1Affine k = g(2);
        G1Affine t = g(3);
        Fr hIn = Fr.of(Fr.MODULUS.subtract(BigInteger.TWO)); // r - 2: a raw word, never the short negative form
        CommittedInstance c = CommittedInstance.fresh(k, new Fr[] {hIn, Fr.of(5), Fr.of(-3), Fr.of(1000),
                Fr.of(-129), Fr.of(77)});
        byte[] b = WindowCalldata.instance(c, t);
        assertEquals(HEX.formatHex(g(5).toBytesBE()), HEX.formatHex(Arrays.copyOf(b, 64)), "C = K_i + K_T");
        assertEquals(hIn.toBigInteger(), new BigInteger(1, Arrays.copyOfRange(b, 64, 96)), "h_in");
        assertEquals(BigInteger.valueOf(77), new BigInteger(1, Arrays.copyOfRange(b, 96, 128)), "the tag");
        // 1000 and -129 need two bytes of two's complement, so every middle signal takes two
        assertEquals("02" + "0005" + "fffd" + "03e8" + "ff7f", HEX.formatHex(Arrays.copyOfRange(b, 128, b.length)));
        // small ones take one byte; a value near r / 2 takes a full word
        CommittedInstance small = CommittedInstance.fresh(k, new Fr[] {Fr.ONE, Fr.of(-1), Fr.of(127), Fr.of(-128),
                Fr.of(9)});
        byte[] s = WindowCalldata.instance(small, t);
        assertEquals("01" + "ff" + "7f" + "80", HEX.formatHex(Arrays.copyOfRange(s, 128, s.length)));
        BigInteger half = Fr.MODULUS.shiftRight(1);
        CommittedInstance wide = CommittedInstance.fresh(k, new Fr[] {Fr.ONE, Fr.of(half), Fr.of(half.add(
                BigInteger.ONE)), Fr.of(2)});
        byte[] w = WindowCalldata.instance(wide, t);
        // (r + 1) / 2 is above r / 2: its representative is -(r - 1) / 2, 32 bytes of two's complement
        assertEquals("20" + String.format("%064x", half)
                + String.format("%064x", BigInteger.ONE.shiftLeft(256).subtract(half)),
                HEX.formatHex(Arrays.copyOfRange(w, 128, w.length)));
        // one signal: C and h_in only
        assertEquals(96, WindowCalldata.instance(CommittedInstance.fresh(k, new Fr[] {Fr.ONE}), t).length);
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
        // head 17 + n = 19 words; instances: length word, 2 * 128 bytes = 8 words
        assertEquals(4 + 32 * (19 + 1 + 8), c.length);
        assertEquals(BigInteger.valueOf(42), word(c, 0));
        assertEquals(BigInteger.valueOf(32 * 19), word(c, 1), "offset of instances");
        assertEquals(g(1).x().toBigInteger(), word(c, 2), "K0.x");
        assertEquals(BigInteger.TWO, word(c, 4), "u0");
        assertEquals(BigInteger.valueOf(4), word(c, 6), "x0[1]");
        assertEquals(g(12).y().toBigInteger(), word(c, 8), "A.y");
        assertEquals(G2Affine.GENERATOR.x().c1().toBigInteger(), word(c, 9), "B.x.c1 first");
        assertEquals(g(13).x().toBigInteger(), word(c, 13), "C.x");
        assertEquals(BigInteger.valueOf(14), word(c, 15), "zeta");
        assertEquals(BigInteger.valueOf(15), word(c, 16), "v");
        assertEquals(g(16).y().toBigInteger(), word(c, 18), "pi.y");
        assertEquals(BigInteger.valueOf(256), word(c, 19), "instances length in bytes");
        assertEquals(g(16).x().toBigInteger(), word(c, 20), "fold 1: C = K_1 + K_T1 = 5 G1 + 11 G1");
        assertEquals(BigInteger.valueOf(6), word(c, 22), "x_1[0]");
        assertEquals(BigInteger.valueOf(7), word(c, 23), "x_1[1]");
        assertEquals(g(8).y().toBigInteger(), word(c, 25), "fold 2: C = K_2 (K_T2 at infinity)");
        assertEquals(BigInteger.valueOf(9), word(c, 26), "x_2[0]");
        assertEquals(Fr.MODULUS.subtract(BigInteger.TEN), word(c, 27), "x_2[1] = -10 as a raw word");
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
