package io.foldline.circuits.quant;

import io.foldline.circuits.frontend.Api;
import io.foldline.circuits.frontend.Circuit;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.Compiler;
import io.foldline.circuits.frontend.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement of DESIGN.md section 2 for one {@link QuantizedModel}. Public signals, in snarkjs order:
 * outputs {@code commitment} (h_in), {@code logits[0..k)}, {@code class} (classifier heads only), then
 * the public input {@code tag}. Private inputs: {@code salt}, {@code input[0..n)} (the quantized input).
 * The tag is squared in one constraint so that it is bound by the constraint system itself and not only
 * by the Groth16 setup's extra rows (folding has no such rows).
 */
public final class ModelCircuit implements Circuit {
    private final QuantizedModel model;
    private final List<LayerCost> costs = new ArrayList<>();

    public ModelCircuit(QuantizedModel model) {
        this.model = model;
    }

    /** Constraints attributed to one part of the circuit, after {@link #define} ran. */
    public record LayerCost(String part, int constraints) {
    }

    public static Compiled compile(QuantizedModel model) {
        ModelCircuit c = new ModelCircuit(model);
        CompiledCircuit compiled = Compiler.compile(model.name(), c);
        return new Compiled(model, compiled, List.copyOf(c.costs));
    }

    /** A compiled model circuit and what each of its parts cost. */
    public record Compiled(QuantizedModel model, CompiledCircuit circuit, List<LayerCost> costs) {
    }

    @Override
    public void define(Api api) {
        costs.clear();
        Variable tag = api.publicInput("tag");
        Variable salt = api.privateInput("salt");
        Variable[] in = api.privateInputs("input", model.inputSize());
        int mark = api.constraintCount();
        api.output("commitment", InputCommitment.commit(api, salt, in, model.input()));
        mark = record(api, "input commitment and range", mark);

        CircuitOps ops = new CircuitOps(api);
        List<Signal> x = new ArrayList<>(in.length);
        for (Variable v : in) {
            x.add(new Signal(v, model.input().range()));
        }
        List<QLayer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            String part = "layer " + i + " " + layers.get(i).kind();
            try (Api.Scope s = api.gadget(part)) {
                x = layers.get(i).apply(ops, x);
            }
            mark = record(api, part, mark);
        }
        for (int i = 0; i < x.size(); i++) {
            api.output("logits[" + i + "]", x.get(i).v());
        }
        if (model.hasClass()) {
            try (Api.Scope s = api.gadget("class")) {
                api.output("class", model.predictedClass(ops, x).v());
            }
        }
        api.mul(tag, tag, "tag takes part in a constraint");
        record(api, "outputs, class and tag", mark);
    }

    private int record(Api api, String part, int mark) {
        int now = api.constraintCount();
        costs.add(new LayerCost(part, now - mark));
        return now;
    }
}
