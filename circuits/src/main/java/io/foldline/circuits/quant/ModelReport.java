package io.foldline.circuits.quant;

import io.foldline.circuits.model.Head;
import io.foldline.circuits.r1cs.R1cs;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.md} of a compiled model: what the circuit proves, the public signal layout, the input
 * format, per layer its scales, value bounds and constraints, and how closely the quantized model followed
 * the float model on the calibration inputs.
 */
public final class ModelReport {
    private ModelReport() {
    }

    /**
     * The report of {@code compiled}, made from {@code source} with {@code options}; {@code calibrated} is
     * what calibration measured.
     */
    public static String markdown(String source, QuantizerOptions options, Quantizer.Calibrated calibrated,
                                  ModelCircuit.Compiled compiled) {
        QuantizedModel m = compiled.model();
        StringBuilder sb = new StringBuilder();
        sb.append("# Model `").append(m.name()).append("`\n\n");
        sb.append("Compiled by Foldline from `").append(source).append("`.\n\n");
        proven(sb, m);
        publicSignals(sb, m);
        input(sb, m);
        layers(sb, compiled);
        calibration(sb, options, calibrated);
        return sb.toString();
    }

    /** The sentence saying what the proof covers, for reports and command output. */
    public static String whatIsProven(QuantizedModel m) {
        Head h = m.head();
        if (h == Head.NONE) {
            return "the outputs of the last layer, as they are (the graph ends in a linear layer)";
        }
        String name = h == Head.SOFTMAX ? "Softmax" : "Sigmoid";
        return (m.hasClass() ? "the logits and the predicted class; " : "the logits; ") + name
                + " applied outside the proof";
    }

    private static void proven(StringBuilder sb, QuantizedModel m) {
        sb.append("## What is proven\n\n");
        sb.append("Head: ").append(m.head().name().toLowerCase(Locale.ROOT)).append(". The circuit proves ")
                .append(whatIsProven(m)).append('.');
        if (m.head() != Head.NONE) {
            sb.append(" The head is monotone, so the class follows from the logits; apply ")
                    .append(m.head() == Head.SOFTMAX ? "softmax" : "the sigmoid")
                    .append(" to the dequantized logits to get the graph's output.");
        }
        sb.append("\n\nThe statement (DESIGN.md section 2): for a private quantized input and salt, the public ")
                .append("commitment is Poseidon(salt, pack(input)) and the public outputs are what the quantized ")
                .append("model computes from that input, bit for bit as Foldline's reference runtime does.\n\n");
    }

    private static void publicSignals(StringBuilder sb, QuantizedModel m) {
        int k = m.outputSize();
        int e = m.outputExponent();
        sb.append("## Public signals (snarkjs order, as in public.json)\n\n");
        sb.append("| index | signal | meaning |\n| --- | --- | --- |\n");
        sb.append("| 0 | commitment | h_in = Poseidon(salt, pack(input)) |\n");
        String idx = k == 1 ? "1" : "1.." + k;
        String name = k == 1 ? "logits[0]" : "logits[0.." + (k - 1) + "]";
        sb.append("| ").append(idx).append(" | ").append(name).append(" | signed integers q, the value q / 2^")
                .append(e).append("; a negative q is written r + q, as circom does |\n");
        int next = k + 1;
        if (m.hasClass()) {
            sb.append("| ").append(next++).append(" | class | ")
                    .append(k == 1 ? "1 when the logit is >= 0 (sigmoid >= 1/2), else 0"
                            : "index of the largest logit (the first on a tie)")
                    .append(" |\n");
        }
        sb.append("| ").append(next).append(" | tag | the request tag (a public input, bound by a constraint) |\n\n");
    }

    private static void input(StringBuilder sb, QuantizedModel m) {
        InputSpec in = m.input();
        sb.append("## Input\n\n");
        sb.append("Shape ").append(Arrays.toString(m.inputShape())).append(" (").append(m.inputSize())
                .append(" values, flattened row-major). Each value x becomes q = floor(x * 2^")
                .append(in.exponent()).append(" + 1/2), ").append(in.signed() ? "a signed" : "an unsigned").append(' ')
                .append(in.bits()).append("-bit integer in ").append(in.range())
                .append("; accepted float range [").append(num(in.minValue())).append(", ")
                .append(num(in.maxValue())).append("). Inputs outside it are refused.\n\n");
    }

    private static void layers(StringBuilder sb, ModelCircuit.Compiled compiled) {
        QuantizedModel m = compiled.model();
        List<ModelCircuit.LayerCost> costs = compiled.costs();
        List<List<Interval>> bounds = m.bounds();
        sb.append("## Layers\n\n");
        sb.append("Bound bits: the widest signed value the layer can output for any accepted input.\n\n");
        sb.append("| # | kind | in shape | out shape | weight exponent | out exponent | shift | bound bits "
                + "| constraints |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        sb.append("| | ").append(costs.get(0).part()).append(" | ").append(Arrays.toString(m.inputShape()))
                .append(" | | | ").append(m.input().exponent()).append(" | | ").append(m.input().bits())
                .append(" | ").append(costs.get(0).constraints()).append(" |\n");
        List<QLayer> layers = m.layers();
        for (int i = 0; i < layers.size(); i++) {
            QLayer l = layers.get(i);
            String we = "";
            String shift = "";
            if (l instanceof QDense d) {
                we = String.valueOf(d.weightExponent());
                shift = String.valueOf(d.shift());
            } else if (l instanceof QConv2d c) {
                we = String.valueOf(c.weightExponent());
                shift = String.valueOf(c.shift());
            }
            int bits = bounds.get(i).stream().mapToInt(Interval::signedBits).max().orElse(0);
            sb.append("| ").append(i).append(" | ").append(l.kind()).append(" | ")
                    .append(Arrays.toString(l.inShape())).append(" | ").append(Arrays.toString(l.outShape()))
                    .append(" | ").append(we).append(" | ").append(l.outExponent()).append(" | ").append(shift)
                    .append(" | ").append(bits).append(" | ").append(costs.get(i + 1).constraints()).append(" |\n");
        }
        for (int j = layers.size() + 1; j < costs.size(); j++) {
            sb.append("| | ").append(costs.get(j).part()).append(" | | | | | | | ")
                    .append(costs.get(j).constraints()).append(" |\n");
        }
        R1cs r = compiled.circuit().r1cs();
        sb.append("| | **total** | | | | | | | **").append(r.nConstraints()).append("** |\n\n");
        sb.append("Totals: ").append(r.nConstraints()).append(" constraints, ").append(r.nWires())
                .append(" wires, ").append(r.nPublic()).append(" public signals, ").append(r.nPrvIn())
                .append(" private inputs (salt and the quantized input).\n\n");
    }

    private static void calibration(StringBuilder sb, QuantizerOptions o, Quantizer.Calibrated c) {
        Fidelity f = c.fidelity();
        sb.append("## Calibration\n\n");
        sb.append("Options: weight bits ").append(o.weightBits()).append(", activation bits ")
                .append(o.activationBits()).append(", input bits ")
                .append(o.inputBits() == 0 ? "chosen by calibration" : String.valueOf(o.inputBits()))
                .append(", tolerance ").append(num(o.tolerance())).append(" of the largest float logit.\n\n");
        sb.append("| measure on the ").append(f.rows()).append(" calibration inputs | value |\n| --- | --- |\n");
        sb.append("| class agreement with the float model | ").append(f.classAgreements()).append(" / ")
                .append(f.rows()).append(" (").append(percent(f.agreement())).append(") |\n");
        sb.append("| largest logit error | ").append(num(f.maxLogitError())).append(" |\n");
        sb.append("| largest float logit magnitude | ").append(num(f.maxAbsLogit())).append(" |\n");
        sb.append("| relative error | ").append(num(f.relativeError())).append(" |\n");
        sb.append("| within tolerance | ").append(c.withinTolerance() ? "yes" : "**no**").append(" |\n");
        if (!c.withinTolerance()) {
            sb.append("\nNo input width reached the tolerance; this is the closest model found. More weight or ")
                    .append("activation bits, or a larger tolerance, may help.\n");
        }
    }

    /** Four significant digits, without trailing zeros. */
    public static String num(double v) {
        if (v == 0 || Double.isInfinite(v) || Double.isNaN(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
