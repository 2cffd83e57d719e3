package io.foldline.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String TAG = "foldline.transcript.example";

    private static byte[] bcKeccak(byte[] m) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(m, 0, m.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static byte[] word(long v) {
        byte[] w = new byte[32];
        for (int i = 0; i < 8; i++) {
            w[31 - i] = (byte) (v >>> (8 * i));
        }
        return w;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            int n = out.length;
            out = Arrays.copyOf(out, n + p.length);
            System.arraycopy(p, 0, out, n, p.length);
        }
        return out;
    }

    /** The example of package-info.java; expected numbers from ethers v5 solidityKeccak256 (node). */
    @Test
    void workedExample() {
        Transcript t = new Transcript(TAG);
        t.absorbUint(BigInteger.ONE).absorbScalar(Fr.of(2)).absorbG1(Fq.of(1), Fq.of(2));
        byte[] tagHash = bcKeccak(TAG.getBytes(StandardCharsets.UTF_8));
        assertEquals("345d7eaa12f226ac5e9df4e08ceddefe98ce0a615eeb2f1d7470fc6b37047845", HEX.formatHex(tagHash));
        byte[] b1 = concat(tagHash, word(1), word(2), word(1), word(2));
        assertArrayEquals(b1, t.pendingBytes());
        byte[] d1 = bcKeccak(b1);
        assertEquals("d4c538f308d0861632f6e5c1f885c2180e9a828833cde0d291795f5aae4ece14", HEX.formatHex(d1));

        Fr c1 = t.challenge();
        assertEquals("8685814334047455587637548642523323627725693433383170145723483699980645879312", c1.toString());
        assertEquals(new BigInteger(1, d1).mod(Fr.MODULUS), c1.toBigInteger());
        assertArrayEquals(d1, t.pendingBytes());

        byte[] ab = new byte[32];
        Arrays.fill(ab, (byte) 0xab);
        Fr c2 = t.absorbWord(ab).challenge();
        byte[] d2 = bcKeccak(concat(d1, ab));
        assertEquals("313ec1df506898943e6648f9b8e7e18ad6e12074efd6ec0c117257651de19801", HEX.formatHex(d2));
        assertEquals("385969284338086626983034703393540621680158798814314896626736784348113115136", c2.toString());
    }

    @Test
    void everyAbsorbedByteMatters() {
        Random rnd = new Random(42);
        byte[][] words = new byte[3][32];
        for (byte[] w : words) {
            rnd.nextBytes(w);
        }
        Fr base = run(words);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 32; j++) {
                for (int bit = 0; bit < 8; bit += 7) {
                    byte[][] m = {words[0].clone(), words[1].clone(), words[2].clone()};
                    m[i][j] ^= (byte) (1 << bit);
                    assertNotEquals(base, run(m), "flip word " + i + " byte " + j + " bit " + bit);
                }
            }
        }
        assertNotEquals(base, run(new byte[][] {words[1], words[0], words[2]}), "order");
        assertNotEquals(new Transcript("a").challenge(), new Transcript("b").challenge(), "domain tag");
    }

    @Test
    void challengesChainAndKindsAreWordEncodings() {
        Transcript a = new Transcript(TAG);
        Fr first = a.challenge();
        Fr second = a.challenge();
        assertNotEquals(first, second);
        // A G1 point, a scalar and a uint are the same 32-byte words: only the bytes matter.
        Fr s = Fr.reduce(new BigInteger("1234567890123456789"));
        Fr viaTypes = new Transcript(TAG).absorbScalar(s).absorbG1(Fq.ZERO, Fq.ZERO).challenge();
        Fr viaWords = new Transcript(TAG).absorbWord(s.toBytesBE()).absorbWord(new byte[32])
                .absorbWord(new byte[32]).challenge();
        assertEquals(viaWords, viaTypes);
        // absorbing twice is not absorbing once (no accidental de-duplication)
        assertNotEquals(new Transcript(TAG).absorbUint(BigInteger.TEN).challenge(),
                new Transcript(TAG).absorbUint(BigInteger.TEN).absorbUint(BigInteger.TEN).challenge());
    }

    @Test
    void uintRangeIsEnforced() {
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        Fr expect = Fr.reduce(new BigInteger(1, bcKeccak(concat(
                bcKeccak(TAG.getBytes(StandardCharsets.UTF_8)), HEX.parseHex("ff".repeat(32))))));
        assertEquals(expect, new Transcript(TAG).absorbUint(max).challenge());
        assertRejects(t -> t.absorbUint(max.add(BigInteger.ONE)), "2^256");
        assertRejects(t -> t.absorbUint(BigInteger.ONE.negate()), "2^256");
        assertRejects(t -> t.absorbWord(new byte[31]), "32 bytes");
        assertRejects(t -> t.absorbWord(new byte[33]), "32 bytes");
        assertThrows(CryptoException.class, () -> new Transcript(""));
    }

    private static void assertRejects(Consumer<Transcript> op, String fragment) {
        CryptoException e = assertThrows(CryptoException.class, () -> op.accept(new Transcript(TAG)));
        assertEquals(true, e.getMessage().contains(fragment), e.getMessage());
    }

    private static Fr run(byte[][] words) {
        Transcript t = new Transcript(TAG);
        for (byte[] w : words) {
            t.absorbWord(w);
        }
        t.challenge();
        return t.absorbUint(BigInteger.TWO).challenge();
    }
}
