package io.foldline.circuits.model;

/**
 * {@code y = W x + b} with {@code W} stored {@code [outputs][inputs]} row-major ({@code weight[o * inputs + i]}):
 * ONNX Gemm (alpha, beta and transB folded in by the importer), MatMul followed by Add, and a following
 * BatchNormalization folded in.
 */
public record Dense(int inputs, int outputs, double[] weight, double[] bias) implements FloatLayer {
    public Dense {
        if (weight.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("dense " + inputs + " -> " + outputs + ": weight has "
                    + weight.length + " entries, bias " + bias.length);
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
    public double[] forward(double[] x) {
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double acc = bias[o];
            for (int i = 0; i < inputs; i++) {
                acc += weight[o * inputs + i] * x[i];
            }
            y[o] = acc;
        }
        return y;
    }

    @Override
    public String kind() {
        return "dense";
    }
}
