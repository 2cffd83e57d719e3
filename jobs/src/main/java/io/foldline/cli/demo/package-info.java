/**
 * {@code foldline demo}, the streaming pipeline of DESIGN.md section 6 end to end on one machine, and the
 * Java steps of {@code infra/cluster-run.sh} (DESIGN.md section 7: a broker process from Maven jars, a
 * local Flink for the demo, a standalone cluster for the failover run).
 *
 * <p>{@link io.foldline.cli.demo.PipelineDemo} runs the steps; {@link io.foldline.cli.demo.DemoModel} is the
 * one place where a model's entry in the job's configuration is written (window keys and settlement settings
 * go there); {@link io.foldline.cli.demo.RequestWorkload} sends valid and malformed requests and remembers
 * what each must become; {@link io.foldline.cli.demo.ExactlyOnce} checks the read_committed outputs against
 * that. Records on the topics are raw Avro binary without a header ({@code io.foldline.schemas}); the demo
 * writes each window proof to {@code <out>/pipeline-<time>/windows/<windowId>.avro} with exactly the bytes of
 * its Kafka record (an Avro {@code WindowProof}), and {@code summary.json} beside it:
 * <pre>
 * {"model": "digits_mlp", "parallelism": 2, "validRequests": 360, "malformedRecords": 10, "proofs": 360,
 *  "windows": 12, "deadLettersByReason": {"DUPLICATE_REQUEST": 2, ...}, "exactlyOnce": true, "problems": [],
 *  "throughputInferencesPerSecond": 3.435, "deliverySeconds": 104.810, "jobSeconds": 104.888,
 *  "latencySeconds": {"p50": 71.366, "p95": 104.943, "max": 104.948},
 *  "proveMillis": {"mean": 514.342, "p50": 482.000, "p95": 860.000}, "bootstrapServers": "127.0.0.1:19092",
 *  "topics": {"requests": ..., "windowProofs": ..., "deadLetters": ...}, "windowsDir": "..."}
 * </pre>
 */
package io.foldline.cli.demo;
