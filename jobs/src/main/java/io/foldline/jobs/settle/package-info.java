/**
 * The settlement service (DESIGN.md section 5, and the last arrow of section 6): window-proofs topic ->
 * {@link io.foldline.chain.submit.Submitter} -> chain -> Kafka. Topics it writes, all Avro binary
 * ({@code io.foldline.schemas}), in Kafka transactions with the input offsets:
 * <ul>
 *   <li>statuses: {@code SettlementStatus}, key = window id (UTF-8), one per state change (PENDING, SUBMITTED,
 *       CONFIRMED, FAILED with its reason);</li>
 *   <li>settlements: {@code Settlement}, key = window id, one per CONFIRMED window (transaction, block, gas,
 *       receipts root, contract, chain id);</li>
 *   <li>receipts: {@code Receipt}, key = request id, one per inference of a CONFIRMED window (window key, index,
 *       leaf, Merkle path, transaction, block): what {@code isVerified} takes;</li>
 *   <li>dead letters: {@code DeadLetter} (UNDECODABLE, with the original bytes) for input records that are not
 *       WindowProof records.</li>
 * </ul>
 * A window's id on chain is {@code keccak256(utf8(WindowProof.windowId))}; receipts are built from the folded
 * proof's instances, which must match the record's inferences one by one.
 */
package io.foldline.jobs.settle;
