package io.foldline.circuits.quant;

import io.foldline.circuits.model.Window2d;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolution with integer taps ({@code [outC][inC][kernelH][kernelW]}), zero padding (a padded tap
 * contributes nothing, at any exponent), then {@link QLayer#requantize} as in {@link QDense}.
 */
public record QConv2d(int inC, int inH, int inW, int outC, Window2d window, long[] weight, long[] bias,
                      int weightExponent, int shift, boolean relu, int outExponent) implements QLayer {
    public QConv2d {
        if (weight.length != outC * inC * window.kernelH() * window.kernelW() || bias.length != outC) {
            throw new IllegalArgumentException("conv2d " + inC + " -> " + outC + ": weight has " + weight.length
                    + " entries, bias " + bias.length);
        }
        if (shift < -60 || shift > 60) {
            throw new IllegalArgumentException("conv2d: shift " + shift + " outside [-60, 60]");
        }
    }

    @Override
    public int[] inShape() {
        return new int[] {inC, inH, inW};
    }

    @Override
    public int[] outShape() {
        return new int[] {outC, window.outH(inH), window.outW(inW)};
    }

    @Override
    public <T> List<T> apply(QuantOps<T> ops, List<T> x) {
        int oh = window.outH(inH);
        int ow = window.outW(inW);
        List<T> y = new ArrayList<>(outC * oh * ow);
        for (int o = 0; o < outC; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    y.add(QLayer.requantize(ops, output(ops, x, o, oy, ox), shift, relu));
                }
            }
        }
        return y;
    }

    private <T> T output(QuantOps<T> ops, List<T> x, int o, int oy, int ox) {
        List<T> taps = new ArrayList<>();
        List<Long> w = new ArrayList<>();
        int kh = window.kernelH();
        int kw = window.kernelW();
        for (int c = 0; c < inC; c++) {
            int plane = c * inH * inW;
            int base = (o * inC + c) * kh * kw;
            window.forEachTap(inH, inW, oy, ox, (ky, kx, p) -> {
                taps.add(x.get(plane + p));
                w.add(weight[base + ky * kw + kx]);
            });
        }
        return ops.affine(bias[o], w.stream().mapToLong(Long::longValue).toArray(), taps);
    }

    @Override
    public String kind() {
        return relu ? "conv2d+relu" : "conv2d";
    }
}
