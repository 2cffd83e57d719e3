package io.foldline.circuits.model;

/**
 * ONNX AveragePool over {@code [channels, inH, inW]}: the sum of the in-bounds positions divided by the
 * kernel area when {@code countIncludePad}, else by the number of in-bounds positions (ONNX's default).
 */
public record AvgPool2d(int channels, int inH, int inW, Window2d window, boolean countIncludePad)
        implements FloatLayer {
    public int outH() {
        return window.outH(inH);
    }

    public int outW() {
        return window.outW(inW);
    }

    /** The divisor of output position (oy, ox), the same for every channel. */
    public int divisor(int oy, int ox) {
        return countIncludePad ? window.kernelH() * window.kernelW() : window.taps(inH, inW, oy, ox);
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
        int area = window.kernelH() * window.kernelW();
        return FloatLayer.unboxed(window.reduceWindows(channels, inH, inW, FloatLayer.boxed(x),
                taps -> taps.stream().mapToDouble(Double::doubleValue).sum() / (countIncludePad ? area : taps.size())));
    }

    @Override
    public String kind() {
        return "avgpool2d";
    }
}
