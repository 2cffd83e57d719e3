package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Blake2b;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * ffjavascript's uncompressed encoding is the EIP-196/197 byte layout (G2 imaginary part first), so the
 * crypto module's {@code toBytesBE}, written independently, is the reference; the generators are checked
 * against the published constants (EIP-197).
 */
class UncompressedTest {
    private static final G1Affine[] G1 = {
        G1Affine.GENERATOR, G1Affine.INFINITY, G1Affine.GENERATOR.mul(Fr.of(123456789)),
    };
    private static final G2Affine[] G2 = {
        G2Affine.GENERATOR, G2Affine.INFINITY, G2Affine.GENERATOR.mul(Fr.of(987654321)),
    };

    @Test
    void generatorsMatchThePublishedEncodings() {
        HexFormat hex = HexFormat.of();
        assertEquals("0".repeat(63) + "1" + "0".repeat(63) + "2", hex.formatHex(Uncompressed.g1(G1Affine.GENERATOR)));
        assertEquals("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
                hex.formatHex(Uncompressed.g2(G2Affine.GENERATOR)));
    }

    @Test
    void bulkEncodingAtOffsetsMatchesEip197Bytes() {
        long[] g1 = new long[3 + 8 * G1.length];
        long[] g2 = new long[5 + 16 * G2.length];
        ByteArrayOutputStream want1 = new ByteArrayOutputStream();
        ByteArrayOutputStream want2 = new ByteArrayOutputStream();
        want1.writeBytes(new byte[7]);
        want2.writeBytes(new byte[7]);
        for (int i = 0; i < G1.length; i++) {
            G1[i].copyTo(g1, 3 + 8 * i);
            G2[i].copyTo(g2, 5 + 16 * i);
            want1.writeBytes(G1[i].toBytesBE());
            want2.writeBytes(G2[i].toBytesBE());
            assertArrayEquals(G1[i].toBytesBE(), Uncompressed.g1(G1[i]));
            assertArrayEquals(G2[i].toBytesBE(), Uncompressed.g2(g2, 5 + 16 * i));
        }
        byte[] got1 = new byte[7 + Uncompressed.G1_BYTES * G1.length];
        byte[] got2 = new byte[7 + Uncompressed.G2_BYTES * G2.length];
        Uncompressed.g1(g1, 3, G1.length, got1, 7);
        Uncompressed.g2(g2, 5, G2.length, got2, 7);
        assertArrayEquals(want1.toByteArray(), got1);
        assertArrayEquals(want2.toByteArray(), got2);
    }

    /** More points than one internal batch (4096), so the hash crosses a batch boundary. */
    @Test
    void hashingAbsorbsTheEncodingsInOrder() {
        int n = 4100;
        long[] g1 = new long[8 * n];
        long[] g2 = new long[16 * n];
        Blake2b want1 = Blake2b.blake2b512();
        Blake2b want2 = Blake2b.blake2b512();
        for (int i = 0; i < n; i++) {
            G1[i % G1.length].copyTo(g1, 8 * i);
            G2[i % G2.length].copyTo(g2, 16 * i);
            if (i >= 1) {
                want1.update(G1[i % G1.length].toBytesBE());
                want2.update(G2[i % G2.length].toBytesBE());
            }
        }
        Blake2b got1 = Blake2b.blake2b512();
        Blake2b got2 = Blake2b.blake2b512();
        Uncompressed.hashG1(got1, g1, 8, n - 1);
        Uncompressed.hashG2(got2, g2, 16, n - 1);
        assertArrayEquals(want1.digest(), got1.digest());
        assertArrayEquals(want2.digest(), got2.digest());
    }
}
