package io.foldline.jobs.window;

import io.foldline.aggregation.DeciderKey;
import io.foldline.aggregation.WindowAccumulator;
import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.schemas.WindowProof;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The decider of closed FOLDED windows, as Flink async I/O (operator uid {@code decide}): one Groth16 proof
 * of the decider circuit and one KZG opening per window take seconds, so they run on a decider thread of
 * this subtask while the task thread stays free for checkpoint barriers; windows in flight are part of the
 * checkpoint and are decided again after a restore. The output is the window with {@code foldedProof} =
 * {@link WindowProofFile#encode} of the window proof; the instances in it are in the order the window lists
 * its inferences.
 *
 * <p>A decider that throws (a running witness that does not satisfy the relation: a bug, not bad input)
 * or outlives the timeout fails the job, which restarts from its last checkpoint: the window's inferences
 * are not dropped silently.
 *
 * <p>Metrics: {@code deciderLatencyMillis} (histogram), {@code windowsDecided}.
 */
public final class DecideAsync extends RichAsyncFunction<ClosedWindow, WindowProof> {
    private final Map<String, ModelSpec> models;
    private final Duration timeout;
    private transient ExecutorService pool;
    private transient Histogram latency;
    private transient Counter decided;

    public DecideAsync(Map<String, ModelSpec> models, Duration timeout) {
        this.models = new HashMap<>(models);
        this.timeout = timeout;
    }

    @Override
    public void open(OpenContext context) {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "foldline-decider-" + subtask);
            t.setDaemon(true);
            return t;
        });
        var group = getRuntimeContext().getMetricGroup();
        latency = group.histogram("deciderLatencyMillis", new DescriptiveStatisticsHistogram(1000));
        decided = group.counter("windowsDecided");
    }

    @Override
    public void asyncInvoke(ClosedWindow w, ResultFuture<WindowProof> result) {
        pool.execute(() -> {
            try {
                long start = System.nanoTime();
                WindowProof out = decide(w, models.get(w.window().getModelId()));
                synchronized (this) {
                    latency.update((System.nanoTime() - start) / 1_000_000);
                    decided.inc();
                }
                result.complete(List.of(out));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    /** The decided window: {@code w.window()} with its folded proof. */
    static WindowProof decide(ClosedWindow w, ModelSpec spec) {
        String id = w.window().getWindowId();
        if (spec == null || !spec.folded()) {
            throw new IllegalStateException("window " + id + ": model " + w.window().getModelId()
                    + " has no window keys in this job's configuration");
        }
        WindowKeys keys = DeployedModels.windowKeys(spec);
        WindowAccumulator acc = WindowFolding.decode(w.accumulator(), spec);
        if (acc.size() != w.window().getInferences().size()) {
            throw new IllegalStateException("window " + id + ": " + acc.size() + " folded instances for "
                    + w.window().getInferences().size() + " inferences");
        }
        DeciderKey decider = keys.decider();
        byte[] proof = WindowProofFile.encode(acc.decide(decider));
        return WindowProof.newBuilder(w.window()).setFoldedProof(ByteBuffer.wrap(proof)).build();
    }

    @Override
    public void timeout(ClosedWindow w, ResultFuture<WindowProof> result) {
        result.completeExceptionally(new TimeoutException("window " + w.window().getWindowId()
                + ": the decider took longer than " + timeout + " (proving.timeout)"));
    }

    @Override
    public void close() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
