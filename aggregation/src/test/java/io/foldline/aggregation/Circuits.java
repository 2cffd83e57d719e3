package io.foldline.aggregation;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.Compiler;
import io.foldline.circuits.frontend.PoseidonGadget;
import io.foldline.circuits.frontend.Variable;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.kzg.Srs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small circuits and an insecure SRS for the folding tests. */
final class Circuits {
    /** Known to the tests, so commitments can be checked as scalars times G1. */
    static final Fr TAU = Fr.of(0x5eed_7a0L);

    private Circuits() {
    }

    /** {@code x * x = y}: wire 0 = one, 1 = y (public output), 2 = x (private input); one row. */
    static R1cs square() {
        SparseMatrix a = SparseMatrix.builder().add(2, Fr.ONE).endRow().build();
        SparseMatrix b = SparseMatrix.builder().add(2, Fr.ONE).endRow().build();
        SparseMatrix c = SparseMatrix.builder().add(1, Fr.ONE).endRow().build();
        return new R1cs(3, 1, 0, 1, 3, a, b, c, null);
    }

    static Witness squareWitness(long x, long y) {
        return Witness.of(List.of(Fr.ONE, Fr.of(y), Fr.of(x)));
    }

    /**
     * Products and a Poseidon hash: public input a, private b and c; outputs h = Poseidon(a b (c + 1), b)
     * and q = a b (c + 1). About 250 rows.
     */
    static CompiledCircuit poseidon() {
        return Compiler.compile("fold-test", api -> {
            Variable a = api.publicInput("a");
            Variable b = api.privateInput("b");
            Variable c = api.privateInput("c");
            Variable q = api.mul(api.mul(a, b), c.add(1));
            Variable h = PoseidonGadget.hash(api, q, b);
            api.output("h", h);
            api.output("q", q);
        });
    }

    /**
     * Shaped like a model circuit's public signals (outputs {@code h_in, y0, y1}, then the public input
     * {@code tag}) but small: 5 private inputs, 8 rows, 10 witness entries, so that its decider is about 900
     * constraints and its Groth16 setup takes a fraction of a second. {@code h_in} is a linear stand-in for
     * the input hash; {@code tag} is squared into a row as circom does to bind an unused public input.
     */
    static CompiledCircuit modelShaped() {
        return Compiler.compile("model-shaped", api -> {
            Variable tag = api.publicInput("tag");
            Variable[] in = api.privateInputs("in", 5);
            Variable p1 = api.mul(in[0], in[1]);
            Variable p2 = api.mul(p1, in[2]);
            Variable p3 = api.mul(p2, in[3].add(1));
            Variable p4 = api.mul(p3, in[4]);
            api.output("h_in", p1.add(in[0].mul(7)).add(in[3]));
            api.output("y0", p4.add(in[0]));
            api.output("y1", p2.sub(in[1]));
            api.mul(tag, tag, "tag squared");
        });
    }

    static Witness modelShapedWitness(CompiledCircuit circuit, long seed, long tag) {
        Map<String, Fr> in = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            in.put("in[" + i + "]", Fr.of(seed * 31 + i * i + 2));
        }
        in.put("tag", Fr.of(tag));
        return circuit.solve(in);
    }

    static Witness poseidonWitness(CompiledCircuit circuit, long a, long b, long c) {
        return circuit.solve(Map.of("a", Fr.of(a), "b", Fr.of(b), "c", Fr.of(c)));
    }

    static Srs srs(RelaxedR1cs relation) {
        return Srs.insecureForTests((int) CommitmentKey.powersNeeded(relation.nWitness(), relation.nRows()), TAU);
    }

    static Nifs nifs(R1cs r1cs) {
        RelaxedR1cs relation = new RelaxedR1cs(r1cs);
        return new Nifs(relation, CommitmentKey.of(srs(relation), relation));
    }
}
