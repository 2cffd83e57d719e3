package io.foldline.chain.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calldata layout against published constants: the EIP-197 G2 generator and snarkjs's verifyProof selector. */
class SolidityCalldataTest {
    // EIP-197's G2 generator, x = X0 + X1 i, y = Y0 + Y1 i
    private static final BigInteger X0 = new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781");
    private static final BigInteger X1 = new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634");
    private static final BigInteger Y0 = new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930");
    private static final BigInteger Y1 = new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531");
    private static final Proof PROOF = new Proof(G1Affine.GENERATOR, G2Affine.GENERATOR, G1Affine.GENERATOR.neg());

    @Test
    void selectorIsSnarkjsVerifiers() {
        // keccak256 of the signature, as js-sha3 and every snarkjs Groth16Verifier with one input have it
        assertEquals("43753b4d", HexFormat.of().formatHex(SolidityCalldata.selector(1)));
        assertEquals("11479fea", HexFormat.of().formatHex(SolidityCalldata.selector(3)));
    }

    @Test
    void wordsPutTheImaginaryPartFirst() {
        BigInteger q = io.foldline.crypto.bn254.Fq.MODULUS;
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO, X1, X0, Y1, Y0, BigInteger.ONE, q.subtract(BigInteger.TWO),
                BigInteger.valueOf(35)), SolidityCalldata.words(PROOF, List.of(Fr.of(35))));
    }

    @Test
    void calldataIsSelectorThenBigEndianWords() {
        byte[] call = SolidityCalldata.verifyProofCall(PROOF, List.of(Fr.of(35), Fr.of(-1)));
        assertEquals(4 + 32 * 10, call.length);
        assertArrayEquals(SolidityCalldata.selector(2), Arrays.copyOf(call, 4));
        assertEquals(X1, new BigInteger(1, Arrays.copyOfRange(call, 4 + 64, 4 + 96)));
        assertEquals(BigInteger.valueOf(35), new BigInteger(1, Arrays.copyOfRange(call, 4 + 256, 4 + 288)));
        assertEquals(Fr.MODULUS.subtract(BigInteger.ONE), new BigInteger(1, Arrays.copyOfRange(call, 4 + 288, 4 + 320)));
    }

    @Test
    void textIsSnarkjsLayout() {
        String expected = "[" + w(BigInteger.ONE) + ", " + w(BigInteger.TWO) + "],"
                + "[[" + w(X1) + ", " + w(X0) + "],[" + w(Y1) + ", " + w(Y0) + "]],"
                + "[" + w(BigInteger.ONE) + ", " + w(io.foldline.crypto.bn254.Fq.MODULUS.subtract(BigInteger.TWO)) + "],"
                + "[" + w(BigInteger.valueOf(7)) + "," + w(BigInteger.valueOf(8)) + "]";
        assertEquals(expected, SolidityCalldata.text(new ProofJson(PROOF.a(), PROOF.b(), PROOF.c()),
                new PublicJson(List.of(Fr.of(7), Fr.of(8)))));
    }

    @Test
    void rejectsMalformedWordLists() {
        List<BigInteger> eight = new ArrayList<>(SolidityCalldata.words(PROOF, List.of(Fr.ONE)).subList(0, 8));
        assertThrows(IllegalArgumentException.class, () -> SolidityCalldata.verifyProofCall(eight));
        List<BigInteger> big = new ArrayList<>(eight);
        big.add(BigInteger.ONE.shiftLeft(256));
        assertThrows(IllegalArgumentException.class, () -> SolidityCalldata.verifyProofCall(big));
        List<BigInteger> max = new ArrayList<>(eight);
        max.add(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        byte[] call = SolidityCalldata.verifyProofCall(max);
        assertEquals((byte) 0xff, call[4 + 256]);
    }

    private static String w(BigInteger v) {
        String hex = v.toString(16);
        return "\"0x" + "0".repeat(64 - hex.length()) + hex + "\"";
    }
}
