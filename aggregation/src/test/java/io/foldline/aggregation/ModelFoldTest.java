package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.model.Relu;
import io.foldline.circuits.quant.ModelCircuit;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.quant.Quantizer;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.crypto.bn254.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Folding the instances of a real (tiny) quantized model circuit, as the window prover will. */
class ModelFoldTest {
    @Test
    void foldsThreeInferencesOfATinyMlp() {
        Random r = new Random(4);
        FloatModel f = new FloatModel("fold_mlp", new int[] {4}, List.of(
                dense(r, 4, 3), new Relu(new int[] {3}), dense(r, 3, 2)), Head.SOFTMAX);
        List<double[]> inputs = inputs(r, 40, 4);
        QuantizedModel q = Quantizer.calibrate(f, inputs, QuantizerOptions.DEFAULTS).model();
        ModelCircuit.Compiled compiled = ModelCircuit.compile(q);
        Nifs nifs = Circuits.nifs(compiled.circuit().r1cs());
        byte[] vk = R1csDigest.of(compiled.circuit().r1cs());

        SplittableRandom rng = new SplittableRandom(31);
        Nifs.InstanceWitness acc = nifs.start(rng);
        CommittedInstance replayed = acc.instance();
        for (int i = 0; i < 3; i++) {
            long[] xq = q.quantizeInput(inputs.get(i), "test");
            ModelWitness.Result inference = ModelWitness.compute(compiled, xq, Fr.of(1000 + i), Fr.of(i));
            Nifs.InstanceWitness fresh = nifs.fresh(inference.witness(), rng);
            assertEquals(inference.publicSignals(), List.of(fresh.instance().x()), "x_i is h_in, y, tag");
            Nifs.FoldResult step = nifs.fold(vk, acc, fresh, rng);
            acc = step.folded();
            replayed = Nifs.verify(vk, replayed, fresh.instance(), step.crossTerm());
            assertEquals(-1, nifs.relation().firstUnsatisfied(acc.instance(), acc.witness()), "fold " + i);
            assertEquals(nifs.key().commit(acc.witness()), acc.instance().commitment(), "fold " + i);
            assertEquals(acc.instance(), replayed, "fold " + i);
        }
    }

    private static Dense dense(Random r, int in, int out) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian() / Math.sqrt(in);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.1 * r.nextGaussian();
        }
        return new Dense(in, out, w, b);
    }

    private static List<double[]> inputs(Random r, int rows, int n) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2 * r.nextDouble() - 1;
            }
            out.add(x);
        }
        return out;
    }
}
