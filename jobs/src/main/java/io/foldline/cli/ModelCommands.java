package io.foldline.cli;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.onnx.OnnxImporter;
import io.foldline.circuits.quant.Fidelity;
import io.foldline.circuits.quant.InputSpec;
import io.foldline.circuits.quant.ModelCircuit;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelReport;
import io.foldline.circuits.quant.Quantizer;
import io.foldline.circuits.quant.QuantizerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code foldline model compile | witness | eval}: from an ONNX float model to a compiled-model folder
 * ({@link ModelPackage}), witnesses and public signals for one input, and the accuracy the quantization
 * costs on a data set.
 */
public final class ModelCommands {
    private ModelCommands() {
    }

    static Command group() {
        return new CommandGroup("model", "compile an ONNX model into a circuit, compute witnesses, measure accuracy",
                List.of(new CompileCommand(), new ModelWitnessCommand(), new ModelEvalCommand()));
    }

    /** A compiled package and what calibration measured. */
    public record Compilation(ModelPackage pkg, Quantizer.Calibrated calibrated, QuantizerOptions options) {
    }

    /**
     * Imports {@code onnx}, calibrates on {@code calibration}, compiles and writes the package to {@code out}
     * (nothing is written unless every step succeeds). Shared by {@code model compile} and {@code bench model}.
     */
    public static Compilation compile(Path onnx, Path calibration, QuantizerOptions options, Path out,
                                      boolean force, Console console) {
        ModelPackage.checkTarget(out, force);
        console.progress("importing %s", onnx);
        FloatModel f = OnnxImporter.load(onnx);
        ModelInputs.Dataset cal = ModelInputs.readDataset(calibration);
        ModelInputs.requireSize(cal, f.inputSize(), calibration, f.name());
        console.progress("calibrating on %d inputs from %s", cal.inputs().size(), calibration);
        Quantizer.Calibrated c;
        try {
            c = Quantizer.calibrate(f, cal.inputs(), options);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FormatException(onnx.getFileName() + ": cannot quantize with the calibration inputs of "
                    + calibration.getFileName() + ": " + e.getMessage(), e);
        }
        console.progress("compiling the circuit (%d-bit inputs)", c.model().input().bits());
        ModelCircuit.Compiled compiled = ModelCircuit.compile(c.model());
        String report = ModelReport.markdown(String.valueOf(onnx.getFileName()), options, c, compiled);
        console.progress("writing %s", out);
        ModelPackage pkg = ModelPackage.write(out, compiled, onnx, report, force);
        return new Compilation(pkg, c, options);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    static String num(double v) {
        return ModelReport.num(v);
    }

    static final class CompileCommand implements Command {
        @Override
        public String name() {
            return "compile";
        }

        @Override
        public String summary() {
            return "ONNX float model + calibration inputs -> folder with circuit.r1cs, model.json, report.md";
        }

        @Override
        public String usage() {
            return "<model.onnx> --calibration <inputs.json> --out <dir> [--input-bits N] [--weight-bits N] "
                    + "[--activation-bits N] [--tolerance T] [--force]";
        }

        @Override
        public String details() {
            return """
                    Imports the ONNX model (a chain of Gemm, MatMul, Add, Conv, BatchNormalization, Relu,
                    MaxPool, AveragePool, Flatten, Reshape, ending optionally in Sigmoid or Softmax), runs it on
                    the calibration inputs to choose a power-of-two scale per tensor, and compiles the quantized
                    model into an R1CS circuit whose weights are constants. The folder gets circuit.r1cs (for
                    'groth16 setup' and snarkjs), model.json (the quantized model), model.onnx (a copy of the
                    source, for 'model eval') and report.md (scales, bounds, constraints per layer, fidelity).
                    It is written completely or not at all.
                    The calibration file is {"inputs": [[...], ...]} (labels optional), each input flattened
                    row-major in the model's input shape; inputs later proven must lie in the range they span
                    (with one bit of headroom).
                    options:
                      --calibration F      calibration inputs (required)
                      --out DIR            the folder to write (required; must not exist or be empty)
                      --input-bits N       input width in bits (default: the fewest that meet the tolerance)
                      --weight-bits N      bits per weight (default 12)
                      --activation-bits N  bits per activation (default 12)
                      --tolerance T        largest logit error on the calibration inputs, relative to the
                                           largest float logit, when choosing the input width (default 0.01)
                      --force              replace DIR when it holds an earlier compiled model
                    example: foldline model compile digits_mlp.onnx --calibration digits_mlp.calibration.json --out digits_mlp""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("calibration", "out", "input-bits", "weight-bits", "activation-bits", "tolerance");
        }

        @Override
        public Set<String> flagOptions() {
            return Set.of("force");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(1, 1, usage());
            Path onnx = args.inputFile(0);
            String cal = args.option("calibration", null);
            String dir = args.option("out", null);
            if (cal == null || dir == null) {
                throw new UsageException("--calibration and --out are required");
            }
            Path calibration = Path.of(cal);
            if (!Files.isRegularFile(calibration)) {
                throw new UsageException(calibration + ": no such file");
            }
            Compilation c = compile(onnx, calibration, options(args), Path.of(dir), args.flag("force"), out);
            summary(c, out);
            return OK;
        }

        private static QuantizerOptions options(Args args) {
            QuantizerOptions d = QuantizerOptions.DEFAULTS;
            String tol = args.option("tolerance", null);
            double tolerance = d.tolerance();
            if (tol != null) {
                try {
                    tolerance = Double.parseDouble(tol);
                } catch (NumberFormatException e) {
                    throw new UsageException("option --tolerance: not a number: " + tol);
                }
            }
            try {
                return new QuantizerOptions(args.intOption("weight-bits", d.weightBits()),
                        args.intOption("activation-bits", d.activationBits()),
                        args.intOption("input-bits", d.inputBits()), tolerance);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static void summary(Compilation c, Console out) {
            ModelPackage p = c.pkg();
            InputSpec in = p.model().input();
            Fidelity f = c.calibrated().fidelity();
            out.println("model " + p.model().name() + " compiled into " + p.dir());
            out.println("  constraints: " + p.compiled().circuit().nConstraints() + " ("
                    + p.compiled().circuit().r1cs().nPublic() + " public signals)");
            out.println("  proves: " + ModelReport.whatIsProven(p.model()));
            out.println("  input: " + p.model().inputSize() + " values, " + in.bits() + "-bit "
                    + (in.signed() ? "signed" : "unsigned") + " at 2^" + in.exponent() + ", accepted range ["
                    + num(in.minValue()) + ", " + num(in.maxValue()) + ")");
            out.println("  calibration fidelity: class agreement " + percent(f.agreement()) + " ("
                    + f.classAgreements() + "/" + f.rows() + "), largest logit error " + num(f.maxLogitError())
                    + " (relative " + num(f.relativeError()) + "), within tolerance "
                    + num(c.options().tolerance()) + ": " + (c.calibrated().withinTolerance() ? "yes" : "NO"));
            out.println("  report: " + p.report());
            if (!c.calibrated().withinTolerance()) {
                out.progress("warning: no input width met the tolerance; try more --weight-bits or "
                        + "--activation-bits, or a larger --tolerance");
            }
        }
    }
}
