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
        int oh = outH();
        int ow = outW();
        double[] y = new double[channels * oh * ow];
        for (int c = 0; c < channels; c++) {
            int plane = c * inH * inW;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double[] best = {Double.NEGATIVE_INFINITY};
                    window.forEachTap(inH, inW, oy, ox, (ky, kx, i) -> best[0] = Math.max(best[0], x[plane + i]));
                    y[(c * oh + oy) * ow + ox] = best[0];
                }
            }
        }
        return y;
    }

    @Override
    public String kind() {
        return "maxpool2d";
    }
}
