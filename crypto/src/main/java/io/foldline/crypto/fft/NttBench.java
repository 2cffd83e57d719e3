package io.foldline.crypto.fft;

import io.foldline.crypto.bn254.Fr;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Scratch timing of {@link Domain}'s transforms, not a test. After a build run, from the repository root,
 * {@code java -cp crypto/target/classes io.foldline.crypto.fft.NttBench [logSizes...] [--rounds=R]}.
 *
 * <p>Variants are run round-robin, R rounds after a warm-up, so that load from other processes hits all of
 * them alike; the minimum of each is printed with its process CPU time (all threads). Besides the public
 * transforms it times the forward kernel with cache block sizes 2^0 (no blocking: every stage streams the
 * whole array), 2^10, 2^14 (the default) and 2^16, and the default on one thread.
 */
public final class NttBench {
    private NttBench() {
    }

    public static void main(String[] args) {
        List<Integer> logs = new ArrayList<>();
        int rounds = 5;
        for (String a : args) {
            if (a.startsWith("--rounds=")) {
                rounds = Integer.parseInt(a.substring(9));
            } else {
                logs.add(Integer.parseInt(a));
            }
        }
        if (logs.isEmpty()) {
            logs = List.of(16, 20);
        }
        System.out.printf("cores=%d commonPoolParallelism=%d%n", Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.getCommonPoolParallelism());
        for (int k : logs) {
            bench(k, rounds);
        }
    }

    private static void bench(int k, int rounds) {
        long t0 = System.nanoTime();
        Domain d = Domain.of(k);
        System.out.printf("2^%d: domain setup (twiddles) %.1f ms%n", k, (System.nanoTime() - t0) / 1e6);
        int n = d.size();
        long[] input = new long[4 * n];
        SplittableRandom rng = new SplittableRandom(k);
        for (int i = 0; i < n; i++) {
            Fr.of(rng.nextLong() & Long.MAX_VALUE).copyMontTo(input, 4 * i);
        }
        long[] a = new long[4 * n];
        long[] tw = new long[4];
        d.omega().copyMontTo(tw, 0);
        long[] twiddles = Radix2.powers(tw, n / 2, true);
        Map<String, Runnable> variants = new LinkedHashMap<>();
        variants.put("fft", () -> d.fft(a));
        variants.put("ifft", () -> d.ifft(a));
        variants.put("cosetFft", () -> d.cosetFft(a, Fr.of(7)));
        for (int b : new int[] {0, 10, Radix2.BLOCK_LOG, 16}) {
            variants.put("forward block 2^" + b, () -> Radix2.forward(a, k, twiddles, b));
        }
        variants.put("forward 1 thread", () -> Radix2.forward(a, k, twiddles, Radix2.BLOCK_LOG, false));
        Map<String, long[]> best = new LinkedHashMap<>();
        for (int r = -2; r < rounds; r++) { // two warm-up rounds let the JIT compile the kernels
            for (Map.Entry<String, Runnable> v : variants.entrySet()) {
                System.arraycopy(input, 0, a, 0, a.length);
                long cpu = processCpuNanos(), wall = System.nanoTime();
                v.getValue().run();
                wall = System.nanoTime() - wall;
                cpu = processCpuNanos() - cpu;
                long[] b = best.computeIfAbsent(v.getKey(), x -> new long[] {Long.MAX_VALUE, 0});
                if (r >= 0 && wall < b[0]) {
                    b[0] = wall;
                    b[1] = cpu;
                }
            }
        }
        best.forEach((name, b) -> System.out.printf("  %-22s min wall %8.1f ms   cpu %8.1f ms%n", name, b[0] / 1e6, b[1] / 1e6));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
