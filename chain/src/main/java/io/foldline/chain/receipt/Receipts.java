package io.foldline.chain.receipt;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.WindowProof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import io.foldline.crypto.hash.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Receipt leaves, the receipts root of a window and Merkle paths, as the package documentation lays them
 * out. Scalars are field words ({@link Fr}, written as 32 bytes big-endian); the class is null for a model
 * without a classifier head.
 */
public final class Receipts {
    private Receipts() {
    }

    /** The on-chain window id: {@code keccak256(utf8(name))}. */
    public static byte[] windowId(String name) {
        return Keccak256.digest(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The leaf of inference {@code index}; {@code predictedClass} may be null. */
    public static byte[] leaf(byte[] windowId, long index, Fr tag, Fr hIn, List<Fr> outputs, Fr predictedClass) {
        requireWord(windowId, "windowId");
        if (index < 0) {
            throw new IllegalArgumentException("leaf index must be >= 0, got " + index);
        }
        Keccak256 k = new Keccak256();
        k.update(windowId);
        k.update(Fr.of(index).toBytesBE());
        k.update(tag.toBytesBE());
        k.update(hIn.toBytesBE());
        for (Fr y : outputs) {
            k.update(y.toBytesBE());
        }
        if (predictedClass != null) {
            k.update(predictedClass.toBytesBE());
        }
        return k.digest();
    }

    /**
     * The leaf from an instance's public signals in circuit order {@code h_in, outputs..., [class], tag}:
     * what the Solidity verifier hashes.
     */
    public static byte[] leafOfSignals(byte[] windowId, long index, Fr[] publicSignals) {
        if (publicSignals.length < 2) {
            throw new IllegalArgumentException("a model has at least h_in and tag as public signals, got "
                    + publicSignals.length);
        }
        int n = publicSignals.length;
        List<Fr> middle = List.of(publicSignals).subList(1, n - 1);
        return leaf(windowId, index, publicSignals[n - 1], publicSignals[0], middle, null);
    }

    /** The receipts root of leaves in window order. */
    public static byte[] root(List<byte[]> leaves) {
        return new MerkleTree(leaves).root();
    }

    /** The siblings of leaf {@code index}, bottom up. */
    public static List<byte[]> path(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a window of " + leaves.size());
        }
        return new MerkleTree(leaves).path(index);
    }

    /** Whether {@code leaf} sits at {@code index} under {@code root} by {@code path}. */
    public static boolean verify(byte[] root, byte[] leaf, int index, List<byte[]> path) {
        Objects.requireNonNull(path, "path");
        if (root.length != 32 || leaf.length != 32) {
            return false;
        }
        return MerkleTree.verify(root, index, leaf, path);
    }

    /** The leaves of a window's instances, each given as its public signals in circuit order. */
    public static List<byte[]> leavesOfSignals(byte[] windowId, List<Fr[]> instances) {
        List<byte[]> out = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            out.add(leafOfSignals(windowId, i, instances.get(i)));
        }
        return out;
    }

    /** The leaves of a window proof's instances, in fold order: what the WindowVerifier hashes. */
    public static List<byte[]> leavesOf(byte[] windowId, WindowProof proof) {
        return leavesOfSignals(windowId, proof.instances().stream().map(CommittedInstance::x).toList());
    }

    private static void requireWord(byte[] b, String what) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + (b == null ? "null" : b.length));
        }
    }
}
