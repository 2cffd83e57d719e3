package io.foldline.cli.bench;

import java.util.Arrays;

/**
 * Wall-clock timing for benchmarks: warm-up runs first (JIT), then the median of the measured runs, because
 * these machines are shared and a mean is dragged by one noisy neighbour.
 */
final class Timer {
    private Timer() {
    }

    interface Body {
        void run() throws Exception;
    }

    /** Median seconds of {@code runs} runs after {@code warmups} unmeasured ones. */
    static double median(int warmups, int runs, Body body) throws Exception {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            body.run();
            t[i] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /** Mean seconds of {@code runs} runs after {@code warmups} unmeasured ones. */
    static double mean(int warmups, int runs, Body body) throws Exception {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        long s = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            body.run();
        }
        return (System.nanoTime() - s) / 1e9 / runs;
    }

    static double once(Body body) throws Exception {
        long s = System.nanoTime();
        body.run();
        return (System.nanoTime() - s) / 1e9;
    }

    static String human(double seconds) {
        if (seconds < 1e-6) {
            return String.format("%.1f ns", seconds * 1e9);
        }
        if (seconds < 1e-3) {
            return String.format("%.2f us", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format("%.1f ms", seconds * 1e3);
        }
        return String.format("%.2f s", seconds);
    }
}
