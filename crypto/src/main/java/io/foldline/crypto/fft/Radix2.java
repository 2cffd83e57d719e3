package io.foldline.crypto.fft;

import io.foldline.crypto.bn254.internal.MontField;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * In-place kernels behind {@link Domain}, on flat arrays of Fr elements (four Montgomery limbs each).
 *
 * <p>The forward transform is iterative radix-2 decimation in time: a bit-reversal permutation, then
 * stages whose butterflies span 2, 4, ..., n elements. Stages that span at most 2^blockLog elements are run
 * block by block, all of them on one block before the next, so that a block stays in one core's L2 cache
 * instead of streaming the whole array once per stage; the wider stages then run one at a time over the
 * whole array. Work is split over the common ForkJoin pool once n reaches 2^{@value #PARALLEL_LOG}.
 * Each task allocates one four-limb scratch value; the butterfly loops allocate nothing.
 */
final class Radix2 {
    private static final MontField F = MontField.FR;

    /** Below 2^12 elements forking costs more than it saves. */
    static final int PARALLEL_LOG = 12;
    /** 2^14 elements are 512 KiB of limbs: one block fits in a core's 2 MiB L2 with room for twiddles. */
    static final int BLOCK_LOG = 14;
    /** Butterflies, swaps or elements per parallel task. */
    private static final int GRAIN_LOG = 11;

    private Radix2() {
    }

    /**
     * a[i] = sum_j a[j] w^(ij) for the n = 2^logN elements of {@code a}, natural order in and out, where
     * {@code tw} holds w^j for j in [0, n/2).
     */
    static void forward(long[] a, int logN, long[] tw, int blockLog) {
        forward(a, logN, tw, blockLog, logN >= PARALLEL_LOG);
    }

    static void forward(long[] a, int logN, long[] tw, int blockLog, boolean par) {
        if (logN == 0) {
            return;
        }
        bitReverse(a, logN, par);
        int localLog = Math.min(blockLog, logN);
        if (localLog > 0) {
            int halfBlock = 1 << (localLog - 1);
            forEach(1 << (logN - localLog), par, b -> {
                long[] tmp = new long[4];
                for (int logM = 0; logM < localLog; logM++) {
                    butterflies(a, logM, logN, tw, b * halfBlock, (b + 1) * halfBlock, tmp);
                }
            });
        }
        int half = 1 << (logN - 1);
        int grain = Math.min(half, 1 << GRAIN_LOG);
        for (int logM = localLog; logM < logN; logM++) {
            final int lm = logM;
            forEach(half / grain, par, c -> butterflies(a, lm, logN, tw, c * grain, (c + 1) * grain, new long[4]));
        }
    }

    /**
     * Runs butterflies t in [t0, t1) of the stage whose butterflies join elements m = 2^logM apart: butterfly t
     * lies in block t / m (of 2m elements) at offset j = t mod m and uses the twiddle w^(j n / 2m).
     */
    static void butterflies(long[] a, int logM, int logN, long[] tw, int t0, int t1, long[] tmp) {
        int m = 1 << logM;
        int twShift = logN - 1 - logM + 2; // j * (n / 2m) elements, times 4 limbs
        int t = t0;
        while (t < t1) {
            int j = t & (m - 1);
            int base = (t >>> logM) << (logM + 1);
            int jEnd = Math.min(m, j + (t1 - t));
            t += jEnd - j;
            if (j == 0) {
                // w^0 = 1: no multiplication
                int top = base << 2, bot = top + (m << 2);
                MontField.copy(a, bot, tmp, 0);
                F.sub(a, top, tmp, 0, a, bot);
                F.add(a, top, tmp, 0, a, top);
                j = 1;
            }
            for (; j < jEnd; j++) {
                int top = (base + j) << 2, bot = top + (m << 2);
                F.mul(tw, j << twShift, a, bot, tmp, 0);
                F.sub(a, top, tmp, 0, a, bot);
                F.add(a, top, tmp, 0, a, top);
            }
        }
    }

    /** Swaps element i with element bitreverse(i) for every i. */
    static void bitReverse(long[] a, int logN, boolean par) {
        int n = 1 << logN;
        int grain = Math.min(n, 1 << GRAIN_LOG);
        int drop = 32 - logN;
        forEach(n / grain, par, c -> {
            for (int i = c * grain, end = i + grain; i < end; i++) {
                int r = Integer.reverse(i) >>> drop;
                if (i < r) {
                    swap(a, i << 2, r << 2);
                }
            }
        });
    }

    /** Swaps element i with element n - i for 0 < i < n/2: turns sum_j a_j w^(ij) into sum_j a_j w^(-ij). */
    static void reverseTail(long[] a, int logN, boolean par) {
        int n = 1 << logN;
        if (n <= 2) {
            return;
        }
        int grain = Math.min(n / 2, 1 << GRAIN_LOG);
        forEach(n / 2 / grain, par, c -> {
            for (int i = Math.max(1, c * grain), end = (c + 1) * grain; i < end; i++) {
                swap(a, i << 2, (n - i) << 2);
            }
        });
    }

    /** a[i] *= c * s^i for the n = 2^logN elements; with {@code s == null}, a[i] *= c. */
    static void scale(long[] a, int logN, long[] c, long[] s, boolean par) {
        int n = 1 << logN;
        int grain = Math.min(n, 1 << GRAIN_LOG);
        forEach(n / grain, par, k -> {
            int lo = k * grain;
            if (s == null) {
                for (int i = lo; i < lo + grain; i++) {
                    F.mul(a, i << 2, c, 0, a, i << 2);
                }
                return;
            }
            long[] f = new long[4];
            F.powLimbs(s, 0, new long[] {lo}, f, 0);
            F.mul(f, 0, c, 0, f, 0);
            for (int i = lo; i < lo + grain; i++) {
                F.mul(a, i << 2, f, 0, a, i << 2);
                F.mul(f, 0, s, 0, f, 0);
            }
        });
    }

    /** w^i for i in [0, count), as a flat array of {@code count} elements. */
    static long[] powers(long[] w, int count, boolean par) {
        long[] out = new long[4 * count];
        if (count == 0) {
            return out;
        }
        int grain = Math.min(count, 1 << GRAIN_LOG);
        int chunks = (count + grain - 1) / grain;
        forEach(chunks, par, k -> {
            int lo = k * grain, hi = Math.min(count, lo + grain);
            F.powLimbs(w, 0, new long[] {lo}, out, lo << 2);
            for (int i = lo + 1; i < hi; i++) {
                F.mul(out, (i - 1) << 2, w, 0, out, i << 2);
            }
        });
        return out;
    }

    private static void swap(long[] a, int x, int y) {
        for (int l = 0; l < 4; l++) {
            long t = a[x + l];
            a[x + l] = a[y + l];
            a[y + l] = t;
        }
    }

    private static void forEach(int count, boolean par, IntConsumer body) {
        if (par && count > 1) {
            IntStream.range(0, count).parallel().forEach(body);
        } else {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
        }
    }
}
