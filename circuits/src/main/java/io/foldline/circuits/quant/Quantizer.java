package io.foldline.circuits.quant;

import io.foldline.circuits.model.AvgPool2d;
import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.MaxPool2d;
import io.foldline.circuits.model.Relu;
import io.foldline.circuits.model.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibration: runs the float model on sample inputs, gives every tensor a power-of-two scale from the
 * largest magnitude it reaches there, and rounds weights and biases to integers (see the package
 * documentation for the rules). A ReLU right after a dense or convolution layer is fused into its
 * requantization. Without a fixed input width, the input exponent is searched: the fewest input bits
 * whose logits stay within the tolerance of the float logits on every calibration row.
 */
public final class Quantizer {
    private static final int MAX_AUTO_INPUT_BITS = 32;
    /** Widest weight a refined weight exponent may give (weights are free, accumulators are not). */
    private static final int MAX_WEIGHT_BITS = 30;

    private final FloatModel f;
    private final List<double[]> calibration;
    private final QuantizerOptions options;
    private final double[] outMaxAbs;
    private final List<List<double[]>> traces = new ArrayList<>();
    private final int[] weightExponents;
    private double inMaxAbs;
    private boolean inSigned;

    private Quantizer(FloatModel f, List<double[]> calibration, QuantizerOptions options) {
        this.f = f;
        this.calibration = calibration;
        this.options = options;
        this.outMaxAbs = new double[f.layers().size()];
        for (double[] row : calibration) {
            List<double[]> trace = f.trace(row);
            traces.add(trace);
            for (double v : row) {
                inMaxAbs = Math.max(inMaxAbs, Math.abs(v));
                inSigned |= v < 0;
            }
            for (int i = 0; i < outMaxAbs.length; i++) {
                for (double v : trace.get(i + 1)) {
                    outMaxAbs[i] = Math.max(outMaxAbs[i], Math.abs(v));
                }
            }
        }
        weightExponents = new int[outMaxAbs.length];
        for (int i = 0; i < weightExponents.length; i++) {
            weightExponents[i] = switch (f.layers().get(i)) {
                case Dense d -> weightExponent(i, d.weight(), delta -> new Dense(d.inputs(), d.outputs(), delta,
                        new double[d.outputs()]));
                case Conv2d c -> weightExponent(i, c.weight(), delta -> new Conv2d(c.inC(), c.inH(), c.inW(), c.outC(),
                        c.window(), delta, new double[c.outC()]));
                default -> 0;
            };
        }
    }

    /**
     * The weight exponent of layer i: {@code weightBits} for the largest weight, refined upwards while
     * rounding the weights moves the layer's outputs on the calibration inputs by more than 1/8 of the
     * tolerance times its largest output. One per-tensor scale must serve small weights beside large ones
     * (a standardisation folded into the first layer makes weights for large-valued features tiny), and
     * weights are circuit constants: extra weight bits cost only accumulator width.
     */
    private int weightExponent(int i, double[] w, java.util.function.Function<double[], FloatLayer> withWeights) {
        double max = maxAbs(w);
        int e = exponentFor(max, options.weightBits());
        double budget = options.tolerance() / 8 * outMaxAbs[i];
        for (; exponentFor(max, MAX_WEIGHT_BITS) > e; e++) {
            double[] delta = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                delta[k] = Math.scalb(Math.floor(Math.scalb(w[k], e) + 0.5), -e) - w[k];
            }
            FloatLayer err = withWeights.apply(delta);
            double worst = 0;
            for (List<double[]> t : traces) {
                for (double v : err.forward(t.get(i))) {
                    worst = Math.max(worst, Math.abs(v));
                }
            }
            if (worst <= budget) {
                break;
            }
        }
        return e;
    }

    /** The quantized model and how it did on the calibration inputs. */
    public record Calibrated(QuantizedModel model, Fidelity fidelity, boolean withinTolerance) {
    }

    public static Calibrated calibrate(FloatModel f, List<double[]> calibration, QuantizerOptions options) {
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException(f.name() + ": calibration needs at least one input");
        }
        Quantizer q = new Quantizer(f, calibration, options);
        if (options.inputBits() != 0) {
            QuantizedModel m = q.build(options.inputBits());
            Fidelity fid = Fidelity.measure(f, m, calibration);
            return new Calibrated(m, fid, fid.relativeError() <= options.tolerance());
        }
        return q.search();
    }

    private Calibrated search() {
        List<Calibrated> tried = new ArrayList<>();
        for (int bits = inSigned ? 3 : 2; bits <= MAX_AUTO_INPUT_BITS; bits++) {
            QuantizedModel m = build(bits);
            Fidelity fid = Fidelity.measure(f, m, calibration);
            if (fid.relativeError() <= options.tolerance()) {
                return new Calibrated(m, fid, true);
            }
            tried.add(new Calibrated(m, fid, false));
        }
        double best = tried.stream().mapToDouble(c -> c.fidelity().relativeError()).min().orElseThrow();
        return tried.stream().filter(c -> c.fidelity().relativeError() <= best * 1.1).findFirst().orElseThrow();
    }

    /** The model with {@code bits}-bit inputs, calibration's largest input at most half the range. */
    QuantizedModel build(int bits) {
        int exponent = exponentFor(inMaxAbs, inSigned ? bits - 1 : bits);
        InputSpec input = new InputSpec(exponent, bits, inSigned);
        List<QLayer> out = new ArrayList<>();
        List<FloatLayer> layers = f.layers();
        int e = exponent;
        for (int i = 0; i < layers.size(); i++) {
            FloatLayer l = layers.get(i);
            boolean fuse = (l instanceof Dense || l instanceof Conv2d) && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof Relu;
            int outExp = exponentFor(outMaxAbs[fuse ? i + 1 : i], options.activationBits());
            QLayer q = switch (l) {
                case Dense d -> dense(d, weightExponents[i], e, outExp, fuse);
                case Conv2d c -> conv(c, weightExponents[i], e, outExp, fuse);
                case Relu r -> new QRelu(r.shape(), e);
                case MaxPool2d p -> new QMaxPool2d(p.channels(), p.inH(), p.inW(), p.window(), e);
                case AvgPool2d p -> new QAvgPool2d(p.channels(), p.inH(), p.inW(), p.window(), p.countIncludePad(), e);
                case Reshape r -> new QReshape(r.inShape(), r.outShape(), e);
            };
            out.add(q);
            e = q.outExponent();
            if (fuse) {
                i++;
            }
        }
        QuantizedModel m = new QuantizedModel(f.name(), f.inputShape(), input, out, f.head());
        try {
            m.bounds();
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException(f.name() + ": " + ex.getMessage(), ex);
        }
        return m;
    }

    private QDense dense(Dense d, int we, int inExp, int outExp, boolean relu) {
        return new QDense(d.inputs(), d.outputs(), round(d.weight(), we, "weight"),
                round(d.bias(), inExp + we, "bias"), we, shift(inExp + we, outExp), relu, outExp);
    }

    private QConv2d conv(Conv2d c, int we, int inExp, int outExp, boolean relu) {
        return new QConv2d(c.inC(), c.inH(), c.inW(), c.outC(), c.window(), round(c.weight(), we, "weight"),
                round(c.bias(), inExp + we, "bias"), we, shift(inExp + we, outExp), relu, outExp);
    }

    private int shift(int accExp, int outExp) {
        int s = accExp - outExp;
        if (s > 60 || s < -60) {
            throw new IllegalArgumentException(f.name() + ": requantization by 2^" + s
                    + " is out of range; the calibration inputs may not exercise the model");
        }
        return s;
    }

    /**
     * The largest e with {@code maxAbs * 2^e <= 2^(bits-1) - 1}, so that every calibration value fits a
     * signed bits-bit integer; 0 for an all-zero tensor.
     */
    static int exponentFor(double maxAbs, int bits) {
        if (maxAbs == 0) {
            return 0;
        }
        double limit = Math.scalb(1.0, bits - 1) - 1;
        int e = (int) Math.floor(Math.log(limit / maxAbs) / Math.log(2));
        while (Math.scalb(maxAbs, e) > limit) {
            e--;
        }
        while (Math.scalb(maxAbs, e + 1) <= limit) {
            e++;
        }
        return e;
    }

    private long[] round(double[] v, int exponent, String what) {
        long[] q = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = Math.floor(Math.scalb(v[i], exponent) + 0.5);
            if (Math.abs(s) > 0x1p60) {
                throw new IllegalArgumentException(f.name() + ": " + what + " " + v[i] + " at scale 2^" + exponent
                        + " does not fit 60 bits");
            }
            q[i] = (long) s;
        }
        return q;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
