package io.foldline.crypto.msm;

import java.util.Arrays;

/**
 * One thread's buckets for one Pippenger window at a time: fills bucket |d| with the points whose digit is
 * d = +-|d|, then folds the buckets into sum_k k * bucket_k with two running sums.
 *
 * <p>In batched mode each bucket is an affine point and additions into buckets are collected until
 * {@code batchCap} of them, touching distinct buckets, are pending; then one batch inversion of all the
 * x-differences serves them all, so an addition costs 2M + 1S plus three products of the batch inversion,
 * against 8M + 2S for a mixed XYZZ addition. A second addition for a bucket that is already pending waits
 * in a queue for the next batch (or, with the queue full, goes to a second, XYZZ, bucket); an addition whose
 * bucket equals the point (a doubling) also goes to the XYZZ bucket, and one whose bucket is the point's
 * negation empties the bucket. The reduction adds both kinds of bucket. In plain mode (small windows, where
 * batches would be too short to pay for the inversion) only the XYZZ buckets are used.
 */
final class BucketWorker {
    private static final byte HAS_AFFINE = 1;
    private static final byte HAS_EXT = 2;

    private final FlatField f;
    private final Xyzz k;
    private final int len;
    private final int affLen;
    private final int pointLen;
    private final int buckets;
    private final boolean batched;
    private final long[] aff;
    private final long[] ext;
    private final byte[] state;
    private final int[] stamp;
    private final int batchCap;
    private final int[] batchBucket;
    private final int[] batchPoint;
    private final int[] queueBucket;
    private final int[] queuePoint;
    private final long[] den;
    private final long[] invScratch;
    private final long[] t;
    private final long[] sums;
    private final VectorBatch vector; // null unless 512-bit lanes are native here (G1)
    private final VectorBatchG2 vectorG2; // the same for G2
    private int batchId = 1;
    private int pending;
    private int queued;
    private long[] bases;
    private int basesOff;

    BucketWorker(FlatField f, int windowBits, int batchCap) {
        this.f = f;
        this.k = new Xyzz(f);
        this.len = f.len;
        this.affLen = k.affLen;
        this.pointLen = k.pointLen;
        this.buckets = 1 << (windowBits - 1);
        this.batched = batchCap > 0;
        this.batchCap = batchCap;
        this.aff = batched ? new long[buckets * affLen] : null;
        this.ext = new long[buckets * pointLen];
        this.state = new byte[buckets];
        this.stamp = batched ? new int[buckets] : null;
        this.batchBucket = new int[batchCap];
        this.batchPoint = new int[batchCap];
        this.queueBucket = new int[batchCap];
        this.queuePoint = new int[queueBucket.length];
        this.den = new long[batchCap * len];
        this.invScratch = new long[f.batchInvScratch(batchCap)];
        this.t = new long[len];
        this.sums = new long[2 * pointLen];
        this.vector = batched && len == 4 && VectorBatch.ENABLED ? new VectorBatch(batchCap) : null;
        this.vectorG2 = batched && len == 8 && VectorBatch.ENABLED ? new VectorBatchG2(batchCap) : null;
    }

    /**
     * Writes to {@code out} (XYZZ) the window sum sum_i d_i(w) * P_i over points [lo, hi), where d_i(w) is
     * the signed digit of window w of canonical scalar i.
     */
    void window(long[] bases, int basesOff, long[] canon, int lo, int hi, int w, int c, long[] out, int outOff) {
        this.bases = bases;
        this.basesOff = basesOff;
        Arrays.fill(state, (byte) 0);
        for (int i = lo; i < hi; i++) {
            int d = Digits.digit(canon, 4 * i, w, c);
            if (d == 0) {
                continue;
            }
            int b = d > 0 ? d - 1 : -d - 1;
            int pOff = basesOff + i * affLen;
            if (!batched) {
                addExt(b, pOff, d < 0);
            } else if (!tryInsert(b, pOff, d < 0)) {
                defer(b, pOff, d < 0);
            }
        }
        if (batched) {
            finish();
        }
        reduce(out, outOff);
    }

    private void addExt(int b, int pOff, boolean negate) {
        if ((state[b] & HAS_EXT) == 0) {
            k.setAffine(ext, b * pointLen, bases, pOff, negate);
            state[b] |= HAS_EXT;
        } else {
            k.addMixed(ext, b * pointLen, bases, pOff, negate);
        }
    }

    /**
     * Starts bucket b += point (negated when asked): sets an empty bucket, settles the equal-x cases at once,
     * else queues the addition in the batch (running the batch when full). False when bucket b already has an
     * addition in the batch: the caller must keep the point for a later batch.
     */
    private boolean tryInsert(int b, int pOff, boolean negate) {
        int bOff = b * affLen;
        if ((state[b] & HAS_AFFINE) == 0) {
            f.copy(bases, pOff, aff, bOff);
            if (negate) {
                f.neg(bases, pOff + len, aff, bOff + len);
            } else {
                f.copy(bases, pOff + len, aff, bOff + len);
            }
            state[b] |= HAS_AFFINE;
            return true;
        }
        if (stamp[b] == batchId) {
            return false;
        }
        if (f.eq(bases, pOff, aff, bOff)) {
            // same x: the point is the bucket (needs a doubling) or its negation (the sum vanishes)
            f.add(bases, pOff + len, aff, bOff + len, t, 0);
            if (negate == f.isZero(t, 0)) {
                addExt(b, pOff, negate);
            } else {
                state[b] &= ~HAS_AFFINE;
            }
            return true;
        }
        stamp[b] = batchId;
        batchBucket[pending] = b;
        batchPoint[pending] = negate ? ~pOff : pOff;
        if (++pending == batchCap) {
            runBatch();
            drainQueue();
        }
        return true;
    }

    /** Keeps a colliding addition for the next batch; with the queue full it goes to the XYZZ bucket. */
    private void defer(int b, int pOff, boolean negate) {
        if (queued == queueBucket.length) {
            addExt(b, pOff, negate);
            return;
        }
        queueBucket[queued] = b;
        queuePoint[queued++] = negate ? ~pOff : pOff;
    }

    /**
     * Moves queued additions into the fresh batch; those whose bucket is taken again stay queued, and so do
     * all from the one that would fill the batch (so that this never runs a batch from inside itself).
     */
    private void drainQueue() {
        int n = queued;
        queued = 0;
        for (int j = 0; j < n; j++) {
            int b = queueBucket[j];
            int p = queuePoint[j];
            if (pending >= batchCap - 1 || !tryInsert(b, p < 0 ? ~p : p, p < 0)) {
                queueBucket[queued] = b;
                queuePoint[queued++] = p;
            }
        }
    }

    /**
     * End of the window: runs what is pending, gives the queue one more batch, and sends what still collides
     * to the XYZZ buckets, so a degenerate input (one point over and over) cannot force a batch per point.
     */
    private void finish() {
        runBatch();
        drainQueue();
        runBatch();
        for (int j = 0; j < queued; j++) {
            int p = queuePoint[j];
            addExt(queueBucket[j], p < 0 ? ~p : p, p < 0);
        }
        queued = 0;
    }

    /** Performs the pending affine additions bucket += point with one batch inversion. */
    private void runBatch() {
        int n = pending;
        int from = 0;
        if (n >= 8 && (vector != null || vectorG2 != null)) {
            from = n - n % 8;
            if (vector != null) {
                vector.run(from, aff, affLen, bases, batchPoint, batchBucket);
            } else {
                vectorG2.run(from, aff, affLen, bases, batchPoint, batchBucket);
            }
        }
        for (int j = from; j < n; j++) {
            int pOff = batchPoint[j] < 0 ? ~batchPoint[j] : batchPoint[j];
            f.sub(bases, pOff, aff, batchBucket[j] * affLen, den, j * len);
        }
        if (n > from) {
            f.batchInv(den, from * len, n - from, invScratch, 0);
        }
        for (int j = from; j < n; j++) {
            int p = batchPoint[j];
            k.affineAddWithInverse(aff, batchBucket[j] * affLen, bases, p < 0 ? ~p : p, p < 0, den, j * len);
        }
        pending = 0;
        batchId++;
    }

    /** out = sum_b (b + 1) * bucket_b, by a running sum from the top bucket down. */
    private void reduce(long[] out, int outOff) {
        final int running = 0;
        final int total = pointLen;
        k.setInfinity(sums, running);
        k.setInfinity(sums, total);
        for (int b = buckets - 1; b >= 0; b--) {
            byte s = state[b];
            if ((s & HAS_AFFINE) != 0) {
                k.addMixed(sums, running, aff, b * affLen, false);
            }
            if ((s & HAS_EXT) != 0) {
                k.add(sums, running, ext, b * pointLen);
            }
            k.add(sums, total, sums, running);
        }
        System.arraycopy(sums, total, out, outOff, pointLen);
    }
}
