package io.foldline.circuits.model;

/** ONNX MaxPool over {@code [channels, inH, inW]}; padded positions never win. */
public record MaxPool2d(int channels, int inH, int inW, Window2d window) implements FloatLayer {
    public MaxPool2d {
        if (window.padTop() >= window.kernelH() || window.padBottom() >= window.kernelH()
                || window.padLeft() >= window.kernelW() || window.padRight() >= window.kernelW()) {
            throw new IllegalArgumentException("max pool: a pad as large as the kernel leaves windows empty: "
                    + window);
        }
    }

    public int outH() {
        return window.outH(inH);
    }

    public int outW() {
        return window.outW(inW);
    }

    @Override
    public int[] inShape() {
        return new int[] {channels, inH, inW};
    }

    @Override
    public int[] outShape() {
        return new int[] {channels, outH(), outW()};
    }

    @Override
    public double[] forward(double[] x) {
        return FloatLayer.unboxed(window.reduceWindows(channels, inH, inW, FloatLayer.boxed(x),
                taps -> taps.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
    }

    @Override
    public String kind() {
        return "maxpool2d";
    }
}
