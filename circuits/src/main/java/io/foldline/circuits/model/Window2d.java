package io.foldline.circuits.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sliding-window geometry that {@link Conv2d}, {@link MaxPool2d} and {@link AvgPool2d} share (ONNX's
 * {@code kernel_shape}, {@code strides}, {@code pads} = [top, left, bottom, right]). Dilation 1 and
 * {@code ceil_mode} 0 only: the importer refuses anything else. Output size per axis:
 * {@code floor((in + padBefore + padAfter - kernel) / stride) + 1}.
 */
public record Window2d(int kernelH, int kernelW, int strideH, int strideW,
                       int padTop, int padLeft, int padBottom, int padRight) {
    public Window2d {
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("kernel and strides must be >= 1: " + this);
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("pads must be >= 0: " + this);
        }
    }

    public int outH(int inH) {
        return outSize(inH, kernelH, strideH, padTop + padBottom, "height");
    }

    public int outW(int inW) {
        return outSize(inW, kernelW, strideW, padLeft + padRight, "width");
    }

    /** Receives one in-bounds tap of a window: kernel row and column, and the spatial input index iy * inW + ix. */
    @FunctionalInterface
    public interface TapConsumer {
        void accept(int ky, int kx, int position);
    }

    /**
     * Calls {@code tap} for every in-bounds position of the window of output (oy, ox) over an inH x inW
     * plane, row-major; padded positions (zeros for a convolution, never a maximum) are skipped.
     */
    public void forEachTap(int inH, int inW, int oy, int ox, TapConsumer tap) {
        for (int ky = 0; ky < kernelH; ky++) {
            int iy = oy * strideH - padTop + ky;
            if (iy < 0 || iy >= inH) {
                continue;
            }
            for (int kx = 0; kx < kernelW; kx++) {
                int ix = ox * strideW - padLeft + kx;
                if (ix >= 0 && ix < inW) {
                    tap.accept(ky, kx, iy * inW + ix);
                }
            }
        }
    }

    /**
     * Pooling: {@code reduce} applied to the in-bounds taps of every window of every channel of a
     * {@code [channels, inH, inW]} tensor, in output order ({@code [channels, outH, outW]}).
     */
    public <T> List<T> reduceWindows(int channels, int inH, int inW, List<T> x, Function<List<T>, T> reduce) {
        int oh = outH(inH);
        int ow = outW(inW);
        List<T> y = new ArrayList<>(channels * oh * ow);
        for (int c = 0; c < channels; c++) {
            int plane = c * inH * inW;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    List<T> taps = new ArrayList<>();
                    forEachTap(inH, inW, oy, ox, (ky, kx, p) -> taps.add(x.get(plane + p)));
                    y.add(reduce.apply(taps));
                }
            }
        }
        return y;
    }

    /** The number of in-bounds positions of the window of output (oy, ox). */
    public int taps(int inH, int inW, int oy, int ox) {
        int[] n = new int[1];
        forEachTap(inH, inW, oy, ox, (ky, kx, p) -> n[0]++);
        return n[0];
    }

    private static int outSize(int in, int kernel, int stride, int pads, String axis) {
        int span = in + pads - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("kernel " + kernel + " is larger than the padded " + axis + " "
                    + (in + pads));
        }
        return span / stride + 1;
    }
}
