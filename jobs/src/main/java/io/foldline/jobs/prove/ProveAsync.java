package io.foldline.jobs.prove;

import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.validate.Accepted;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.InferenceRequest;
import io.foldline.schemas.ProvenInference;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Proving as Flink async I/O, so that it cannot starve checkpoints: the task thread only hands requests
 * to a pool of {@code threads} proving threads and is free for checkpoint barriers and watermarks; the
 * async operator ({@code AsyncDataStream.unorderedWait} with a bounded capacity) puts the requests still
 * in flight into the checkpoint and proves them again after a restore, and applies back-pressure once
 * {@code capacity} requests are waiting. A proof that throws (a model bug, a key that does not match)
 * becomes a PROOF_FAILED dead letter rather than a job failure, as does a proof that outlives the
 * operator's timeout; an Error fails the job, which restarts from the last checkpoint.
 *
 * <p>A folded model's step solves the witness and commits to it ({@code K_i}) instead of, or besides
 * ({@code models.<id>.groth16}), the Groth16 proof; the witness goes on to the window step inside
 * {@link Proven} only.
 *
 * <p>Metrics: {@code proofLatencyMillis} (histogram of witness + proof or commitment time),
 * {@code proofsCompleted}, {@code proofsFailed}.
 */
public final class ProveAsync extends RichAsyncFunction<Accepted, ProveOutcome> {
    private final Map<String, ModelSpec> models;
    private final int threads;
    private final Duration timeout;
    private transient ExecutorService pool;
    private transient SecureRandom random;
    private transient Histogram latency;
    private transient Counter completed;
    private transient Counter failed;

    public ProveAsync(Map<String, ModelSpec> models, int threads, Duration timeout) {
        this.models = new HashMap<>(models);
        this.threads = threads;
        this.timeout = timeout;
    }

    @Override
    public void open(OpenContext context) {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        pool = Executors.newFixedThreadPool(threads, named("foldline-prover-" + subtask + "-"));
        random = new SecureRandom();
        var group = getRuntimeContext().getMetricGroup();
        latency = group.histogram("proofLatencyMillis", new DescriptiveStatisticsHistogram(1000));
        completed = group.counter("proofsCompleted");
        failed = group.counter("proofsFailed");
    }

    @Override
    public void asyncInvoke(Accepted a, ResultFuture<ProveOutcome> result) {
        pool.execute(() -> {
            try {
                result.complete(List.of(prove(a)));
            } catch (Throwable t) { // an Error: fail the job rather than lose the request
                result.completeExceptionally(t);
            }
        });
    }

    private ProveOutcome prove(Accepted a) {
        InferenceRequest req = a.request();
        try {
            ModelSpec spec = models.get(req.getModelId());
            InferenceProver.Result r = InferenceProver.prove(req, DeployedModels.pkg(spec),
                    spec.groth16() ? DeployedModels.provingKey(spec) : null,
                    spec.folded() ? DeployedModels.windowKeys(spec) : null, random);
            ProvenInference p = r.inference();
            synchronized (this) { // the histogram and counters are not thread-safe
                latency.update(p.getProveMillis());
                completed.inc();
            }
            return ProveOutcome.of(new Proven(p, a.source(), r.witness()));
        } catch (RuntimeException e) {
            synchronized (this) {
                failed.inc();
            }
            return ProveOutcome.failed(DeadLetters.of(DeadLetterReason.PROOF_FAILED, "request "
                    + req.getRequestId() + ": proving failed: " + e.getMessage(), a.source()));
        }
    }

    @Override
    public void timeout(Accepted a, ResultFuture<ProveOutcome> result) {
        synchronized (this) {
            failed.inc();
        }
        result.complete(List.of(ProveOutcome.failed(DeadLetters.of(DeadLetterReason.PROOF_FAILED, "request "
                + a.request().getRequestId() + ": proving took longer than " + timeout
                + " (proving.timeout)", a.source()))));
    }

    @Override
    public void close() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
