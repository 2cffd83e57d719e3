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
