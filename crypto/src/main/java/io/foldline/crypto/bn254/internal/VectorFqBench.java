package io.foldline.crypto.bn254.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Throughput of {@link VectorFq} against {@link MontField#mul} in one JVM, rounds interleaved, CPU time of
 * this thread. Run with {@code --add-modules jdk.incubator.vector}; argument: rounds (default 6).
 */
public final class VectorFqBench {
    private static final ThreadMXBean TMX = ManagementFactory.getThreadMXBean();
    private static final int N = 4096;
    private static final int BLOCKS = N / VectorFq.LANES;

    private VectorFqBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        MontField f = MontField.FQ;
        SplittableRandom rng = new SplittableRandom(7);
        long[] x = new long[4 * N], y = new long[4 * N], out = new long[4 * N], out2 = new long[4 * N];
        for (int i = 0; i < N; i++) {
            f.fromBigInteger(new BigInteger(256, new java.util.Random(rng.nextLong())).mod(f.modulus), x, 4 * i);
            f.fromBigInteger(new BigInteger(256, new java.util.Random(rng.nextLong())).mod(f.modulus), y, 4 * i);
        }
        long[] bx = new long[BLOCKS * VectorFq.BLOCK], by = new long[bx.length], bz = new long[bx.length];
        int passes = 200;
        VectorFq vf = new VectorFq();
        for (int round = 0; round < rounds; round++) {
            long t = cpu();
            scalar(f, x, y, out, passes);
            double sc = perProduct(t, passes);
            t = cpu();
            loadAll(x, bx, passes);
            double ld = perProduct(t, passes);
            loadAll(y, by, 1);
            t = cpu();
            kernel(vf, bx, by, bz, passes);
            double k = perProduct(t, passes);
            t = cpu();
            storeAll(vf, bz, out2, passes);
            double stv = perProduct(t, passes);
            t = cpu();
            full(vf, x, y, out2, bx, by, bz, passes);
            double fu = perProduct(t, passes);
            if (!java.util.Arrays.equals(out, out2)) {
                throw new AssertionError("vector and scalar products differ");
            }
            System.out.printf("round %d  ns/product: MontField.mul %.2f | VectorFq.mul %.2f  load %.2f  store %.2f"
                    + "  load2+mul+store %.2f  (speedup kernel %.2fx, with conversions %.2fx)%n",
                    round, sc, k, ld, stv, fu, sc / k, sc / fu);
        }
    }

    private static long cpu() {
        return TMX.getCurrentThreadCpuTime();
    }

    private static double perProduct(long t0, int passes) {
        return (cpu() - t0) / (double) (passes * (long) N);
    }

    private static void scalar(MontField f, long[] x, long[] y, long[] out, int passes) {
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < N; i++) {
                f.mul(x, 4 * i, y, 4 * i, out, 4 * i);
            }
        }
    }

    private static void kernel(VectorFq vf, long[] bx, long[] by, long[] bz, int passes) {
        for (int p = 0; p < passes; p++) {
            for (int b = 0; b < BLOCKS; b++) {
                int o = b * VectorFq.BLOCK;
                vf.mul(bx, o, by, o, bz, o);
            }
        }
    }

    private static void loadAll(long[] x, long[] bx, int passes) {
        for (int p = 0; p < passes; p++) {
            for (int b = 0; b < BLOCKS; b++) {
                VectorFq.load(x, 32 * b, bx, b * VectorFq.BLOCK);
            }
        }
    }

    private static void storeAll(VectorFq vf, long[] bz, long[] out, int passes) {
        for (int p = 0; p < passes; p++) {
            for (int b = 0; b < BLOCKS; b++) {
                vf.store(bz, b * VectorFq.BLOCK, out, 32 * b);
            }
        }
    }

    /** Worst case for conversions: two loads and one store per product. */
    private static void full(VectorFq vf, long[] x, long[] y, long[] out, long[] bx, long[] by, long[] bz, int passes) {
        for (int p = 0; p < passes; p++) {
            for (int b = 0; b < BLOCKS; b++) {
                int o = b * VectorFq.BLOCK;
                VectorFq.load(x, 32 * b, bx, o);
                VectorFq.load(y, 32 * b, by, o);
                vf.mul(bx, o, by, o, bz, o);
                vf.store(bz, o, out, 32 * b);
            }
        }
    }
}
