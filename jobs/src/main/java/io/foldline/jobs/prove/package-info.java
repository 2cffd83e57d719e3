/**
 * Proving (DESIGN.md sections 2, 4 and 6): per validated request, on a pool of proving threads behind
 * Flink's async I/O ({@link io.foldline.jobs.prove.ProveAsync}), the witness and then one Groth16 proof
 * (BATCH models) or the fresh folding instance (folded models: {@code K_i}, a hiding commitment to the
 * witness, and optionally the Groth16 proof too), giving an {@code io.foldline.schemas.ProvenInference}. A
 * folded model's witness goes on to the window step inside the internal {@link io.foldline.jobs.prove.Proven}
 * record only (bytes of {@code io.foldline.aggregation.WindowAccumulatorBytes#encodeFresh}); it is never
 * written to a topic or a log.
 *
 * <p>Byte layouts of a ProvenInference: {@code tag} = Keccak-256(UTF-8 requestId) mod r and
 * {@code commitment} = h_in, each a 32-byte big-endian word; {@code outputs} are the signed quantized
 * logits (their public signals are the values modulo r, so -3 is the word r - 3 =
 * {@code 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593effffffe});
 * {@code proof} is 256 bytes: A.x, A.y, B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y (the EVM's order), or empty
 * for a folded model without standalone proofs; {@code instanceCommitment} (folded models, else null) is
 * K_i as 64 bytes, x then y. The public signals of the proof (and the x_i of the folding instance) are, in
 * order: h_in, the logits, the class (classifier heads), the tag.
 * Example: the tag of request id "r1" is keccak256("r1") read big-endian, reduced modulo r.
 */
package io.foldline.jobs.prove;
