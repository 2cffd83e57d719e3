package io.foldline.jobs.window;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import io.foldline.crypto.hash.MerkleTree;
import io.foldline.schemas.ProvenInference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt leaf of inference {@code index} of a window, and the window's receipts root: the Keccak
 * Merkle root ({@link MerkleTree}) over the leaves of its inferences in window order. The layout is in
 * this package's documentation. It depends only on the schema record and Keccak-256, so the settlement
 * code can compute the same leaves.
 */
public final class ReceiptLeaf {
    private ReceiptLeaf() {
    }

    public static byte[] of(String windowId, int index, ProvenInference p) {
        Keccak256 k = new Keccak256();
        k.update(Keccak256.digest(windowId.getBytes(StandardCharsets.UTF_8)));
        k.update(Fr.of(index).toBytesBE());
        k.update(word(p.getTag(), "tag"));
        k.update(word(p.getCommitment(), "commitment"));
        for (long y : p.getOutputs()) {
            k.update(Fr.of(y).toBytesBE());
        }
        if (p.getPredictedClass() != null) {
            k.update(Fr.of(p.getPredictedClass()).toBytesBE());
        }
        return k.digest();
    }

    public static byte[] root(String windowId, List<ProvenInference> inferences) {
        List<byte[]> leaves = new ArrayList<>(inferences.size());
        for (int i = 0; i < inferences.size(); i++) {
            leaves.add(of(windowId, i, inferences.get(i)));
        }
        return new MerkleTree(leaves).root();
    }

    private static byte[] word(ByteBuffer b, String field) {
        if (b.remaining() != 32) {
            throw new IllegalArgumentException("ProvenInference." + field + " has " + b.remaining()
                    + " bytes, expected 32");
        }
        byte[] out = new byte[32];
        b.duplicate().get(out);
        return out;
    }
}
