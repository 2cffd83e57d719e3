package io.foldline.circuits.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelReportTest {
    private record Made(String report, Quantizer.Calibrated calibrated, ModelCircuit.Compiled compiled,
                        List<double[]> inputs) {
    }

    private static Made make(FloatModel f, double lo) {
        List<double[]> cal = TinyModels.inputs(f, 32, 5, lo, 1);
        Quantizer.Calibrated c = Quantizer.calibrate(f, cal, QuantizerOptions.DEFAULTS);
        ModelCircuit.Compiled compiled = ModelCircuit.compile(c.model());
        return new Made(ModelReport.markdown("tiny.onnx", QuantizerOptions.DEFAULTS, c, compiled), c, compiled, cal);
    }

    @Test
    void softmaxClassifierSaysWhatIsProvenAndListsItsSignals() {
        String r = make(TinyModels.mlp(Head.SOFTMAX, 3), -1).report();
        assertTrue(r.startsWith("# Model `tiny_mlp`\n"), r);
        assertTrue(r.contains("from `tiny.onnx`"), r);
        assertTrue(r.contains("the logits and the predicted class; Softmax applied outside the proof"), r);
        assertTrue(r.contains("| 0 | commitment |"), r);
        assertTrue(r.contains("| 1..3 | logits[0..2] |"), r);
        assertTrue(r.contains("| 4 | class | index of the largest logit"), r);
        assertTrue(r.contains("| 5 | tag |"), r);
    }

    @Test
    void singleSigmoidHasAClassFromTheSign() {
        String r = make(TinyModels.mlp(Head.SIGMOID, 1), -1).report();
        assertTrue(r.contains("the logits and the predicted class; Sigmoid applied outside the proof"), r);
        assertTrue(r.contains("| 1 | logits[0] |"), r);
        assertTrue(r.contains("| 2 | class | 1 when the logit is >= 0"), r);
        assertTrue(r.contains("| 3 | tag |"), r);
    }

    @Test
    void linearHeadHasNoClass() {
        String r = make(TinyModels.mlp(Head.NONE, 2), -1).report();
        assertTrue(r.contains("as they are"), r);
        assertFalse(r.contains("| class |"), r);
        assertTrue(r.contains("| 3 | tag |"), r);
    }

    @Test
    void layerRowsAddUpToTheCircuitAndBoundTheLogits() {
        Made m = make(TinyModels.cnn(), 0);
        QuantizedModel q = m.compiled().model();
        int total = m.compiled().circuit().r1cs().nConstraints();
        assertTrue(m.report().contains("| **total** | | | | | | | **" + total + "** |"), m.report());
        List<String[]> rows = m.report().lines().filter(l -> l.startsWith("| ") && l.split("\\|").length == 10)
                .map(l -> l.split("\\|")).toList();
        long sum = 0;
        int layerRows = 0;
        for (String[] cells : rows) {
            String c = cells[9].trim();
            if (cells[2].contains("total") || !c.matches("\\d+")) {
                continue;
            }
            sum += Long.parseLong(c);
            layerRows += cells[1].trim().isEmpty() ? 0 : 1;
        }
        assertEquals(total, sum, "per-part constraints sum to the total");
        assertEquals(q.layers().size(), layerRows);

        // the last layer's bound bits must cover every logit the reference runtime actually produces
        String[] last = rows.stream().filter(c -> c[1].trim().equals(String.valueOf(q.layers().size() - 1)))
                .findFirst().orElseThrow();
        int boundBits = Integer.parseInt(last[8].trim());
        for (double[] x : m.inputs()) {
            for (long v : q.infer(q.quantizeInput(x, "t")).logits()) {
                assertTrue(Interval.of(v).signedBits() <= boundBits, v + " within " + boundBits + " bits");
            }
        }
    }

    @Test
    void inputAndCalibrationAreDescribed() {
        Made m = make(TinyModels.mlp(Head.SOFTMAX, 3), -1);
        InputSpec in = m.compiled().model().input();
        Fidelity f = m.calibrated().fidelity();
        String r = m.report();
        assertTrue(r.contains("Shape [6] (6 values, flattened row-major)"), r);
        assertTrue(r.contains("a signed " + in.bits() + "-bit integer in " + in.range()), r);
        assertTrue(r.contains("| class agreement with the float model | " + f.classAgreements() + " / 32"), r);
        assertTrue(r.contains("| within tolerance | " + (m.calibrated().withinTolerance() ? "yes" : "**no**")), r);
    }
}
