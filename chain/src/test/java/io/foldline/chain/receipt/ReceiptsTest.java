package io.foldline.chain.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.Fr;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leaves, roots and paths against values computed independently with node and js-sha3 (the script is in
 * the comment of {@link #FIVE_LEAVES_ROOT}).
 */
class ReceiptsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String NAME = "digits_mlp/0/1000/0";
    private static final String WINDOW_ID = "df51f3b64ad5fecbbcdb0cda09db117dfa243baa6b71e2d726f07aad7fe684d0";
    private static final String LEAF = "439c0fa49c130d3d8bede7fc5f44a1b41f3e06eb9164f9f48243e267844143b8";
    /**
     * Leaves {@code keccak(id, i, 1000 + i, 7 + i, 5, r - 3)} for i = 0..4, padded to 8 with zero words,
     * parents {@code keccak(left || right)} (js-sha3 {@code keccak256} over the concatenated words).
     */
    private static final String FIVE_LEAVES_ROOT = "db9d9f60d6571edf2c2895235bbf0840c1ff64c1e9544a5fe9338874aacdc2df";
    private static final String[] PATH_OF_LEAF_4 = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "ad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5",
        "8e5413a220c3b2b9f1afd1f92f059633d6f2665af6baadc1fa3b751e4795b66e"};

    @Test
    void leafMatchesTheWorkedExample() {
        byte[] id = Receipts.windowId(NAME);
        assertEquals(WINDOW_ID, HEX.formatHex(id));
        byte[] leaf = Receipts.leaf(id, 1, Fr.of(1001), Fr.of(7), List.of(Fr.of(5), Fr.of(-3)), null);
        assertEquals(LEAF, HEX.formatHex(leaf));
        // the same leaf from the public signals in circuit order: h_in, outputs, tag
        assertArrayEquals(leaf, Receipts.leafOfSignals(id, 1, new Fr[] {Fr.of(7), Fr.of(5), Fr.of(-3), Fr.of(1001)}));
    }

    @Test
    void aClassWordIsTheLastOutputBeforeTheTag() {
        byte[] id = Receipts.windowId(NAME);
        byte[] withClass = Receipts.leaf(id, 2, Fr.of(9), Fr.of(7), List.of(Fr.of(5)), Fr.of(3));
        assertArrayEquals(withClass, Receipts.leafOfSignals(id, 2, new Fr[] {Fr.of(7), Fr.of(5), Fr.of(3), Fr.of(9)}));
        assertFalse(HEX.formatHex(withClass).equals(HEX.formatHex(
                Receipts.leaf(id, 2, Fr.of(9), Fr.of(7), List.of(Fr.of(5)), null))));
    }

    @Test
    void rootAndPathMatchNode() {
        List<byte[]> leaves = fiveLeaves();
        byte[] root = Receipts.root(leaves);
        assertEquals(FIVE_LEAVES_ROOT, HEX.formatHex(root));
        List<byte[]> path = Receipts.path(leaves, 4);
        assertEquals(PATH_OF_LEAF_4.length, path.size());
        for (int i = 0; i < path.size(); i++) {
            assertEquals(PATH_OF_LEAF_4[i], HEX.formatHex(path.get(i)), "sibling " + i);
        }
        for (int i = 0; i < leaves.size(); i++) {
            assertTrue(Receipts.verify(root, leaves.get(i), i, Receipts.path(leaves, i)), "leaf " + i);
        }
    }

    @Test
    void aChangedLeafIndexOrSiblingDoesNotVerify() {
        List<byte[]> leaves = fiveLeaves();
        byte[] root = Receipts.root(leaves);
        List<byte[]> path = Receipts.path(leaves, 2);
        assertFalse(Receipts.verify(root, leaves.get(3), 2, path), "another leaf");
        assertFalse(Receipts.verify(root, leaves.get(2), 3, path), "another index");
        assertFalse(Receipts.verify(root, leaves.get(2), 2 + 8, path), "index beyond the tree");
        List<byte[]> changed = new ArrayList<>(path);
        byte[] s = changed.get(1).clone();
        s[0] ^= 1;
        changed.set(1, s);
        assertFalse(Receipts.verify(root, leaves.get(2), 2, changed), "changed sibling");
        assertFalse(Receipts.verify(root, leaves.get(2), 2, path.subList(0, 2)), "short path");
    }

    @Test
    void oneLeafIsItsOwnRoot() {
        byte[] leaf = HEX.parseHex(LEAF);
        assertArrayEquals(leaf, Receipts.root(List.of(leaf)));
        assertTrue(Receipts.verify(leaf, leaf, 0, List.of()));
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Receipts.leaf(new byte[31], 0, Fr.ONE, Fr.ONE, List.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> Receipts.leaf(new byte[32], -1, Fr.ONE, Fr.ONE, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> Receipts.leafOfSignals(new byte[32], 0, new Fr[] {Fr.ONE}));
        assertThrows(IndexOutOfBoundsException.class, () -> Receipts.path(fiveLeaves(), 5));
    }

    private static List<byte[]> fiveLeaves() {
        byte[] id = Receipts.windowId(NAME);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leaves.add(Receipts.leaf(id, i, Fr.of(1000 + i), Fr.of(7 + i), List.of(Fr.of(5), Fr.of(-3)), null));
        }
        return leaves;
    }
}
