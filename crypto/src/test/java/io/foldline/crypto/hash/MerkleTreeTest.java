package io.foldline.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static byte[] leaf(int i) {
        byte[] b = new byte[32];
        b[31] = (byte) i;
        b[0] = (byte) (i * 7 + 1);
        return b;
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(leaf(i));
        }
        return l;
    }

    @Test
    void rootIsTheHashOfPairsPaddedWithZeroWords() {
        // three leaves: ((l0, l1), (l2, 0)) computed by hand
        byte[] zero = new byte[32];
        byte[] expected = Keccak256.digest(Keccak256.digest(leaf(0), leaf(1)), Keccak256.digest(leaf(2), zero));
        assertArrayEquals(expected, new MerkleTree(leaves(3)).root());
        assertArrayEquals(leaf(5), new MerkleTree(List.of(leaf(5))).root());
        assertArrayEquals(zero, new MerkleTree(List.of()).root());
    }

    @Test
    void everyPathVerifiesAndNothingElseDoes() {
        for (int n : new int[] {1, 2, 5, 16, 17}) {
            MerkleTree t = new MerkleTree(leaves(n));
            for (int i = 0; i < n; i++) {
                List<byte[]> path = t.path(i);
                assertTrue(MerkleTree.verify(t.root(), i, leaf(i), path), n + " leaves, leaf " + i);
                byte[] changed = leaf(i);
                changed[3] ^= 1;
                assertFalse(MerkleTree.verify(t.root(), i, changed, path), "changed leaf");
                if (!path.isEmpty()) {
                    List<byte[]> bad = new ArrayList<>(path);
                    byte[] s = bad.get(0).clone();
                    s[0] ^= 1;
                    bad.set(0, s);
                    assertFalse(MerkleTree.verify(t.root(), i, leaf(i), bad), "changed path");
                    assertFalse(MerkleTree.verify(t.root(), i ^ 1, leaf(i), path), "wrong index");
                }
            }
        }
    }
}
