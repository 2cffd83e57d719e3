package io.foldline.circuits.frontend;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled circuit: its {@link R1cs} (circom's wire order), a label per constraint, a name per wire,
 * and the witness program that {@link #solve} runs. Immutable; solving is thread-safe as long as the
 * circuit's hints are.
 */
public final class CompiledCircuit {
    private final String name;
    private final R1cs r1cs;
    private final ConstraintLabel[] labels;
    private final String[] wireNames;
    private final int[] toFinal;
    private final List<Step> steps;
    private final Map<String, Integer> inputIds = new HashMap<>();

    CompiledCircuit(String name, R1cs r1cs, ConstraintLabel[] labels, String[] wireNames, int[] toFinal,
                    List<Step> steps) {
        this.name = name;
        this.r1cs = r1cs;
        this.labels = labels;
        this.wireNames = wireNames;
        this.toFinal = toFinal;
        this.steps = steps;
        int firstIn = 1 + r1cs.nPubOut();
        for (int w = 0; w < toFinal.length; w++) {
            int f = toFinal[w];
            if (f >= firstIn && f < firstIn + r1cs.nPubIn() + r1cs.nPrvIn()) {
                inputIds.put(wireNames[f], w);
            }
        }
    }

    public String name() {
        return name;
    }

    public R1cs r1cs() {
        return r1cs;
    }

    public int nConstraints() {
        return r1cs.nConstraints();
    }

    public ConstraintLabel label(int row) {
        return labels[row];
    }

    public String wireName(int wire) {
        return wireNames[wire];
    }

    /** The final index of the first wire with this name, or -1. */
    public int wireIndex(String wireName) {
        for (int w = 0; w < wireNames.length; w++) {
            if (wireNames[w].equals(wireName)) {
                return w;
            }
        }
        return -1;
    }

    /** Input names in wire order: public inputs, then private inputs. */
    public List<String> inputNames() {
        List<String> out = new ArrayList<>();
        int first = 1 + r1cs.nPubOut();
        for (int w = first; w < first + r1cs.nPubIn() + r1cs.nPrvIn(); w++) {
            out.add(wireNames[w]);
        }
        return out;
    }

    /** Computes every wire from the inputs and checks every constraint. */
    public Witness solve(Map<String, Fr> inputs) {
        Witness w = assign(inputs, Map.of());
        check(w);
        return w;
    }

    /**
     * Computes every wire without checking, running {@code overrides} in place of the hints with the same
     * label: how tests play a cheating prover.
     */
    public Witness assign(Map<String, Fr> inputs, Map<ConstraintLabel, Hint> overrides) {
        Fr[] v = new Fr[toFinal.length];
        v[0] = Fr.ONE;
        for (Map.Entry<String, Fr> e : inputs.entrySet()) {
            Integer id = inputIds.get(e.getKey());
            if (id == null) {
                throw new IllegalArgumentException(name + ": no input named " + e.getKey());
            }
            v[id] = e.getValue();
        }
        if (inputs.size() != inputIds.size()) {
            List<String> missing = inputNames().stream().filter(n -> !inputs.containsKey(n)).toList();
            throw new IllegalArgumentException(name + ": inputs without a value: " + missing);
        }
        for (Step s : steps) {
            run(s, v, overrides);
        }
        long[] limbs = new long[4 * v.length];
        for (int w = 0; w < v.length; w++) {
            v[w].copyMontTo(limbs, 4 * toFinal[w]);
        }
        return Witness.ofMont(limbs);
    }

    private void run(Step s, Fr[] v, Map<ConstraintLabel, Hint> overrides) {
        switch (s) {
            case Step.Product p -> v[p.wire()] = p.a().evaluate(i -> v[i]).mul(p.b().evaluate(i -> v[i]));
            case Step.Linear l -> v[l.wire()] = l.v().evaluate(i -> v[i]);
            case Step.HintCall h -> {
                Fr[] in = new Fr[h.inputs().length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = h.inputs()[i].evaluate(j -> v[j]);
                }
                Fr[] out = overrides.getOrDefault(h.label(), h.hint()).compute(in);
                if (out.length != h.wires().length) {
                    throw new IllegalStateException(name + ": hint " + h.label() + " returned " + out.length
                            + " values for " + h.wires().length + " wires");
                }
                for (int i = 0; i < out.length; i++) {
                    v[h.wires()[i]] = out[i];
                }
            }
        }
    }

    /** Throws {@link UnsatisfiedConstraintException} naming the first constraint that {@code w} violates. */
    public void check(Witness w) {
        int row = r1cs.firstUnsatisfied(w);
        if (row >= 0) {
            throw new UnsatisfiedConstraintException(name, row, labels[row]);
        }
    }

    /** Public signals as snarkjs lists them: outputs, then public inputs. */
    public List<Fr> publicSignals(Witness w) {
        List<Fr> out = new ArrayList<>();
        for (int i = 1; i <= r1cs.nPublic(); i++) {
            out.add(w.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "CompiledCircuit[" + name + ", " + r1cs + "]";
    }
}
