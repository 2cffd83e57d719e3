package io.foldline.crypto.concurrent;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a fixed list of coarse jobs on the calling thread plus helpers from a fork-join pool, each worker
 * taking the next job from a shared counter. A helper that starts late (pool busy) finds nothing left, and
 * the caller never waits on a job nobody has started: it runs it itself. That matters on small machines,
 * where the common pool has a single worker that may be busy with another part of the same proof. Used by the
 * MSM (one job per worker, sharing point chunks through their own counters) and by the Groth16 prover.
 */
public final class Jobs {
    private Jobs() {
    }

    /** Runs {@code job.accept(i)} for i in [0, jobs) with at most {@code workers} threads. */
    public static void run(int jobs, int workers, ForkJoinPool pool, IntConsumer job) {
        AtomicInteger next = new AtomicInteger();
        Runnable body = () -> {
            for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                job.accept(i);
            }
        };
        int helpers = Math.max(0, Math.min(workers, jobs) - 1);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int i = 0; i < helpers; i++) {
            tasks[i] = pool.submit(body);
        }
        Throwable failure = null;
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
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
