package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published EIP-196/EIP-197 precompile vectors (go-ethereum's testdata, see
 * src/test/resources/eip196-197/README.md) run through {@link EvmPrecompiles}, plus invalid inputs on which the
 * precompiles fail.
 */
class PrecompileVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String name, String input, String expected) {
    }

    static List<Vector> load(String file) throws IOException {
        String json;
        try (InputStream in = PrecompileVectorsTest.class.getResourceAsStream("/eip196-197/" + file)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> out = new ArrayList<>();
        for (String object : json.split("}")) {
            String input = field(object, "Input");
            if (input != null) {
                out.add(new Vector(field(object, "Name"), input, field(object, "Expected")));
            }
        }
        return out;
    }

    private static String field(String object, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(object);
        return m.find() ? m.group(1) : null;
    }

    private static Stream<DynamicTest> run(String file, int expectedCount, UnaryOperator<byte[]> precompile)
            throws IOException {
        List<Vector> vectors = load(file);
        assertEquals(expectedCount, vectors.size(), file);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(file + " " + v.name(),
                () -> assertEquals(v.expected(), HEX.formatHex(precompile.apply(HEX.parseHex(v.input()))))));
    }

    @TestFactory
    Stream<DynamicTest> ecAdd() throws IOException {
        return run("bn256Add.json", 16, EvmPrecompiles::ecAdd);
    }

    @TestFactory
    Stream<DynamicTest> ecMul() throws IOException {
        return run("bn256ScalarMul.json", 19, EvmPrecompiles::ecMul);
    }

    @TestFactory
    Stream<DynamicTest> ecPairing() throws IOException {
        return run("bn256Pairing.json", 14, EvmPrecompiles::ecPairing);
    }

    private static byte[] word(BigInteger v) {
        byte[] w = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, w, 32 - n, n);
        return w;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] validPair() throws IOException {
        return HEX.parseHex(load("bn256Pairing.json").get(0).input().substring(0, 384));
    }

    @Test
    void invalidG1InputsFail() {
        byte[] g = G1Affine.GENERATOR.toBytesBE();
        byte[] offCurve = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecAdd(concat(offCurve, g)));
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecAdd(concat(g, offCurve)));
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecMul(concat(offCurve, word(BigInteger.TWO))));
        // x = 1 + q is congruent to a valid x but is not a canonical field element
        byte[] unreduced = concat(word(Fq.MODULUS.add(BigInteger.ONE)), word(BigInteger.TWO));
        CryptoException e = assertThrows(CryptoException.class, () -> EvmPrecompiles.ecAdd(concat(unreduced, g)));
        assertTrue(e.getMessage().contains("Fq"), e.getMessage());
        // (0, 1) is neither infinity nor on the curve
        byte[] zeroOne = concat(word(BigInteger.ZERO), word(BigInteger.ONE));
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecMul(concat(zeroOne, word(BigInteger.ONE))));
    }

    @Test
    void invalidPairingInputsFail() throws IOException {
        byte[] pair = validPair();
        assertEquals(1, EvmPrecompiles.ecPairing(concat(pair, pair, negateG1(pair), negateG1(pair)))[31]);
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecPairing(java.util.Arrays.copyOf(pair, 191)));
        byte[] badCurve = pair.clone();
        badCurve[191] ^= 1;                                  // y.c0 + 1: off the twist
        CryptoException e = assertThrows(CryptoException.class, () -> EvmPrecompiles.ecPairing(badCurve));
        assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
        G2Affine outside = CurveTest.randomTwistPoint(new java.util.SplittableRandom(5));
        byte[] notInSubgroup = concat(java.util.Arrays.copyOf(pair, 64), outside.toBytesBE());
        e = assertThrows(CryptoException.class, () -> EvmPrecompiles.ecPairing(notInSubgroup));
        assertTrue(e.getMessage().contains("not in the subgroup"), e.getMessage());
        byte[] unreduced = pair.clone();
        System.arraycopy(word(Fq.MODULUS), 0, unreduced, 64, 32);  // x.c1 = q
        assertThrows(CryptoException.class, () -> EvmPrecompiles.ecPairing(unreduced));
    }

    private static byte[] negateG1(byte[] pair) {
        G1Affine p = G1Affine.fromBytesBE(java.util.Arrays.copyOf(pair, 64));
        byte[] out = pair.clone();
        System.arraycopy(p.neg().toBytesBE(), 0, out, 0, 64);
        return out;
    }
}
