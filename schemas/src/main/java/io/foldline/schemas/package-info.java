/**
 * The Avro records on Foldline's Kafka topics (DESIGN.md section 6), generated from
 * {@code src/main/avro/*.avsc}: {@code InferenceRequest} (inference-requests), {@code ProvenInference},
 * {@code WindowProof} (window-proofs), {@code Receipt} (receipts) and {@code DeadLetter} (dead letters).
 *
 * <p>Wire format: the plain Avro binary encoding of one record per Kafka value, without header or
 * schema id ({@link io.foldline.schemas.AvroBinary}); there is no schema registry, so readers and writers
 * agree by these schemas. Crypto values travel as {@code bytes}: field elements and hashes as 32-byte
 * big-endian words, a Groth16 proof as 256 bytes in the EVM's order (A, B with the imaginary part first,
 * C). Example: an {@code InferenceRequest} with requestId "r1", modelId "m", eventTime 1000, input [0.5],
 * no salt and no metadata encodes as {@code 04 72 31 | 02 6d | d0 0f | 02 00 00 00 00 00 00 e0 3f 00 | 00 | 00}
 * (length-prefixed strings with zigzag varints, the long 1000 as zigzag varint, an array block of count 1 (zigzag 02),
 * one little-endian double, then the end marker, the union's null branch, an empty map).
 *
 * <p>Evolution: records only gain fields with defaults, and enums have a default symbol, so a consumer
 * built against an older schema still reads newer records. {@code src/test/resources/released} holds the
 * schemas consumers are known to use; a test checks both directions of compatibility against them.
 */
package io.foldline.schemas;
