/**
 * Receipts of settled inferences (DESIGN.md section 5): the receipt leaf of inference {@code i} of a window,
 * the window's Keccak Merkle root over its leaves, the Merkle path of one leaf and its verification, at the
 * byte level (no Avro), so that the streaming job, the submitter and the Solidity {@code WindowVerifier}
 * compute the same words.
 *
 * <h2>Leaf</h2>
 * Every item is one 32-byte big-endian word:
 * <pre>
 *   leaf = keccak256( windowId || uint256(i) || tag || h_in || y_0 || ... || y_(k-1) [|| class] )
 *   windowId = keccak256(utf8(window name))       the bytes32 the contract is called with
 * </pre>
 * tag, h_in ({@code commitment}), the outputs {@code y_j} (a negative logit v is the field word r + v) and
 * the class (classifier heads only) are the model circuit's public signals. In circuit order they are
 * {@code h_in, y..., [class], tag}; the leaf moves the tag to the front and keeps the rest in order, so a
 * contract that holds an instance's public signals {@code x[0..n)} hashes {@code x[n-1], x[0], ..., x[n-2]}
 * and never needs to know whether the model has a class. The same bytes as
 * {@code io.foldline.jobs.window.ReceiptLeaf}.
 *
 * <h2>Tree</h2>
 * {@link io.foldline.crypto.hash.MerkleTree}: the leaves in window order, zero words up to the next power of
 * two, parent {@code keccak256(left || right)} with the left child at the even index; the root of one leaf
 * is the leaf. A path lists the siblings from the leaf's level up; its length is {@code ceil(log2 N)}.
 *
 * <h2>Worked example</h2>
 * (Checked by {@code ReceiptsTest} against node and js-sha3.) Window name {@code "digits_mlp/0/1000/0"},
 * inference 1, tag 1001, h_in 7, outputs {@code (5, -3)}, no class: the hashed 192 bytes are the words
 * {@code keccak256("digits_mlp/0/1000/0")}, 1, 1001 (0x3e9), 7, 5 and {@code r - 3}
 * ({@code 30644e72e131a029b85045b68181585d2833e84879b9709143e1f593effffffe}):
 * <pre>
 *   windowId = df51f3b64ad5fecbbcdb0cda09db117dfa243baa6b71e2d726f07aad7fe684d0
 *   leaf     = 439c0fa49c130d3d8bede7fc5f44a1b41f3e06eb9164f9f48243e267844143b8
 * </pre>
 */
package io.foldline.chain.receipt;
