package io.foldline.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2bTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] oracle(byte[] msg, int digestBytes) {
        Blake2bDigest d = new Blake2bDigest(8 * digestBytes);
        d.update(msg, 0, msg.length);
        byte[] out = new byte[digestBytes];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void rfc7693AppendixA() {
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
                HEX.formatHex(Blake2b.digest512("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void matchesBouncyCastleAcrossBlockBoundaries() {
        Random rnd = new Random(7);
        for (int len : new int[] {0, 1, 63, 127, 128, 129, 255, 256, 257, 1000, 4096}) {
            byte[] msg = new byte[len];
            rnd.nextBytes(msg);
            for (int dl : new int[] {1, 32, 64}) {
                Blake2b b = new Blake2b(dl);
                b.update(msg);
                assertArrayEquals(oracle(msg, dl), b.digest(), "len " + len + " digest " + dl);
            }
        }
    }

    @Test
    void chunkedUpdatesAndCopyAgreeWithOneShot() {
        Random rnd = new Random(11);
        byte[] msg = new byte[3000];
        rnd.nextBytes(msg);
        Blake2b b = Blake2b.blake2b512();
        int i = 0;
        Blake2b fork = null;
        while (i < msg.length) {
            int n = Math.min(msg.length - i, 1 + rnd.nextInt(300));
            b.update(msg, i, n);
            i += n;
            if (fork == null && i > 1000) {
                fork = b.copy();
                fork.update(msg, i, msg.length - i);
            }
        }
        byte[] expected = oracle(msg, 64);
        assertArrayEquals(expected, b.digest());
        assertArrayEquals(expected, fork.digest());
    }

    @Test
    void rejectsMisuse() {
        assertThrows(CryptoException.class, () -> new Blake2b(0));
        assertThrows(CryptoException.class, () -> new Blake2b(65));
        Blake2b b = Blake2b.blake2b512();
        b.digest();
        assertThrows(CryptoException.class, () -> b.update(new byte[1]));
        assertThrows(CryptoException.class, b::digest);
    }
}
