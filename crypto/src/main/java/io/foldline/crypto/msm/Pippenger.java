package io.foldline.crypto.msm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MSM engine shared by G1 and G2: scalars to canonical form, one task per (window, chunk of points),
 * then Horner over the window sums. See the package documentation for the algorithm.
 */
final class Pippenger {
    /** Buckets per window from which batched affine accumulation beats plain XYZZ buckets. */
    static final int BATCH_MIN_BUCKETS = 512;
    /** Cost of one bucket addition and of one reduction step (two XYZZ additions), in field products. */
    private static final double ADD_BATCHED = 7, ADD_PLAIN = 10, REDUCE_STEP = 24;
    private static final int CONVERT_BLOCK = 4096;

    private Pippenger() {
    }

    /** Window width, point chunks per window and batch capacity (0: plain buckets) for one MSM. */
    record Plan(int c, int chunks, int batchCap) {
        int windows() {
            return Digits.windows(c);
        }
    }

    static Plan plan(int n, int threads, int forcedC) {
        Plan best = null;
        double bestCost = Double.MAX_VALUE;
        int cLo = forcedC > 0 ? forcedC : 1;
        int cHi = forcedC > 0 ? forcedC : MsmConfig.MAX_WINDOW_BITS;
        for (int c = cLo; c <= cHi; c++) {
            int buckets = 1 << (c - 1);
            int windows = Digits.windows(c);
            for (int chunks = 1; chunks <= Math.max(1, threads); chunks++) {
                long perChunk = (n + chunks - 1) / chunks;
                int cap = batchCap(buckets, perChunk);
                double task = perChunk * (cap > 0 ? ADD_BATCHED : ADD_PLAIN) + buckets * REDUCE_STEP;
                int rounds = (windows * chunks + threads - 1) / threads;
                double cost = rounds * task + windows * chunks * REDUCE_STEP;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new Plan(c, chunks, cap);
                }
            }
        }
        return best;
    }

    /**
     * Pending additions per batch inversion. The inversion (about 380 products) is spread over the batch, so
     * longer is better until collisions (a second addition for a bucket already in the batch, about
     * batch/(2 buckets) of them) fill the deferral queue; half the bucket count balances the two.
     */
    static int batchCap(int buckets, long points) {
        if (buckets < BATCH_MIN_BUCKETS || points < buckets) {
            return 0;
        }
        return Math.min(4096, buckets / 2);
    }

    /** out (XYZZ, 4 field elements) = sum_i scalars[i] * bases[i]. */
    static void msm(FlatField f, long[] bases, int basesOff, long[] scalars, int scalarsOff, int n,
                    MsmConfig cfg, long[] out, int outOff) {
        msm(f, bases, basesOff, scalars, scalarsOff, n, cfg, plan(n, cfg.threads(), cfg.windowBits()), out, outOff);
    }

    /** As above with an explicit plan (benchmarks compare splits with it). */
    static void msm(FlatField f, long[] bases, int basesOff, long[] scalars, int scalarsOff, int n,
                    MsmConfig cfg, Plan plan, long[] out, int outOff) {
        Xyzz k = new Xyzz(f);
        if (n == 0) {
            k.setInfinity(out, outOff);
            return;
        }
        int threads = cfg.threads();
        long[] canon = toCanonical(k.affLen, bases, basesOff, scalars, scalarsOff, n, cfg);
        int windows = plan.windows();
        int tasks = windows * plan.chunks();
        long[] sums = new long[tasks * k.pointLen];
        AtomicInteger next = new AtomicInteger();
        int chunkSize = (n + plan.chunks() - 1) / plan.chunks();
        Parallel.run(Math.min(threads, tasks), cfg, id -> {
            BucketWorker worker = new BucketWorker(f, plan.c(), plan.batchCap());
            for (int task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
                int w = task / plan.chunks();
                int lo = (task % plan.chunks()) * chunkSize;
                int hi = Math.min(n, lo + chunkSize);
                worker.window(bases, basesOff, canon, lo, hi, w, plan.c(), sums, task * k.pointLen);
            }
        });
        combine(k, sums, windows, plan.chunks(), plan.c(), out, outOff);
    }

    private static long[] toCanonical(int affLen, long[] bases, int basesOff, long[] scalars, int scalarsOff,
                                      int n, MsmConfig cfg) {
        long[] canon = new long[4 * n];
        int blocks = (n + CONVERT_BLOCK - 1) / CONVERT_BLOCK;
        AtomicInteger next = new AtomicInteger();
        Parallel.run(Math.min(cfg.threads(), blocks), cfg, id -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                int lo = b * CONVERT_BLOCK;
                Digits.toCanonical(scalars, scalarsOff, bases, basesOff, affLen, canon, lo,
                        Math.min(n, lo + CONVERT_BLOCK));
            }
        });
        return canon;
    }

    /** out = sum_w 2^(wc) sum_chunks sums[w][chunk], by Horner from the top window. */
    private static void combine(Xyzz k, long[] sums, int windows, int chunks, int c, long[] out, int outOff) {
        int pl = k.pointLen;
        k.setInfinity(out, outOff);
        for (int w = windows - 1; w >= 0; w--) {
            for (int i = 0; i < c; i++) {
                k.dbl(out, outOff);
            }
            for (int ch = 0; ch < chunks; ch++) {
                k.add(out, outOff, sums, (w * chunks + ch) * pl);
            }
        }
    }
}
