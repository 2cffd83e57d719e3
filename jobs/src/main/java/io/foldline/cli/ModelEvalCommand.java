package io.foldline.cli;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.onnx.OnnxImporter;
import io.foldline.circuits.quant.Fidelity;
import io.foldline.circuits.quant.InputSpec;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.QuantizedModel;
import java.nio.file.Path;

/**
 * {@code foldline model eval}: what quantization costs on a data set. The float model is run by
 * onnxruntime on the package's copy of the ONNX file; the quantized model by the reference runtime, which
 * computes exactly what the circuit proves. Inputs outside the calibrated range are counted, not fatal:
 * the circuit refuses them, so they count as quantized misses and disagreements.
 */
final class ModelEvalCommand implements Command {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "float accuracy (onnxruntime) beside quantized accuracy, class agreement, largest logit error";
    }

    @Override
    public String usage() {
        return "<dir> <dataset.json>";
    }

    @Override
    public String details() {
        return """
                Runs every input of dataset.json ({"inputs": [[...], ...], "labels": [...]}, each input
                flattened row-major in the model's input shape; labels optional) through the float model
                (onnxruntime on the folder's model.onnx) and the quantized model (what the circuit proves),
                and prints: float and quantized accuracy (n/a without labels), how often their classes agree,
                the largest logit error (quantized vs the float logits, real units), the largest output error
                (the head applied to the dequantized logits vs onnxruntime's output), and how many inputs lie
                outside the calibrated range (refused by the circuit; counted as quantized misses).
                The class of a float output is its argmax, or for a single output, >= 0.5 after a sigmoid
                head and >= 0 otherwise.
                example: foldline model eval digits_mlp digits_mlp.test.json""";
    }

    /** Counts and maxima over the data set. */
    private static final class Tally {
        int rows;
        int floatCorrect;
        int quantCorrect;
        int agree;
        int outOfRange;
        int firstOutOfRange = -1;
        double maxLogitError;
        double maxOutputError;
        double maxImporterDiff;
    }

    @Override
    public int run(Args args, Console out) {
        args.expect(2, 2, usage());
        Path data = args.inputFile(1);
        out.progress("loading %s", args.path(0));
        ModelPackage pkg = ModelPackage.load(args.path(0));
        QuantizedModel q = pkg.model();
        ModelInputs.Dataset d = ModelInputs.readDataset(data);
        ModelInputs.requireSize(d, q.inputSize(), data, q.name());
        FloatModel f = OnnxImporter.load(pkg.source());
        Tally t = new Tally();
        out.progress("evaluating %d inputs", d.inputs().size());
        try (OnnxRuntimeModel ort = new OnnxRuntimeModel(pkg.source(), q.inputShape())) {
            for (int i = 0; i < d.inputs().size(); i++) {
                row(t, i, d.inputs().get(i), d.labels() == null ? -1 : d.labels()[i], f, q, ort);
            }
        }
        print(out, t, q, data, d.labels() != null);
        return OK;
    }

    private static void row(Tally t, int index, double[] x, int label, FloatModel f, QuantizedModel q,
                            OnnxRuntimeModel ort) {
        t.rows++;
        double[] y = ort.run(x);
        if (y.length != q.outputSize()) {
            throw new FormatException("model.onnx: onnxruntime gives " + y.length + " outputs, the quantized model "
                    + q.outputSize());
        }
        double[] lf = f.logits(x);
        t.maxImporterDiff = Math.max(t.maxImporterDiff, maxDiff(f.head().apply(lf), y));
        int floatClass = floatClass(y, q.head());
        int quantClass = -1;
        long[] xq = quantize(q.input(), x);
        if (xq == null) {
            t.outOfRange++;
            if (t.firstOutOfRange < 0) {
                t.firstOutOfRange = index;
            }
        } else {
            QuantizedModel.Inference inf = q.infer(xq);
            double[] lq = q.dequantize(inf.logits());
            t.maxLogitError = Math.max(t.maxLogitError, maxDiff(lq, lf));
            t.maxOutputError = Math.max(t.maxOutputError, maxDiff(q.head().apply(lq), y));
            quantClass = q.hasClass() ? (int) inf.predictedClass() : Fidelity.classOf(lq);
        }
        t.agree += floatClass == quantClass ? 1 : 0;
        t.floatCorrect += floatClass == label ? 1 : 0;
        t.quantCorrect += quantClass == label && label >= 0 ? 1 : 0;
    }

    /** The quantized input, or null when a value lies outside the calibrated range. */
    private static long[] quantize(InputSpec spec, double[] x) {
        long[] q = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = spec.quantize(x[i]);
            if (!spec.range().contains(q[i])) {
                return null;
            }
        }
        return q;
    }

    static int floatClass(double[] y, Head head) {
        if (y.length == 1) {
            return y[0] >= (head == Head.SIGMOID ? 0.5 : 0.0) ? 1 : 0;
        }
        return Fidelity.classOf(y);
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static void print(Console out, Tally t, QuantizedModel q, Path data, boolean labelled) {
        out.println("model " + q.name() + " on " + t.rows + " inputs of " + data + (labelled ? "" : " (no labels)"));
        out.println("  float accuracy (onnxruntime):     " + accuracy(t.floatCorrect, t.rows, labelled));
        out.println("  quantized accuracy (as proven):   " + accuracy(t.quantCorrect, t.rows, labelled));
        out.println("  class agreement:                  " + ModelCommands.percent((double) t.agree / t.rows)
                + " (" + t.agree + "/" + t.rows + ")");
        out.println("  largest logit error:              " + ModelCommands.num(t.maxLogitError)
                + " (quantized vs float logits, real units)");
        out.println("  largest output error:             " + ModelCommands.num(t.maxOutputError)
                + " (head of the dequantized logits vs onnxruntime's output)");
        out.println("  importer vs onnxruntime:          " + ModelCommands.num(t.maxImporterDiff)
                + " (largest difference of the float outputs)");
        out.println("  outside the calibrated range:     " + t.outOfRange + " of " + t.rows
                + (t.outOfRange == 0 ? "" : " (first: inputs[" + t.firstOutOfRange + "]; refused by the circuit, "
                + "counted as quantized misses)"));
    }

    private static String accuracy(int correct, int rows, boolean labelled) {
        if (!labelled) {
            return "n/a (no labels)";
        }
        return ModelCommands.percent((double) correct / rows) + " (" + correct + "/" + rows + ")";
    }
}
