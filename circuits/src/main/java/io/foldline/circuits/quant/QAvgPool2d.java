package io.foldline.circuits.quant;

import io.foldline.circuits.model.Window2d;
import java.util.Arrays;
import java.util.List;

/**
 * Average pooling: the sum of the in-bounds taps divided by the window's divisor with
 * {@link QuantOps#divRound} (round half up); the exponent is unchanged.
 */
public record QAvgPool2d(int channels, int inH, int inW, Window2d window, boolean countIncludePad,
                         int outExponent) implements QLayer {
    @Override
    public int[] inShape() {
        return new int[] {channels, inH, inW};
    }

    @Override
    public int[] outShape() {
        return new int[] {channels, window.outH(inH), window.outW(inW)};
    }

    @Override
    public <T> List<T> apply(QuantOps<T> ops, List<T> x) {
        long area = (long) window.kernelH() * window.kernelW();
        return window.reduceWindows(channels, inH, inW, x, taps -> {
            long[] ones = new long[taps.size()];
            Arrays.fill(ones, 1);
            T sum = ops.affine(0, ones, taps);
            long d = countIncludePad ? area : taps.size();
            return d == 1 ? sum : ops.divRound(sum, d, false);
        });
    }

    @Override
    public String kind() {
        return "avgpool2d";
    }
}
