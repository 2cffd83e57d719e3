package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import io.foldline.jobs.window.ReceiptLeaf;
import io.foldline.schemas.ProvenInference;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leaf layout of the package documentation, rebuilt here byte by byte with BigInteger words. */
class ReceiptLeafTest {
    @Test
    void leafIsTheDocumentedConcatenation() {
        ProvenInference p = Proofs.inference("req-9", "m", 1234, List.of(5L, -3L, 0L), 2);
        byte[] expected = Keccak256.digest(concat(
                Keccak256.digest("m/1/1000/4".getBytes(StandardCharsets.UTF_8)),
                word(BigInteger.valueOf(7)),
                InferenceProverTest.bytes(p.getTag()),
                InferenceProverTest.bytes(p.getCommitment()),
                word(BigInteger.valueOf(5)),
                word(Fr.MODULUS.subtract(BigInteger.valueOf(3))),
                word(BigInteger.ZERO),
                word(BigInteger.valueOf(2))));
        assertArrayEquals(expected, ReceiptLeaf.of("m/1/1000/4", 7, p));
    }

    @Test
    void leafWithoutClassHasNoClassWord() {
        ProvenInference p = Proofs.inference("r", "m", 1, List.of(1L), null);
        byte[] expected = Keccak256.digest(concat(Keccak256.digest("w".getBytes(StandardCharsets.UTF_8)),
                word(BigInteger.ZERO), InferenceProverTest.bytes(p.getTag()),
                InferenceProverTest.bytes(p.getCommitment()), word(BigInteger.ONE)));
        assertArrayEquals(expected, ReceiptLeaf.of("w", 0, p));
    }

    @Test
    void rootPadsToAPowerOfTwoWithZeroLeaves() {
        List<ProvenInference> ps = List.of(Proofs.inference("a", "m", 1, List.of(1L), null),
                Proofs.inference("b", "m", 2, List.of(2L), null), Proofs.inference("c", "m", 3, List.of(3L), null));
        byte[] l0 = ReceiptLeaf.of("w", 0, ps.get(0));
        byte[] l1 = ReceiptLeaf.of("w", 1, ps.get(1));
        byte[] l2 = ReceiptLeaf.of("w", 2, ps.get(2));
        byte[] expected = Keccak256.digest(Keccak256.digest(l0, l1), Keccak256.digest(l2, new byte[32]));
        assertArrayEquals(expected, ReceiptLeaf.root("w", ps));
        assertFalse(Arrays.equals(expected, ReceiptLeaf.root("w2", ps)), "the window id is part of each leaf");
    }

    private static byte[] word(BigInteger v) {
        return ValidateRequestsTest.toWord(v);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
