package io.foldline.circuits.quant;

import java.util.ArrayList;
import java.util.List;

/** A ReLU that could not be fused into the linear layer before it (e.g. after a pooling layer). */
public record QRelu(int[] shape, int outExponent) implements QLayer {
    @Override
    public int[] inShape() {
        return shape.clone();
    }

    @Override
    public int[] outShape() {
        return shape.clone();
    }

    @Override
    public <T> List<T> apply(QuantOps<T> ops, List<T> x) {
        List<T> y = new ArrayList<>(x.size());
        for (T v : x) {
            y.add(ops.relu(v));
        }
        return y;
    }

    @Override
    public String kind() {
        return "relu";
    }
}
