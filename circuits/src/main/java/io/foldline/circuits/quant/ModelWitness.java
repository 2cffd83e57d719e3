package io.foldline.circuits.quant;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Solves a compiled model circuit for one quantized input and checks the result against the reference
 * runtime and the native commitment: the circuit's public outputs must equal them exactly, or this
 * throws (a disagreement is a bug in Foldline, never in the input).
 */
public final class ModelWitness {
    private ModelWitness() {
    }

    /** The full witness, the public signals in snarkjs order, and the reference runtime's inference. */
    public record Result(Witness witness, List<Fr> publicSignals, QuantizedModel.Inference reference,
                         Fr commitment) {
    }

    public static Result compute(ModelCircuit.Compiled compiled, long[] q, Fr salt, Fr tag) {
        QuantizedModel model = compiled.model();
        CompiledCircuit circuit = compiled.circuit();
        Map<String, Fr> inputs = new HashMap<>();
        inputs.put("tag", tag);
        inputs.put("salt", salt);
        for (int i = 0; i < q.length; i++) {
            inputs.put("input[" + i + "]", Fr.of(q[i]));
        }
        Witness w = circuit.solve(inputs);
        List<Fr> pub = circuit.publicSignals(w);
        QuantizedModel.Inference ref = model.infer(q);
        Fr commitment = InputCommitment.commit(salt, q, model.input());
        requireEqual(model, "commitment", pub.get(0), commitment);
        for (int i = 0; i < ref.logits().length; i++) {
            requireEqual(model, "logits[" + i + "]", pub.get(1 + i), Fr.of(ref.logits()[i]));
        }
        int next = 1 + ref.logits().length;
        if (model.hasClass()) {
            requireEqual(model, "class", pub.get(next++), Fr.of(ref.predictedClass()));
        }
        requireEqual(model, "tag", pub.get(next), tag);
        return new Result(w, pub, ref, commitment);
    }

    private static void requireEqual(QuantizedModel model, String what, Fr circuit, Fr reference) {
        if (!circuit.equals(reference)) {
            throw new IllegalStateException(model.name() + ": the circuit's " + what + " is " + circuit
                    + " but the reference runtime gives " + reference + " (a Foldline bug; please report it)");
        }
    }
}
