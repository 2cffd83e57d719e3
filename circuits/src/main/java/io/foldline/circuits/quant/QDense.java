package io.foldline.circuits.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code y = requantize(b + W x)} with integer W ({@code [outputs][inputs]}) and b at the accumulator's
 * exponent (input exponent + weight exponent); {@code shift} brings it to {@code outExponent}, ReLU fused
 * when the float graph had one right after.
 */
public record QDense(int inputs, int outputs, long[] weight, long[] bias, int weightExponent, int shift,
                     boolean relu, int outExponent) implements QLayer {
    public QDense {
        if (weight.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("dense " + inputs + " -> " + outputs + ": weight has "
                    + weight.length + " entries, bias " + bias.length);
        }
        if (shift < -60 || shift > 60) {
            throw new IllegalArgumentException("dense: shift " + shift + " outside [-60, 60]");
        }
    }

    @Override
    public int[] inShape() {
        return new int[] {inputs};
    }

    @Override
    public int[] outShape() {
        return new int[] {outputs};
    }

    @Override
    public <T> List<T> apply(QuantOps<T> ops, List<T> x) {
        List<T> y = new ArrayList<>(outputs);
        for (int o = 0; o < outputs; o++) {
            long[] row = Arrays.copyOfRange(weight, o * inputs, (o + 1) * inputs);
            y.add(QLayer.requantize(ops, ops.affine(bias[o], row, x), shift, relu));
        }
        return y;
    }

    @Override
    public String kind() {
        return relu ? "dense+relu" : "dense";
    }
}
