/**
 * The job's Kafka endpoints (DESIGN.md section 6): the requests source (raw records, read_committed) and
 * the EXACTLY_ONCE transactional sinks of window proofs and dead letters, whose values are the plain Avro
 * binary of {@code io.foldline.schemas.WindowProof} and {@code DeadLetter} ({@code AvroBinary}); window
 * proofs carry the UTF-8 window id as their Kafka key, dead letters no key. Dead letters are counted by
 * reason on their way out ({@link io.foldline.jobs.kafka.DeadLetterMetrics}).
 */
package io.foldline.jobs.kafka;
