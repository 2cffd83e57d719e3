package io.foldline.circuits.model;

/**
 * 2-D convolution (ONNX Conv, group 1, dilation 1) over a {@code [inC, inH, inW]} input; weight
 * {@code [outC][inC][kernelH][kernelW]} row-major, zero padding.
 */
public record Conv2d(int inC, int inH, int inW, int outC, Window2d window, double[] weight, double[] bias)
        implements FloatLayer {
    public Conv2d {
        if (weight.length != outC * inC * window.kernelH() * window.kernelW() || bias.length != outC) {
            throw new IllegalArgumentException("conv2d " + inC + " -> " + outC + " channels, kernel "
                    + window.kernelH() + "x" + window.kernelW() + ": weight has " + weight.length
                    + " entries, bias " + bias.length);
        }
    }

    public int outH() {
        return window.outH(inH);
    }

    public int outW() {
        return window.outW(inW);
    }

    /** Index into {@link #weight} of the tap (o, c, ky, kx). */
    public int weightIndex(int o, int c, int ky, int kx) {
        return ((o * inC + c) * window.kernelH() + ky) * window.kernelW() + kx;
    }

    @Override
    public int[] inShape() {
        return new int[] {inC, inH, inW};
    }

    @Override
    public int[] outShape() {
        return new int[] {outC, outH(), outW()};
    }

    @Override
    public double[] forward(double[] x) {
        int oh = outH();
        int ow = outW();
        double[] y = new double[outC * oh * ow];
        for (int o = 0; o < outC; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double[] acc = {bias[o]};
                    int oo = o;
                    for (int c = 0; c < inC; c++) {
                        int cc = c;
                        int plane = c * inH * inW;
                        window.forEachTap(inH, inW, oy, ox, (ky, kx, p) ->
                                acc[0] += weight[weightIndex(oo, cc, ky, kx)] * x[plane + p]);
                    }
                    y[(o * oh + oy) * ow + ox] = acc[0];
                }
            }
        }
        return y;
    }

    @Override
    public String kind() {
        return "conv2d";
    }
}
