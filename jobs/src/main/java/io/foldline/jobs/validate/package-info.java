/**
 * Validation and de-duplication of inference requests (DESIGN.md section 6, "validate"): every record that
 * cannot be proved leaves here as an {@code io.foldline.schemas.DeadLetter} with a reason, a message, its
 * original bytes and its topic, partition, offset and Kafka timestamp; the others continue as
 * {@link io.foldline.jobs.validate.Accepted}. Example message: {@code request r-7: input has 10 values,
 * model digits_mlp takes 64 (inference-requests[1]@42)}.
 */
package io.foldline.jobs.validate;
