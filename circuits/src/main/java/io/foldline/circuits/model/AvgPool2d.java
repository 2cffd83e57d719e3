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
        int oh = outH();
        int ow = outW();
        double[] y = new double[channels * oh * ow];
        for (int c = 0; c < channels; c++) {
            int plane = c * inH * inW;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double[] sum = {0.0};
                    window.forEachTap(inH, inW, oy, ox, (ky, kx, i) -> sum[0] += x[plane + i]);
                    y[(c * oh + oy) * ow + ox] = sum[0] / divisor(oy, ox);
                }
            }
        }
        return y;
    }

    @Override
    public String kind() {
        return "avgpool2d";
    }
}
