package io.foldline.cli.demo;

import io.foldline.chain.evm.Tools;
import io.foldline.cli.Console;
import io.foldline.jobs.JobConfig;
import io.foldline.jobs.Preflight;
import io.foldline.jobs.ProvingJob;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code foldline demo}: the streaming pipeline end to end on one machine. It prepares the model (cached),
 * makes sure a Kafka broker runs, creates this run's topics, sends the requests with a few malformed records,
 * runs the proving job on a local Flink with a bounded source, prints progress while it runs, then checks the
 * outputs exactly once and summarizes; last, the folded windows settle on a local anvil through the submitter
 * ({@link DemoSettlement}), with the gas per window and per inference.
 */
public final class PipelineDemo {
    /** What the user asked for; {@code bootstrap} null means the local infra/kafka.sh broker. */
    public record Options(int requests, int malformed, int parallelism, boolean keepBroker, String bootstrap,
                          Path out, Path root, boolean settle) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int WINDOW_SIZE = 32;

    private final Options opt;
    private final Console out;

    public PipelineDemo(Options opt, Console out) {
        this.opt = opt;
        this.out = out;
    }

    /** Runs the demo; 0 when the outputs are exactly right, 1 when they are not. */
    public int run() throws Exception {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.foldline.schemas");
        }
        DemoModel model = DemoModel.of(DemoModel.DIGITS, opt.root().resolve("circuits/src/test/resources/models"),
                opt.root().resolve(".cache/demo"), true).prepare(out);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = opt.out().resolve("pipeline-" + run);
        Files.createDirectories(dir.resolve("windows"));
        try (LocalBroker broker = opt.bootstrap() != null ? LocalBroker.external(opt.bootstrap(), out)
                : LocalBroker.local(opt.root(), opt.keepBroker(), out)) {
            DemoTopics topics = DemoTopics.forRun(run);
            broker.createTopics(topics, opt.parallelism());
            JobConfig cfg = JobConfig.parse(jobArgs(model, topics, broker.bootstrap()).toArray(String[]::new));
            Preflight.check(cfg, Preflight.DEFAULT_TIMEOUT);

            RequestWorkload workload = new RequestWorkload("req-" + run, opt.requests(), opt.malformed(),
                    model.testRows(), model.id());
            RequestWorkload.Sent sent = workload.produce(broker.bootstrap(), topics.requests());
            out.progress("sent %d requests (%d valid, %d malformed) to %s", sent.total(),
                    sent.validSentAtMillis().size(), sent.malformedByAddress().size(), topics.requests());

            DemoReport report;
            List<WindowProof> seen;
            try (OutputWatcher watcher = new OutputWatcher(broker.bootstrap(), topics.windowProofs(),
                    topics.deadLetters(), dir.resolve("windows")).start()) {
                long start = System.currentTimeMillis();
                runJob(cfg, sent, watcher);
                long end = System.currentTimeMillis();
                watcher.drain(Duration.ofSeconds(60));
                List<String> problems = ExactlyOnce.problems(sent,
                        watcher.windows().stream().map(OutputWatcher.SeenWindow::window).toList(),
                        watcher.deadLetters());
                seen = watcher.windows().stream().map(OutputWatcher.SeenWindow::window).toList();
                report = DemoReport.of(model.id(), topics, broker.bootstrap(), opt.parallelism(), sent,
                        watcher.windows(), watcher.deadLetters(), start, end, problems, dir);
            }
            report.writeJson(dir.resolve("summary.json"));
            report.print(out);
            boolean settled = !opt.settle() || settle(model, seen, broker.bootstrap(), topics, dir);
            out.println("  " + broker.stopNote());
            return report.problems().isEmpty() && settled ? 0 : 1;
        } // closing the broker stops it when this run started it (and --keep-broker was not given)
    }

    /** Settles the folded windows on a local anvil and prints the gas; false when one did not confirm. */
    private boolean settle(DemoModel model, List<WindowProof> windows, String bootstrap, DemoTopics topics, Path dir)
            throws Exception {
        String missing = Tools.missing();
        if (missing != null) {
            out.println("  settlement on anvil skipped: " + missing);
            return true;
        }
        int folded = (int) windows.stream().filter(w -> w.getKind() == WindowKind.FOLDED).count();
        DemoSettlement.Result r = DemoSettlement.settle(bootstrap, topics, model.id(), folded, model.windowKeys(), dir,
                out);
        if (r.totalInferences() > 0) {
            out.println(String.format("  on chain (anvil): %d windows settled, %,d gas per window on average, %,d gas "
                    + "per inference", r.sizeAndGas().size(), r.totalGas() / r.sizeAndGas().size(),
                    r.totalGas() / r.totalInferences()));
        }
        r.failed().forEach(f -> out.println("  NOT SETTLED " + f));
        return r.failed().isEmpty();
    }

    /** The job's configuration for this run; the model's own entry comes from {@link DemoModel#jobSettings}. */
    private List<String> jobArgs(DemoModel model, DemoTopics topics, String bootstrap) {
        List<String> args = new ArrayList<>(List.of(
                "--kafka.bootstrap-servers", bootstrap,
                "--topics.requests", topics.requests(),
                "--topics.window-proofs", topics.windowProofs(),
                "--topics.dead-letters", topics.deadLetters(),
                "--kafka.group-id", topics.groupId(),
                "--kafka.transactional-id-prefix", topics.transactionalIdPrefix(),
                "--parallelism", String.valueOf(opt.parallelism()),
                "--window.size", String.valueOf(WINDOW_SIZE),
                "--checkpoint.interval", "2s",
                "--source.bounded", "true"));
        args.addAll(model.jobSettings());
        return args;
    }

    /** Runs the job on a local Flink in this JVM and prints progress until it finishes. */
    private void runJob(JobConfig cfg, RequestWorkload.Sent sent, OutputWatcher watcher) throws Exception {
        StreamExecutionEnvironment env = ProvingJob.environment(cfg);
        Configuration metrics = new Configuration();
        metrics.setString(ProgressMetrics.CONFIG_KEY, ProgressMetrics.Factory.class.getName());
        env.configure(metrics);
        ProgressMetrics.reset();
        ProvingJob.buildOnKafka(env, cfg); // bounded: jobArgs sets source.bounded
        out.progress("running the proving job on a local Flink (parallelism %d, windows of up to %d, checkpoints "
                + "every %d ms) ...", cfg.execution().parallelism(), WINDOW_SIZE,
                cfg.execution().checkpointInterval().toMillis());
        long start = System.nanoTime();
        JobClient job = env.executeAsync(ProvingJob.NAME + " (demo)");
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        while (true) {
            try {
                result.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                progress(start, sent, watcher);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the proving job failed: " + rootCause(e), e);
            }
        }
        progress(start, sent, watcher);
    }

    private void progress(long startNanos, RequestWorkload.Sent sent, OutputWatcher watcher) {
        out.progress("  %5.0f s  requests sent %d | proofs %d/%d | windows closed %d (%d committed) | dead letters %d",
                (System.nanoTime() - startNanos) / 1e9, sent.total(), ProgressMetrics.sum("proofsCompleted"),
                sent.validSentAtMillis().size(), ProgressMetrics.sum("windowsClosed"), watcher.windows().size(),
                watcher.deadLetters().size());
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
