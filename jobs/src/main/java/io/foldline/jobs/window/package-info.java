/**
 * The (model, shard) key of proving and windows ({@link io.foldline.jobs.window.ModelShard}, balanced over
 * subtasks), and windows of proven inferences per (model, shard), closed on size or on event-time age
 * ({@link io.foldline.jobs.window.SizeOrAgeWindows}), and their receipt leaves and root
 * ({@link io.foldline.jobs.window.ReceiptLeaf}); DESIGN.md sections 4, 5 and 6. A BATCH window (a model
 * without window keys) is its inferences with one Groth16 proof each, plus the Keccak Merkle root of their
 * receipt leaves. A FOLDED window (a model with window keys) folds each inference into an accumulator in
 * keyed state as it arrives ({@link io.foldline.jobs.window.WindowFolding}; state bytes as in
 * {@code io.foldline.aggregation}'s package documentation), lists its inferences in that fold order, and is
 * closed by the decider in its own async stage ({@link io.foldline.jobs.window.DecideAsync}): the output
 * carries {@code foldedProof}, the window proof file, whose instances are the listed inferences in order.
 *
 * <p>Receipt leaf of inference {@code i} (0-based, in window order) of window {@code windowId}, every word
 * 32 bytes big-endian:
 * <pre>
 * leaf = keccak256( keccak256(utf8(windowId)) || uint256(i) || tag || h_in || y_0 || ... || y_{n-1} [|| class] )
 * </pre>
 * where tag and h_in are the ProvenInference's {@code tag} and {@code commitment}, y_j are its
 * {@code outputs} as field elements (a negative logit v is the word r + v), and the class word is present
 * when the model has a classifier head. These are the proof's public output words, so a contract holding
 * a verified proof's public signals rebuilds the leaf. The tree is {@code io.foldline.crypto.hash.MerkleTree}
 * (zero-padded to a power of two, parent = keccak256(left || right)). Example: window "digits_mlp/0/1000/0",
 * inference 1 with 10 logits and a class hashes 32 + 32 + 32 + 32 + 10 * 32 + 32 = 480 bytes.
 */
package io.foldline.jobs.window;
