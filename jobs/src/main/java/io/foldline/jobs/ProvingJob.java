package io.foldline.jobs;

import io.foldline.circuits.FormatException;
import io.foldline.jobs.kafka.DeadLetterMetrics;
import io.foldline.jobs.kafka.KafkaEndpoints;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.prove.ProveAsync;
import io.foldline.jobs.prove.ProveOutcome;
import io.foldline.jobs.prove.Proven;
import io.foldline.jobs.prove.SplitOutcomes;
import io.foldline.jobs.source.RawRecord;
import io.foldline.jobs.source.RequestEventTime;
import io.foldline.jobs.validate.Accepted;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.jobs.validate.DeduplicateRequests;
import io.foldline.jobs.validate.ValidateRequests;
import io.foldline.jobs.window.DecideAsync;
import io.foldline.jobs.window.ModelShard;
import io.foldline.jobs.window.SizeOrAgeWindows;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.WindowProof;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proving job (DESIGN.md section 6), built the flink-training way: {@link #requests} and {@link #build}
 * assemble the topology from any source of raw records and any two sinks, so tests inject theirs;
 * {@link #main} only wires Kafka from a {@link JobConfig}.
 *
 * <pre>
 * requests (event time, watermarks) -> validate -> keyBy(requestId) dedup -> keyBy(model, shard) prove (async)
 *   -> split -> keyBy(model, shard) size-or-age windows -> BATCH windows ---------------------> window-proofs sink
 *                                    (folded models: fold on arrival) -> closed FOLDED windows -> decide (async) -^
 * dead letters of validate, dedup, prove and windows -> count by reason -> dead-letters sink
 * </pre>
 *
 * Operator uids are part of the job's savepoint compatibility: change one only with a state migration.
 */
public final class ProvingJob {
    public static final String NAME = "foldline proving";
    /** Closed windows in flight per decider subtask: each holds its accumulator (witness-sized). */
    static final int DECIDER_CAPACITY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ProvingJob.class);

    private ProvingJob() {
    }

    /** The execution environment of {@code cfg}: parallelism, exactly-once checkpoints, restarts. */
    public static StreamExecutionEnvironment environment(JobConfig cfg) {
        JobConfig.Execution e = cfg.execution();
        Configuration c = new Configuration();
        if (e.restartAttempts() == 0) {
            c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        } else {
            c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, e.restartAttempts());
            c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        }
        // every record type has a Flink or Avro serializer; a Kryo fallback would be a mistake, so refuse it
        c.set(PipelineOptions.GENERIC_TYPES, false);
        // Proving is slow, so the job is back-pressured by design and the network buffers in front of the
        // proving step hold many requests. An aligned barrier would wait behind all of them (tens of seconds,
        // past the Kafka transaction timeout); an unaligned one overtakes them and stores them in the checkpoint.
        c.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(c);
        env.setParallelism(e.parallelism());
        env.setMaxParallelism(e.maxParallelism()); // fixed: ModelShard keys are chosen for it
        env.enableCheckpointing(e.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /**
     * The raw requests with event times read from the records and per-partition bounded-out-of-orderness
     * watermarks; a partition silent for the idleness period stops holding the watermark back.
     */
    public static DataStream<RawRecord> requests(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source,
                                                 JobConfig.Windows w) {
        WatermarkStrategy<RawRecord> watermarks = WatermarkStrategy
                .<RawRecord>forBoundedOutOfOrderness(w.outOfOrderness())
                .withTimestampAssigner(new RequestEventTime())
                .withIdleness(w.idleness());
        return env.fromSource(source, watermarks, "inference requests", TypeInformation.of(RawRecord.class))
                .uid("requests-source");
    }

    /** The two outputs of the topology, before their sinks. */
    public record Outputs(DataStream<WindowProof> windowProofs, DataStream<DeadLetter> deadLetters) {
    }

    /** Everything after the source: validation, de-duplication, proving, windows, the two sinks. */
    public static void build(DataStream<RawRecord> requests, Sink<WindowProof> windowProofs,
                             Sink<DeadLetter> deadLetters, JobConfig cfg) {
        Outputs out = topology(requests, cfg);
        out.windowProofs().sinkTo(windowProofs).uid("window-proofs-sink").name("window proofs to Kafka");
        out.deadLetters().sinkTo(deadLetters).uid("dead-letters-sink").name("dead letters to Kafka");
    }

    /**
     * Validation, de-duplication, proving and windows, up to (not including) the sinks: {@link #build} adds
     * them; a test may put an operator in between (a fault injector).
     */
    public static Outputs topology(DataStream<RawRecord> requests, JobConfig cfg) {
        ModelShard.Keys shards = new ModelShard.Keys(cfg.windows().shards(), cfg.execution().maxParallelism());
        SingleOutputStreamOperator<Accepted> valid = requests
                .process(new ValidateRequests(cfg.models()), TypeInformation.of(Accepted.class))
                .uid("validate").name("validate requests");
        SingleOutputStreamOperator<Accepted> unique = valid
                .keyBy(new DeduplicateRequests.RequestId(), Types.STRING)
                .process(new DeduplicateRequests(cfg.dedupTtl()), TypeInformation.of(Accepted.class))
                .uid("dedup").name("drop duplicate request ids");
        JobConfig.Proving p = cfg.proving();
        SingleOutputStreamOperator<ProveOutcome> outcomes = AsyncDataStream.unorderedWait(
                        unique.keyBy(new ModelShard.OfAccepted(shards), TypeInformation.of(ModelShard.class)),
                        new ProveAsync(cfg.models(), p.threads(), p.timeout()),
                        p.timeout().toMillis(), TimeUnit.MILLISECONDS, p.capacity())
                .uid("prove").name("prove (async, by model and shard)");
        SingleOutputStreamOperator<Proven> proven = outcomes
                .process(new SplitOutcomes(), TypeInformation.of(Proven.class))
                .uid("split-proofs").name("split proofs and failures");
        SingleOutputStreamOperator<WindowProof> windows = proven
                .keyBy(new ModelShard.OfProven(shards), TypeInformation.of(ModelShard.class))
                .process(new SizeOrAgeWindows(cfg.windows().size(), cfg.windows().maxAge(), cfg.models()),
                        TypeInformation.of(WindowProof.class))
                .uid("windows").name("size-or-age windows (fold as they fill)");
        DataStream<WindowProof> all = windows;
        logModes(cfg);
        if (cfg.models().values().stream().anyMatch(ModelSpec::folded)) {
            all = windows.union(AsyncDataStream.unorderedWait(windows.getSideOutput(SizeOrAgeWindows.FOLDED),
                            new DecideAsync(cfg.models(), p.timeout()), p.timeout().toMillis(), TimeUnit.MILLISECONDS,
                            DECIDER_CAPACITY)
                    .uid("decide").name("decide folded windows (async)"));
        }
        DataStream<DeadLetter> dead = valid.getSideOutput(DeadLetters.TAG)
                .union(unique.getSideOutput(DeadLetters.TAG), proven.getSideOutput(DeadLetters.TAG),
                        windows.getSideOutput(DeadLetters.TAG))
                .map(new DeadLetterMetrics(), TypeInformation.of(DeadLetter.class))
                .uid("dead-letter-metrics").name("count dead letters by reason");
        return new Outputs(all, dead);
    }

    private static void logModes(JobConfig cfg) {
        for (ModelSpec m : cfg.models().values()) {
            if (m.folded()) {
                LOG.info("model {}: FOLDED windows (window keys {}; standalone Groth16 proofs {})", m.id(),
                        m.windowKeys(), m.groth16() ? "on" : "off");
            } else {
                LOG.info("model {}: BATCH windows (one Groth16 proof per inference; no window keys)", m.id());
            }
        }
    }

    /**
     * {@code --config job.yaml} and {@code --key value} flags ({@link JobConfig#HELP}); checks the models
     * and the broker first, and stops with a message (exit 2) when the configuration does not fit.
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("usage: ProvingJob [--config job.yaml] [--key value ...]\n" + JobConfig.HELP);
            return;
        }
        // Avro 1.12 instantiates only trusted classes; a cluster's task managers need the same -D option
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.foldline.schemas");
        }
        JobConfig cfg;
        try {
            cfg = JobConfig.parse(args);
            Preflight.check(cfg, Preflight.DEFAULT_TIMEOUT);
        } catch (FormatException | JobSetupException e) {
            System.err.println("foldline job: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = environment(cfg);
        buildOnKafka(env, cfg);
        env.execute(NAME);
    }

    /** The whole job on {@code env} with the Kafka source and sinks of {@code cfg}: what {@link #main} runs. */
    public static void buildOnKafka(StreamExecutionEnvironment env, JobConfig cfg) {
        JobConfig.Kafka k = cfg.kafka();
        build(requests(env, KafkaEndpoints.requests(k.bootstrapServers(), k.requestsTopic(), k.groupId(), k.bounded()),
                        cfg.windows()),
                KafkaEndpoints.windowProofs(k.bootstrapServers(), k.windowProofsTopic(), k.transactionalIdPrefix(),
                        k.transactionTimeout()),
                KafkaEndpoints.deadLetters(k.bootstrapServers(), k.deadLettersTopic(), k.transactionalIdPrefix(),
                        k.transactionTimeout()),
                cfg);
    }
}
