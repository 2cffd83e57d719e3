package io.foldline.circuits.frontend;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs a circuit's {@code define} once and lays the result out as an {@link R1cs} in circom's wire order:
 * 0 = the constant 1, then public outputs, public inputs and private inputs (each in declaration order),
 * then internal wires in creation order. Refuses a circuit in which a hint output takes part in no
 * constraint (such a wire is whatever the prover likes).
 */
public final class Compiler {
    private Compiler() {
    }

    public static CompiledCircuit compile(String name, Circuit circuit) {
        Api api = new Api();
        circuit.define(api);
        if (!api.gadgetPath().equals("circuit")) {
            throw new IllegalStateException(name + ": gadget scope " + api.gadgetPath() + " left open");
        }
        int[] toFinal = wireOrder(api.wires);
        requireHintsConstrained(name, api, toFinal.length);
        SparseMatrix.Builder a = SparseMatrix.builder();
        SparseMatrix.Builder b = SparseMatrix.builder();
        SparseMatrix.Builder c = SparseMatrix.builder();
        ConstraintLabel[] labels = new ConstraintLabel[api.constraints.size()];
        for (int i = 0; i < labels.length; i++) {
            Api.Constraint k = api.constraints.get(i);
            row(a, k.a(), toFinal);
            row(b, k.b(), toFinal);
            row(c, k.c(), toFinal);
            labels[i] = k.label();
        }
        int nOut = count(api.wires, Api.Kind.OUTPUT);
        int nPub = count(api.wires, Api.Kind.PUBLIC);
        int nPrv = count(api.wires, Api.Kind.PRIVATE);
        int n = toFinal.length;
        R1cs r1cs = new R1cs(n, nOut, nPub, nPrv, n, a.build(), b.build(), c.build(), null);
        String[] wireNames = new String[n];
        for (int w = 0; w < n; w++) {
            wireNames[toFinal[w]] = api.wires.get(w).name();
        }
        return new CompiledCircuit(name, r1cs, labels, wireNames, toFinal, List.copyOf(api.steps));
    }

    /** Provisional id -> final index. */
    private static int[] wireOrder(List<Api.Wire> wires) {
        int[] toFinal = new int[wires.size()];
        int next = 0;
        for (Api.Kind kind : Api.Kind.values()) {
            for (int w = 0; w < wires.size(); w++) {
                if (wires.get(w).kind() == kind) {
                    toFinal[w] = next++;
                }
            }
        }
        return toFinal;
    }

    private static void row(SparseMatrix.Builder m, Variable v, int[] toFinal) {
        Integer[] order = new Integer[v.terms()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingInt(k -> toFinal[v.wireAt(k)]));
        for (int k : order) {
            m.add(toFinal[v.wireAt(k)], v.coeffAt(k));
        }
        m.endRow();
    }

    private static void requireHintsConstrained(String name, Api api, int nWires) {
        BitSet used = new BitSet(nWires);
        for (Api.Constraint k : api.constraints) {
            for (Variable v : new Variable[] {k.a(), k.b(), k.c()}) {
                for (int t = 0; t < v.terms(); t++) {
                    used.set(v.wireAt(t));
                }
            }
        }
        for (Map.Entry<Integer, ConstraintLabel> e : api.hintWires.entrySet()) {
            if (!used.get(e.getKey())) {
                throw new IllegalArgumentException(name + ": hint output " + api.wires.get(e.getKey()).name()
                        + " takes part in no constraint (a prover could put anything there)");
            }
        }
    }

    private static int count(List<Api.Wire> wires, Api.Kind kind) {
        return (int) wires.stream().filter(w -> w.kind() == kind).count();
    }
}
