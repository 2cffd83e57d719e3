/**
 * Proving (DESIGN.md sections 2 and 6): one Groth16 proof per validated request, on a pool of proving
 * threads behind Flink's async I/O ({@link io.foldline.jobs.prove.ProveAsync}), giving an
 * {@code io.foldline.schemas.ProvenInference}.
 *
 * <p>Byte layouts of a ProvenInference: {@code tag} = Keccak-256(UTF-8 requestId) mod r and
 * {@code commitment} = h_in, each a 32-byte big-endian word; {@code outputs} are the signed quantized
 * logits (their public signals are the values modulo r, so -3 is the word r - 3 =
 * {@code 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593effffffe});
 * {@code proof} is 256 bytes: A.x, A.y, B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y (the EVM's order). The
 * public signals of the proof are, in order: h_in, the logits, the class (classifier heads), the tag.
 * Example: the tag of request id "r1" is keccak256("r1") read big-endian, reduced modulo r.
 */
package io.foldline.jobs.prove;
