package io.foldline.circuits.quant;

import java.util.List;

/**
 * One layer of a quantized model: integer constants and the exponent of its output (a value q stands for
 * {@code q / 2^outExponent}). {@link #apply} is written once against {@link QuantOps}, so the reference
 * runtime, the bound analysis and the circuit all run the same code.
 */
public sealed interface QLayer permits QDense, QConv2d, QMaxPool2d, QAvgPool2d, QRelu, QReshape {
    int[] inShape();

    int[] outShape();

    int outExponent();

    <T> List<T> apply(QuantOps<T> ops, List<T> x);

    /** Short name for reports and debug labels: {@code dense}, {@code conv2d}, ... */
    String kind();

    /**
     * Rescales an accumulator at exponent {@code e} to exponent {@code e - shift}: a rounded division by
     * 2^shift when shift > 0, an exact multiplication otherwise; ReLU fused when asked.
     */
    static <T> T requantize(QuantOps<T> ops, T acc, int shift, boolean relu) {
        if (shift > 0) {
            return ops.divRound(acc, 1L << shift, relu);
        }
        T y = shift == 0 ? acc : ops.mulPow2(acc, -shift);
        return relu ? ops.relu(y) : y;
    }
}
