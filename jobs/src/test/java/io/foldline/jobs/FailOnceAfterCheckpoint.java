package io.foldline.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A pass-through that throws once in the whole JVM, at its {@code after}-th element following a completed
 * checkpoint, so that the job fails with committed output behind it and uncommitted output in flight. The
 * flag is static: the restarted job runs in the same JVM (a local MiniCluster) and must not fail again.
 */
final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {
    static final AtomicBoolean FIRED = new AtomicBoolean();

    private final int after;
    private boolean checkpointed;
    private int seen;

    FailOnceAfterCheckpoint(int after) {
        this.after = after;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }

    @Override
    public T map(T value) {
        if (checkpointed && ++seen >= after && FIRED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure (test): the job must recover exactly once");
        }
        return value;
    }
}
