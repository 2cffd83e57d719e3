/**
 * The job's input: Kafka records of the inference-requests topic kept as raw bytes with their topic,
 * partition, offset and Kafka timestamp ({@link io.foldline.jobs.source.RawRecord}), and their event time
 * for per-partition watermarks ({@link io.foldline.jobs.source.RequestEventTime}); DESIGN.md section 6.
 *
 * <p>The value is the plain Avro binary encoding of {@code io.foldline.schemas.InferenceRequest} (see
 * {@code io.foldline.schemas} for the layout). Its first three fields are requestId (string), modelId
 * (string), eventTime (long, epoch milliseconds): a string is a zigzag varint length then UTF-8, a long a
 * zigzag varint. Example: requestId "r1", modelId "m", eventTime 1000 start {@code 04 72 31 02 6d d0 0f}:
 * 04 = length 2, "r1"; 02 = length 1, "m"; d0 0f = zigzag(1000) = 2000 as a little-endian base-128 varint.
 */
package io.foldline.jobs.source;
