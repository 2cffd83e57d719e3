package io.foldline.circuits.quant;

import java.util.List;

/** Flatten / Reshape: the flat data is unchanged; free in a circuit. */
public record QReshape(int[] inShape, int[] outShape, int outExponent) implements QLayer {
    @Override
    public int[] inShape() {
        return inShape.clone();
    }

    @Override
    public int[] outShape() {
        return outShape.clone();
    }

    @Override
    public <T> List<T> apply(QuantOps<T> ops, List<T> x) {
        return x;
    }

    @Override
    public String kind() {
        return "reshape";
    }
}
