package io.foldline.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] oracle(byte[] msg) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(msg, 0, msg.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void knownVectors() {
        // Ethereum's keccak256 of the empty string (the empty-code hash of the yellow paper).
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HEX.formatHex(new Keccak256().digest()));
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HEX.formatHex(Keccak256.digest(new byte[0])));
        // keccak256("abc"), Keccak team's KeccakKAT / widely published.
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                HEX.formatHex(Keccak256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        // keccak256("Transfer(address,address,uint256)"): the ERC-20 Transfer event topic.
        assertEquals("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                HEX.formatHex(Keccak256.digest(
                        "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void matchesBouncyCastleOnRandomLengthsAndBlockEdges() {
        Random rnd = new Random(0x6b656363616bL);
        int[] edges = {0, 1, 31, 32, 33, 134, 135, 136, 137, 271, 272, 273, 408, 600};
        for (int len : edges) {
            byte[] m = new byte[len];
            rnd.nextBytes(m);
            assertArrayEquals(oracle(m), Keccak256.digest(m), "length " + len);
        }
        for (int i = 0; i < 300; i++) {
            byte[] m = new byte[rnd.nextInt(601)];
            rnd.nextBytes(m);
            assertArrayEquals(oracle(m), Keccak256.digest(m), "length " + m.length);
        }
    }

    @Test
    void incrementalSplitsAgreeWithOneShot() {
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] m = new byte[rnd.nextInt(601)];
            rnd.nextBytes(m);
            Keccak256 k = new Keccak256();
            int pos = 0;
            while (pos < m.length) {
                int n = Math.min(m.length - pos, rnd.nextInt(150));
                k.update(m, pos, n);
                pos += n;
            }
            assertArrayEquals(oracle(m), k.digest(), "length " + m.length);
        }
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5};
        assertArrayEquals(oracle(new byte[] {1, 2, 3, 4, 5}), Keccak256.digest(a, b));
    }

    @Test
    void rejectsUseAfterDigestAndBadRanges() {
        Keccak256 k = new Keccak256();
        k.digest();
        assertThrows(CryptoException.class, k::digest);
        assertThrows(CryptoException.class, () -> k.update(new byte[1]));
        assertThrows(IndexOutOfBoundsException.class, () -> new Keccak256().update(new byte[4], 3, 2));
    }
}
