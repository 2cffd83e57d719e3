package io.foldline.circuits.quant;

import io.foldline.circuits.model.FloatModel;
import java.util.List;

/**
 * How closely a quantized model follows its float model on a set of inputs: the share of inputs whose
 * class agrees, and the largest logit error in real units (absolute, and relative to the largest float
 * logit).
 */
public record Fidelity(int rows, int classAgreements, double maxLogitError, double maxAbsLogit) {
    public double agreement() {
        return rows == 0 ? 1.0 : (double) classAgreements / rows;
    }

    public double relativeError() {
        return maxAbsLogit == 0 ? maxLogitError : maxLogitError / maxAbsLogit;
    }

    /** Runs both models on {@code inputs}; inputs outside the quantized model's range count as failures. */
    public static Fidelity measure(FloatModel f, QuantizedModel q, List<double[]> inputs) {
        int agree = 0;
        double maxErr = 0;
        double maxAbs = 0;
        for (double[] x : inputs) {
            double[] lf = f.logits(x);
            long[] xq = new long[x.length];
            boolean inRange = true;
            for (int i = 0; i < x.length; i++) {
                xq[i] = q.input().quantize(x[i]);
                inRange &= q.input().range().contains(xq[i]);
            }
            for (double v : lf) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            if (!inRange) {
                maxErr = Double.POSITIVE_INFINITY;
                continue;
            }
            double[] lq = q.dequantize(q.infer(xq).logits());
            for (int i = 0; i < lf.length; i++) {
                maxErr = Math.max(maxErr, Math.abs(lf[i] - lq[i]));
            }
            if (classOf(lf) == classOf(lq)) {
                agree++;
            }
        }
        return new Fidelity(inputs.size(), agree, maxErr, maxAbs);
    }

    /** argmax, or for one logit 1 when it is >= 0 (sigmoid >= 1/2). */
    public static int classOf(double[] logits) {
        if (logits.length == 1) {
            return logits[0] >= 0 ? 1 : 0;
        }
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
