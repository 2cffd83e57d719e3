package io.foldline.circuits.quant;

import io.foldline.circuits.model.Window2d;
import java.util.ArrayList;
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
        int oh = window.outH(inH);
        int ow = window.outW(inW);
        List<T> y = new ArrayList<>(channels * oh * ow);
        for (int c = 0; c < channels; c++) {
            int plane = c * inH * inW;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    List<T> taps = new ArrayList<>();
                    window.forEachTap(inH, inW, oy, ox, (ky, kx, p) -> taps.add(x.get(plane + p)));
                    T best = taps.get(0);
                    for (int k = 1; k < taps.size(); k++) {
                        best = ops.max(best, taps.get(k));
                    }
                    y.add(best);
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
