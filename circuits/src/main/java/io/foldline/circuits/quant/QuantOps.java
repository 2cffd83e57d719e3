package io.foldline.circuits.quant;

import java.util.List;

/**
 * The integer arithmetic that the quantized layers are written in, once: {@link LongOps} runs it (the Java
 * reference runtime), {@link IntervalOps} bounds it, and {@link CircuitOps} turns it into constraints
 * whose witness program performs the very same operations. A layer therefore cannot compute one thing
 * natively and prove another.
 *
 * <p>Values are signed integers. Rounding is fixed here, for every backend: {@link #divRound} is round
 * half up, {@code floor((x + floor(d / 2)) / d)}.
 */
public interface QuantOps<T> {
    T constant(long v);

    /** {@code bias + sum weights[k] * xs[k]}; free in a circuit (constant weights). */
    T affine(long bias, long[] weights, List<T> xs);

    /** {@code floor((x + floor(d / 2)) / d)} for a constant d >= 2, then max(., 0) when {@code relu}. */
    T divRound(T x, long d, boolean relu);

    /** {@code x * 2^k}, k >= 0 (a rescale up, exact). */
    T mulPow2(T x, int k);

    T relu(T x);

    T max(T a, T b);

    /** 1 when a < b, else 0. */
    T lessThan(T a, T b);

    /** 1 when x >= 0, else 0. */
    T isNonNegative(T x);

    /** {@code c ? a : b} for c in {0, 1}. */
    T select(T c, T a, T b);
}
