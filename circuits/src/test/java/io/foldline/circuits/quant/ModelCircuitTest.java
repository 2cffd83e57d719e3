package io.foldline.circuits.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.crypto.bn254.Fr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCircuitTest {
    private static final Fr SALT = Fr.of(123456789);
    private static final Fr TAG = Fr.of(42);

    @Test
    void mlpCircuitOutputsEqualTheReferenceRuntime() {
        checkAgainstReference(TinyModels.mlp(Head.SOFTMAX, 3), -1, 1);
    }

    @Test
    void cnnCircuitOutputsEqualTheReferenceRuntime() {
        checkAgainstReference(TinyModels.cnn(), 0, 1);
    }

    @Test
    void singleSigmoidProvesTheClassFromTheSign() {
        checkAgainstReference(TinyModels.mlp(Head.SIGMOID, 1), -1, 1);
    }

    @Test
    void linearHeadProvesNoClass() {
        FloatModel f = TinyModels.mlp(Head.NONE, 2);
        QuantizedModel q = Quantizer.calibrate(f, TinyModels.inputs(f, 32, 5, -1, 1), QuantizerOptions.DEFAULTS).model();
        ModelCircuit.Compiled c = ModelCircuit.compile(q);
        assertEquals(1 + 2 + 1, c.circuit().r1cs().nPublic(), "commitment, 2 logits, tag");
    }

    private static void checkAgainstReference(FloatModel f, double lo, double hi) {
        List<double[]> cal = TinyModels.inputs(f, 64, 3, lo, hi);
        Quantizer.Calibrated cq = Quantizer.calibrate(f, cal, QuantizerOptions.DEFAULTS);
        assertTrue(cq.withinTolerance(), "calibration reaches 1%: " + cq.fidelity());
        QuantizedModel q = cq.model();
        ModelCircuit.Compiled c = ModelCircuit.compile(q);
        int expectedPublic = 1 + q.outputSize() + (q.hasClass() ? 1 : 0) + 1;
        assertEquals(expectedPublic, c.circuit().r1cs().nPublic());
        for (double[] x : TinyModels.inputs(f, 10, 4, lo, hi)) {
            long[] xq = q.quantizeInput(x, "test");
            // compute() itself throws unless every public output equals the reference runtime
            ModelWitness.Result r = ModelWitness.compute(c, xq, SALT, TAG);
            assertTrue(c.circuit().r1cs().firstUnsatisfied(r.witness()) < 0);
            double[] lf = f.logits(x);
            double[] lq = q.dequantize(r.reference().logits());
            for (int i = 0; i < lf.length; i++) {
                assertEquals(lf[i], lq[i], 0.05 * Math.max(1, Math.abs(lf[i])), "logit " + i);
            }
            assertEquals(TAG, r.publicSignals().get(r.publicSignals().size() - 1));
        }
    }

    @Test
    void inputOutsideTheCalibratedRangeIsRefusedByName() {
        FloatModel f = TinyModels.mlp(Head.SOFTMAX, 3);
        QuantizedModel q = Quantizer.calibrate(f, TinyModels.inputs(f, 32, 5, -1, 1), QuantizerOptions.DEFAULTS).model();
        double[] x = new double[6];
        x[4] = 1000;
        FormatException e = assertThrows(FormatException.class, () -> q.quantizeInput(x, "in.json"));
        assertTrue(e.getMessage().startsWith("in.json: input[4] = 1000.0 is outside the range"), e.getMessage());
        FormatException shape = assertThrows(FormatException.class, () -> q.quantizeInput(new double[5], "in.json"));
        assertTrue(shape.getMessage().contains("input has 5 values"), shape.getMessage());
    }

    @Test
    void commitmentDependsOnSaltAndEveryInput() {
        FloatModel f = TinyModels.mlp(Head.SOFTMAX, 3);
        QuantizedModel q = Quantizer.calibrate(f, TinyModels.inputs(f, 32, 5, -1, 1), QuantizerOptions.DEFAULTS).model();
        long[] a = q.quantizeInput(new double[] {0.1, 0.2, 0.3, -0.4, 0.5, 0.6}, "t");
        Fr h = InputCommitment.commit(SALT, a, q.input());
        assertTrue(!h.equals(InputCommitment.commit(Fr.of(7), a, q.input())));
        for (int i = 0; i < a.length; i++) {
            long[] b = a.clone();
            b[i]++;
            assertTrue(!h.equals(InputCommitment.commit(SALT, b, q.input())), "input " + i);
        }
    }
}
