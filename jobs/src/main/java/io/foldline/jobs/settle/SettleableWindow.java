package io.foldline.jobs.settle;

import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.submit.PendingWindow;
import io.foldline.chain.submit.WindowId;
import io.foldline.chain.window.WindowCalldata;
import io.foldline.circuits.FormatException;
import io.foldline.jobs.window.ReceiptLeaf;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.Receipt;
import io.foldline.schemas.Settlement;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FOLDED window-proof record made ready for the chain: its {@code submitWindow} calldata for the model's
 * contract, and the receipts it will hand out once confirmed. The receipts come from the folded proof's own
 * instances (what the contract hashes), and every one must equal the leaf of the record's inference at the same
 * index, so that each receipt goes to the request the window lists there, and the record's receipts root must
 * equal theirs. Anything else is refused with the reason, before a transaction is signed.
 */
final class SettleableWindow {
    /** Why a window-proof record cannot be settled; the reason goes into its FAILED status. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    final String name;
    final String modelId;
    final byte[] key;
    final String contract;
    final byte[] calldata;
    final List<String> requestIds;
    final List<byte[]> leaves;
    final byte[] root;

    private SettleableWindow(WindowProof record, String contract, io.foldline.aggregation.WindowProof proof) {
        this.name = record.getWindowId();
        this.modelId = record.getModelId();
        this.key = Receipts.windowId(name);
        this.contract = contract;
        this.calldata = WindowCalldata.encode(key, proof);
        this.leaves = Receipts.leavesOf(key, proof);
        this.root = Receipts.root(leaves);
        this.requestIds = record.getInferences().stream().map(ProvenInference::getRequestId).toList();
    }

    /** Checks and prepares {@code record} for {@code contract} (null when its model has no deployment). */
    static SettleableWindow of(WindowProof record, String contract) throws Refused {
        String what = "window " + record.getWindowId();
        if (record.getKind() != WindowKind.FOLDED || record.getFoldedProof() == null) {
            throw new Refused(what + " is a " + record.getKind() + " window without a folded proof: only models with "
                    + "window keys settle on chain (its inferences carry standalone Groth16 proofs)");
        }
        if (contract == null) {
            throw new Refused(what + ": no WindowVerifier deployment is configured for model " + record.getModelId());
        }
        io.foldline.aggregation.WindowProof proof;
        try {
            proof = WindowProofFile.decode(bytes(record.getFoldedProof()), what + " foldedProof");
        } catch (FormatException e) {
            throw new Refused(e.getMessage());
        }
        if (proof.size() != record.getInferences().size()) {
            throw new Refused(what + ": the folded proof has " + proof.size() + " instances but the record lists "
                    + record.getInferences().size() + " inferences");
        }
        SettleableWindow w = new SettleableWindow(record, contract, proof);
        for (int i = 0; i < w.leaves.size(); i++) {
            byte[] listed;
            try {
                listed = ReceiptLeaf.of(w.name, i, record.getInferences().get(i));
            } catch (IllegalArgumentException e) {
                throw new Refused(what + ": inference " + i + ": " + e.getMessage());
            }
            if (!Arrays.equals(listed, w.leaves.get(i))) {
                throw new Refused(what + ": inference " + i + " (request " + w.requestIds.get(i) + ") does not match "
                        + "instance " + i + " of the folded proof");
            }
        }
        if (!Arrays.equals(w.root, bytes(record.getReceiptsRoot()))) {
            throw new Refused(what + ": the record's receiptsRoot is not the root of its receipt leaves");
        }
        return w;
    }

    WindowId id() {
        return WindowId.of(key);
    }

    PendingWindow pending() {
        return new PendingWindow(id(), contract, calldata);
    }

    List<Receipt> receipts(long chainId, byte[] txHash, Long block) {
        List<Receipt> out = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            out.add(Receipt.newBuilder().setRequestId(requestIds.get(i)).setModelId(modelId).setWindowId(name)
                    .setWindowKey(ByteBuffer.wrap(key)).setIndex(i).setLeaf(ByteBuffer.wrap(leaves.get(i)))
                    .setPath(Receipts.path(leaves, i).stream().map(ByteBuffer::wrap).toList())
                    .setChainId(chainId).setContract(contract)
                    .setTxHash(txHash == null ? null : ByteBuffer.wrap(txHash)).setBlock(block).build());
        }
        return out;
    }

    Settlement settlement(long chainId, byte[] txHash, Long block, Long gasUsed, Instant at) {
        return Settlement.newBuilder().setWindowId(name).setWindowKey(ByteBuffer.wrap(key)).setModelId(modelId)
                .setSize(leaves.size()).setReceiptsRoot(ByteBuffer.wrap(root)).setChainId(chainId)
                .setContract(contract).setTxHash(txHash == null ? null : ByteBuffer.wrap(txHash)).setBlock(block)
                .setGasUsed(gasUsed).setConfirmedAt(at).build();
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
