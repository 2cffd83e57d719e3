/**
 * The Flink proving job (DESIGN.md section 6): Kafka inference requests in, validated, proved, grouped into
 * size-or-age event-time windows per (model, shard), window proofs and dead letters out to Kafka, exactly
 * once. A model with window keys ({@code models.<id>.window-keys}) is folded: each inference is committed
 * and folded into its window as it arrives, and the window's output is one FOLDED window proof (DESIGN.md
 * section 4); a model without them has BATCH windows of one Groth16 proof per inference. {@link io.foldline.jobs.ProvingJob} builds the topology,
 * {@link io.foldline.jobs.JobConfig} reads {@code --config job.yaml} and flags,
 * {@link io.foldline.jobs.Preflight} checks models and broker before submitting.
 *
 * <p>Configuration file example (every key can also be a flag, {@code --window.size 32}; relative paths in
 * the file are relative to the file):
 * <pre>
 * kafka:
 *   bootstrap-servers: 127.0.0.1:9092
 * models:
 *   digits_mlp:
 *     dir: models/digits_mlp
 *     zkey: models/digits_mlp.zkey
 *   digits_cnn:
 *     dir: models/digits_cnn
 *     window-keys: models/digits_cnn.window   # FOLDED windows; no zkey needed
 * window:
 *   size: 64
 *   max-age: 30s
 * parallelism: 2
 * </pre>
 * The wire format of every topic is in {@code io.foldline.schemas}.
 */
package io.foldline.jobs;
