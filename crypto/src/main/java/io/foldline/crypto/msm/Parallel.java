package io.foldline.crypto.msm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
        if (workers <= 1) {
            body.accept(0);
            return;
        }
        ForkJoinPool pool = cfg.pool();
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            final int id = w;
            helpers[w - 1] = pool.submit(() -> body.accept(id));
        }
        Throwable failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (ForkJoinTask<?> h : helpers) {
            try {
                h.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }
}
