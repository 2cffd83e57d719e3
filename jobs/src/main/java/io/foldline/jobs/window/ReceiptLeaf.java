package io.foldline.jobs.window;

import io.foldline.chain.receipt.Receipts;
import io.foldline.crypto.bn254.Fr;
import io.foldline.schemas.ProvenInference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt leaves and root of a window, from its schema records: {@link Receipts} (the chain module's
 * definition, the one the WindowVerifier contract hashes) applied to a {@link ProvenInference}, with the window's
 * name turned into its on-chain id {@code keccak256(utf8(windowId))}. Layout in the chain receipt package.
 */
public final class ReceiptLeaf {
    private ReceiptLeaf() {
    }

    public static byte[] of(String windowId, int index, ProvenInference p) {
        List<Fr> outputs = new ArrayList<>(p.getOutputs().size());
        for (long y : p.getOutputs()) {
            outputs.add(Fr.of(y));
        }
        Fr predicted = p.getPredictedClass() == null ? null : Fr.of(p.getPredictedClass());
        return Receipts.leaf(Receipts.windowId(windowId), index, word(p.getTag(), "tag"),
                word(p.getCommitment(), "commitment"), outputs, predicted);
    }

    public static byte[] root(String windowId, List<ProvenInference> inferences) {
        List<byte[]> leaves = new ArrayList<>(inferences.size());
        for (int i = 0; i < inferences.size(); i++) {
            leaves.add(of(windowId, i, inferences.get(i)));
        }
        return Receipts.root(leaves);
    }

    private static Fr word(ByteBuffer b, String field) {
        if (b.remaining() != 32) {
            throw new IllegalArgumentException("ProvenInference." + field + " has " + b.remaining()
                    + " bytes, expected 32");
        }
        byte[] out = new byte[32];
        b.duplicate().get(out);
        return Fr.fromBytesBE(out);
    }
}
