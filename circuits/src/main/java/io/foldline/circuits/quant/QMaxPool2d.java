package io.foldline.circuits.quant;

import io.foldline.circuits.model.Window2d;
import java.util.List;

/** Max pooling: a chain of {@link QuantOps#max} over the in-bounds taps; the exponent is unchanged. */
public record QMaxPool2d(int channels, int inH, int inW, Window2d window, int outExponent) implements QLayer {
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
        return window.reduceWindows(channels, inH, inW, x, taps -> {
            T best = taps.get(0);
            for (int k = 1; k < taps.size(); k++) {
                best = ops.max(best, taps.get(k));
            }
            return best;
        });
    }

    @Override
    public String kind() {
        return "maxpool2d";
    }
}
