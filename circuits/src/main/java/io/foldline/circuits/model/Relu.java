package io.foldline.circuits.model;

/** max(x, 0) elementwise. */
public record Relu(int[] shape) implements FloatLayer {
    @Override
    public int[] inShape() {
        return shape.clone();
    }

    @Override
    public int[] outShape() {
        return shape.clone();
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0.0);
        }
        return y;
    }

    @Override
    public String kind() {
        return "relu";
    }
}
