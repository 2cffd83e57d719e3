package io.foldline.crypto.hash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Keccak-256 Merkle tree of a window's receipt leaves (DESIGN.md section 5), in the form a Solidity
 * verifier recomputes cheaply: leaves are 32-byte words, the level is padded to a power of two with zero
 * words, and a parent is {@code keccak256(left || right)} with the left child at the even index (no
 * sorting, so a proof also fixes the leaf's index). The root of zero leaves is the zero word; of one leaf,
 * the leaf itself. A path lists the siblings from the leaf's level up; {@link #verify} folds it by the
 * index bits, as {@code isVerified} will on chain.
 */
public final class MerkleTree {
    private final List<byte[][]> levels = new ArrayList<>();

    public MerkleTree(List<byte[]> leaves) {
        int n = 1;
        while (n < leaves.size()) {
            n <<= 1;
        }
        byte[][] level = new byte[n][];
        for (int i = 0; i < n; i++) {
            level[i] = i < leaves.size() ? word(leaves.get(i), "leaf " + i) : new byte[32];
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = Keccak256.digest(level[2 * i], level[2 * i + 1]);
            }
            levels.add(up);
            level = up;
        }
    }

    public byte[] root() {
        byte[][] top = levels.get(levels.size() - 1);
        return top.length == 0 ? new byte[32] : top[0].clone();
    }

    /** The siblings of leaf {@code index}, bottom up. */
    public List<byte[]> path(int index) {
        if (index < 0 || index >= levels.get(0).length) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + levels.get(0).length);
        }
        List<byte[]> out = new ArrayList<>();
        for (int l = 0, i = index; l < levels.size() - 1; l++, i >>= 1) {
            out.add(levels.get(l)[i ^ 1].clone());
        }
        return out;
    }

    /** Whether {@code leaf} at {@code index} with {@code path} hashes up to {@code root}. */
    public static boolean verify(byte[] root, int index, byte[] leaf, List<byte[]> path) {
        if (index < 0 || (path.size() < 31 && index >= 1 << path.size())) {
            return false;
        }
        byte[] h = leaf;
        int i = index;
        for (byte[] sibling : path) {
            if (sibling.length != 32) {
                return false;
            }
            h = (i & 1) == 0 ? Keccak256.digest(h, sibling) : Keccak256.digest(sibling, h);
            i >>= 1;
        }
        return Arrays.equals(h, root);
    }

    private static byte[] word(byte[] b, String what) {
        if (b.length != 32) {
            throw new IllegalArgumentException(what + " has " + b.length + " bytes, expected 32");
        }
        return b.clone();
    }
}
