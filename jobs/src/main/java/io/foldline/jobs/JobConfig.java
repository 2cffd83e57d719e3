package io.foldline.jobs;

import io.foldline.circuits.FormatException;
import io.foldline.jobs.model.ModelSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the proving job needs to run, from {@code --config job.yaml} and flags (flags win); see
 * {@link #HELP} for the keys and their defaults. Building one checks the values themselves (types, ranges,
 * required keys, a transaction timeout longer than the checkpoint interval); {@link Preflight} checks them
 * against the world (model files, broker, topics).
 */
public record JobConfig(Kafka kafka, Map<String, ModelSpec> models, Windows windows, Proving proving,
                        Execution execution, Duration dedupTtl) {

    /** Where the job reads and writes. */
    public record Kafka(String bootstrapServers, String groupId, String requestsTopic, String windowProofsTopic,
                        String deadLettersTopic, String transactionalIdPrefix, Duration transactionTimeout,
                        boolean bounded) {
    }

    /** Size-or-age windows per (model, shard), and the watermarks that close them. */
    public record Windows(int size, Duration maxAge, int shards, Duration outOfOrderness, Duration idleness) {
    }

    /** Proving threads per proving subtask, requests in flight per subtask, and the per-request timeout. */
    public record Proving(int threads, int capacity, Duration timeout) {
    }

    public record Execution(int parallelism, int maxParallelism, Duration checkpointInterval, int restartAttempts) {
    }

    static final String HELP = """
              kafka.bootstrap-servers        host:port[,host:port] (required)
              kafka.group-id                 consumer group of the requests source (foldline-proving)
              kafka.transactional-id-prefix  prefix of the sinks' transactional ids (foldline-proving)
              kafka.transaction-timeout      Kafka transaction timeout, above checkpoint.interval and below
                                             the broker's transaction.max.timeout.ms (60s)
              topics.requests                inference requests (inference-requests)
              topics.window-proofs           window proofs (window-proofs)
              topics.dead-letters            dead letters (dead-letters)
              models.<id>.dir                compiled-model folder of model <id> (required, one per model)
              models.<id>.zkey               its Groth16 proving key (required unless the model is folded
                                             without standalone proofs)
              models.<id>.window-keys        its window keys folder (foldline window setup): the model's
                                             windows are then FOLDED (one folded proof per window); without
                                             it, BATCH (one Groth16 proof per inference)
              models.<id>.groth16            a standalone Groth16 proof per inference too (true without
                                             window keys, where it is required; false with them)
              window.size                    a window closes at this many inferences (64)
              window.max-age                 ... or when the watermark passes its first event time + this (30s)
              window.shards                  windows (and proving subtasks) per model (the parallelism)
              watermarks.out-of-orderness    how far event time may go backwards (5s)
              watermarks.idleness            a partition silent this long stops holding watermarks back (30s)
              parallelism                    (1)
              max-parallelism                key groups of keyed state; fixed once a job has state (128)
              checkpoint.interval            (10s)
              restart.attempts               restarts after a failure before the job fails (3)
              proving.threads                proving threads per proving subtask (1)
              proving.capacity               requests in flight per proving subtask (2 x proving.threads)
              proving.timeout                a proof taking longer becomes a PROOF_FAILED dead letter (5min)
              dedup.ttl                      how long a request id is remembered for duplicates (24h)
              source.bounded                 stop at the offsets that were latest at start (false)
            """;

    private static final Set<String> KEYS = Set.of("kafka.bootstrap-servers", "kafka.group-id",
            "kafka.transactional-id-prefix", "kafka.transaction-timeout", "topics.requests", "topics.window-proofs",
            "topics.dead-letters", "window.size", "window.max-age", "window.shards", "watermarks.out-of-orderness",
            "watermarks.idleness", "parallelism", "max-parallelism", "checkpoint.interval", "restart.attempts", "proving.threads",
            "proving.capacity", "proving.timeout", "dedup.ttl", "source.bounded");

    public JobConfig {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** From command-line arguments: {@code --config file} and {@code --key value} flags. */
    public static JobConfig parse(String... args) {
        return of(Settings.parse(args));
    }

    static JobConfig of(Settings s) {
        s.rejectUnknown(k -> KEYS.contains(k) || isModelKey(k), HELP);
        Execution exec = new Execution(s.integer("parallelism", 1, 1), s.integer("max-parallelism", 128, 1),
                s.duration("checkpoint.interval", Duration.ofSeconds(10)), s.integer("restart.attempts", 3, 0));
        if (exec.parallelism() > exec.maxParallelism()) {
            throw new FormatException("parallelism (" + exec.parallelism() + ") must not exceed max-parallelism ("
                    + exec.maxParallelism() + ")");
        }
        Kafka kafka = new Kafka(s.required("kafka.bootstrap-servers", "the Kafka brokers, host:port"),
                s.text("kafka.group-id", "foldline-proving"),
                s.text("topics.requests", "inference-requests"), s.text("topics.window-proofs", "window-proofs"),
                s.text("topics.dead-letters", "dead-letters"),
                s.text("kafka.transactional-id-prefix", "foldline-proving"),
                s.duration("kafka.transaction-timeout", Duration.ofSeconds(60)), s.bool("source.bounded", false));
        if (kafka.transactionTimeout().compareTo(exec.checkpointInterval()) <= 0) {
            throw new FormatException("kafka.transaction-timeout (" + kafka.transactionTimeout() + ") must be longer "
                    + "than checkpoint.interval (" + exec.checkpointInterval() + "): a transaction stays open from one "
                    + "checkpoint to the next");
        }
        Windows windows = new Windows(s.integer("window.size", 64, 1),
                s.duration("window.max-age", Duration.ofSeconds(30)),
                s.integer("window.shards", exec.parallelism(), 1, exec.maxParallelism()),
                s.duration("watermarks.out-of-orderness", Duration.ofSeconds(5)),
                s.duration("watermarks.idleness", Duration.ofSeconds(30)));
        int threads = s.integer("proving.threads", 1, 1);
        Proving proving = new Proving(threads, s.integer("proving.capacity", 2 * threads, 1),
                s.duration("proving.timeout", Duration.ofMinutes(5)));
        return new JobConfig(kafka, models(s), windows, proving, exec, s.duration("dedup.ttl", Duration.ofHours(24)));
    }

    private static boolean isModelKey(String k) {
        return k.startsWith("models.") && (k.endsWith(".dir") || k.endsWith(".zkey") || k.endsWith(".window-keys")
                || k.endsWith(".groth16")) && k.lastIndexOf('.') > "models.".length();
    }

    private static Map<String, ModelSpec> models(Settings s) {
        Map<String, ModelSpec> out = new LinkedHashMap<>();
        for (String id : s.modelIds()) {
            out.put(id, model(s, id));
        }
        if (out.isEmpty()) {
            throw new FormatException("missing setting models.<id>.dir and models.<id>.zkey: the job serves no "
                    + "model; name at least one (for example --models.digits_mlp.dir build/digits_mlp "
                    + "--models.digits_mlp.zkey build/digits_mlp.zkey)");
        }
        return out;
    }

    private static ModelSpec model(Settings s, String id) {
        String what = "model " + id;
        String key = "models." + id + ".";
        String dir = s.path(key + "dir", what + ": its compiled-model folder").toString();
        String windowKeys = s.has(key + "window-keys")
                ? s.path(key + "window-keys", what + ": its window keys folder").toString() : null;
        boolean groth16 = s.bool(key + "groth16", windowKeys == null);
        if (!groth16 && windowKeys == null) {
            throw new FormatException(key + "groth16 = false needs " + key + "window-keys: a model without "
                    + "window keys has BATCH windows, one Groth16 proof per inference");
        }
        String zkey = groth16 || s.has(key + "zkey") ? s.path(key + "zkey", what + ": its proving key").toString()
                : null;
        return new ModelSpec(id, dir, zkey, windowKeys, groth16);
    }
}
