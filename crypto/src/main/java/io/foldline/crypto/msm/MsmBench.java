package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Scratch benchmark, not a test: times G1 MSM at 2^16 and 2^20 and G2 MSM at 2^16 after warm-up, and the
 * fixed-base table runs that make the random bases. Wall-clock milliseconds; noisy on a shared machine.
 *
 * <pre>java -cp crypto/target/classes io.foldline.crypto.msm.MsmBench [threads] [runs] [g1small,g1large,g2]</pre>
 */
public final class MsmBench {
    private MsmBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "g1small,g1large,g2";
        MsmConfig cfg = MsmConfig.builder().threads(threads).build();
        SplittableRandom rng = new SplittableRandom(2024);
        System.out.printf("threads=%d, processors=%d, runs=%d%n", threads, Runtime.getRuntime().availableProcessors(), runs);

        int g1n = which.contains("g1large") ? 1 << 20 : 1 << 16;
        long[] scalars = randomScalars(g1n, rng);
        if (which.contains("g1")) {
            long[] bases = bases(FixedBaseTable.g1(G1Affine.GENERATOR.mul(Fr.random(rng)), g1n, cfg), g1n, rng, cfg);
            long[] out = new long[G1Msm.BASE_LIMBS];
            if (which.contains("g1small")) {
                time("G1 MSM 2^16", runs, () -> G1Msm.msmInto(bases, 0, scalars, 0, 1 << 16, cfg, out, 0));
            }
            if (which.contains("g1large")) {
                time("G1 MSM 2^20", runs, () -> G1Msm.msmInto(bases, 0, scalars, 0, 1 << 20, cfg, out, 0));
            }
        }
        if (which.contains("g2")) {
            int n = 1 << 16;
            long[] bases = bases(FixedBaseTable.g2(G2Affine.GENERATOR.mul(Fr.random(rng)), n, cfg), n, rng, cfg);
            long[] out = new long[G2Msm.BASE_LIMBS];
            time("G2 MSM 2^16", runs, () -> G2Msm.msmInto(bases, 0, scalars, 0, n, cfg, out, 0));
        }
    }

    /** n random multiples of the table's base, timed (this is the powers-of-tau workload). */
    private static long[] bases(FixedBaseTable table, int n, SplittableRandom rng, MsmConfig cfg) {
        long[] k = randomScalars(n, rng);
        long[] out = new long[table.pointLimbs() * n];
        long t0 = System.nanoTime();
        table.mulAll(k, 0, n, out, 0, cfg);
        System.out.printf("fixed-base %s: %d points in %d ms (w=%d)%n", table.pointLimbs() == 8 ? "G1" : "G2", n,
                ms(t0), table.windowBits());
        return out;
    }

    private static void time(String label, int runs, Runnable msm) {
        msm.run(); // warm-up
        msm.run();
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            msm.run();
            times[i] = ms(t);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: min %d ms, median %d ms, all %s%n", label, sorted[0], sorted[runs / 2], Arrays.toString(times));
    }

    private static long[] randomScalars(int n, SplittableRandom rng) {
        long[] s = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.random(rng).copyMontTo(s, 4 * i);
        }
        return s;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
