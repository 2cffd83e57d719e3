package io.foldline.crypto.bn254.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * The MSM's batch-affine round (msm.BucketWorker.runBatch with Xyzz.affineAddWithInverse: bucket += point
 * for n pending additions with one shared inversion) done with {@link MontField} and with {@link VectorFq},
 * on the same scattered bucket and point offsets; prints ns per addition (CPU time of this thread), rounds
 * interleaved. The field formulas alone: the curve is irrelevant to the cost, so the points are random
 * pairs of field elements with distinct x. Run with {@code --add-modules jdk.incubator.vector}; arguments:
 * rounds (default 6), batch size (default 1024, a multiple of 8).
 */
public final class VectorBatchAffineBench {
    private static final ThreadMXBean TMX = ManagementFactory.getThreadMXBean();
    private static final MontField F = MontField.FQ;
    private static final int BLK = VectorFq.BLOCK;

    private final int n;
    private final int[] bucketOff;
    private final int[] pointOff;
    private final int[] bucketYOff;
    private final int[] pointYOff;
    private final long[] den;
    private final long[] invScratch;
    private final long[] t = new long[12];
    private final VectorFq vf = new VectorFq();
    private final long[] x1;
    private final long[] x2;
    private final long[] d;
    private final long[] prefix;
    private final long[] v = new long[4 * BLK];
    private final long[] total = new long[4 * VectorFq.LANES];

    private VectorBatchAffineBench(int n, int[] bucketOff, int[] pointOff) {
        this.n = n;
        this.bucketOff = bucketOff;
        this.pointOff = pointOff;
        this.bucketYOff = Arrays.stream(bucketOff).map(o -> o + 4).toArray();
        this.pointYOff = Arrays.stream(pointOff).map(o -> o + 4).toArray();
        this.den = new long[4 * n];
        this.invScratch = new long[4 * n];
        int blocks = n / VectorFq.LANES;
        this.x1 = new long[blocks * BLK];
        this.x2 = new long[blocks * BLK];
        this.d = new long[blocks * BLK];
        this.prefix = new long[blocks * BLK];
    }

    /** Today's round: 6 products per addition (3 in the batch inversion) plus one inversion per batch. */
    private void scalar(long[] aff, long[] bases) {
        for (int j = 0; j < n; j++) {
            F.sub(bases, pointOff[j], aff, bucketOff[j], den, 4 * j);
        }
        F.batchInv(den, 0, n, invScratch);
        for (int j = 0; j < n; j++) {
            int a = bucketOff[j], p = pointOff[j];
            F.sub(bases, p + 4, aff, a + 4, t, 0);
            F.mul(t, 0, den, 4 * j, t, 0);                // lambda
            F.mul(t, 0, t, 0, t, 4);
            F.sub(t, 4, aff, a, t, 4);
            F.sub(t, 4, bases, p, t, 4);                  // x3
            F.sub(aff, a, t, 4, t, 8);
            F.mul(t, 0, t, 8, t, 8);
            F.sub(t, 8, aff, a + 4, aff, a + 4);          // y3
            MontField.copy(t, 4, aff, a);
        }
    }

    /** The same round, eight additions per block; the eight lane totals share one scalar batch inversion. */
    private void vector(long[] aff, long[] bases) {
        int blocks = n / VectorFq.LANES;
        for (int k = 0; k < blocks; k++) {
            int o = k * BLK;
            VectorFq.load(aff, bucketOff, 8 * k, x1, o);
            VectorFq.load(bases, pointOff, 8 * k, x2, o);
            VectorFq.sub(x2, o, x1, o, d, o);
            if (k == 0) {
                VectorFq.setOne(prefix, 0);
            } else {
                vf.mul(prefix, o - BLK, d, o - BLK, prefix, o);
            }
        }
        int last = (blocks - 1) * BLK;
        long[] inv = v; // block 0: running inverse; 1: lambda; 2: x3; 3: scratch
        vf.mul(prefix, last, d, last, inv, 0);
        vf.store(inv, 0, total, 0);
        F.batchInv(total, 0, VectorFq.LANES, invScratch);
        VectorFq.load(total, 0, inv, 0);
        for (int k = blocks - 1; k >= 0; k--) {
            int o = k * BLK;
            vf.mul(inv, 0, prefix, o, prefix, o);         // 1 / d_k
            vf.mul(inv, 0, d, o, inv, 0);
            VectorFq.load(aff, bucketYOff, 8 * k, v, 3 * BLK);
            VectorFq.load(bases, pointYOff, 8 * k, v, BLK);
            VectorFq.sub(v, BLK, v, 3 * BLK, v, BLK);
            vf.mul(v, BLK, prefix, o, v, BLK);             // lambda
            vf.mul(v, BLK, v, BLK, v, 2 * BLK);
            VectorFq.sub(v, 2 * BLK, x1, o, v, 2 * BLK);
            VectorFq.sub(v, 2 * BLK, x2, o, v, 2 * BLK);   // x3
            VectorFq.sub(x1, o, v, 2 * BLK, x1, o);
            vf.mul(v, BLK, x1, o, x1, o);
            VectorFq.sub(x1, o, v, 3 * BLK, x1, o);        // y3
            vf.store(v, 2 * BLK, aff, bucketOff, 8 * k);
            vf.store(x1, o, aff, bucketYOff, 8 * k);
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int buckets = 2 * n;
        Random rnd = new Random(11);
        long[] aff = new long[8 * buckets], bases = new long[8 * n];
        for (int i = 0; i < aff.length / 4; i++) {
            F.fromBigInteger(new BigInteger(256, rnd).mod(F.modulus), aff, 4 * i);
        }
        for (int i = 0; i < bases.length / 4; i++) {
            F.fromBigInteger(new BigInteger(256, rnd).mod(F.modulus), bases, 4 * i);
        }
        int[] perm = new int[buckets];
        Arrays.setAll(perm, i -> i);
        for (int i = buckets - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), s = perm[i];
            perm[i] = perm[j];
            perm[j] = s;
        }
        int[] bucketOff = new int[n], pointOff = new int[n];
        for (int j = 0; j < n; j++) {
            bucketOff[j] = 8 * perm[j];
            pointOff[j] = 8 * j;
        }
        VectorBatchAffineBench bench = new VectorBatchAffineBench(n, bucketOff, pointOff);
        int passes = Math.max(1, 400_000 / n);
        for (int round = 0; round < rounds; round++) {
            long[] a1 = aff.clone(), a2 = aff.clone();
            long c0 = TMX.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                bench.scalar(a1, bases);
            }
            long c1 = TMX.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                bench.vector(a2, bases);
            }
            long c2 = TMX.getCurrentThreadCpuTime();
            if (!Arrays.equals(a1, a2)) {
                throw new AssertionError("vector round differs from the scalar one");
            }
            double s = (c1 - c0) / (double) (passes * (long) n), w = (c2 - c1) / (double) (passes * (long) n);
            System.out.printf("round %d  batch %d  ns/addition: MontField %.1f | VectorFq %.1f  (%.2fx)%n",
                    round, n, s, w, s / w);
        }
    }
}
