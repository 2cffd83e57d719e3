package io.foldline.crypto.msm;

import io.foldline.crypto.concurrent.Jobs;
import java.util.function.IntConsumer;

/**
 * Runs {@code workers} copies of a worker body, one on the calling thread and the rest on the configured
 * fork-join pool. Bodies share work through their own counters, so a helper that starts late (pool busy, or
 * the caller already inside that pool) finds nothing left and returns: this cannot deadlock.
 */
final class Parallel {
    private Parallel() {
    }

    static void run(int workers, MsmConfig cfg, IntConsumer body) {
        Jobs.run(workers, workers, cfg.pool(), body);
    }
}
