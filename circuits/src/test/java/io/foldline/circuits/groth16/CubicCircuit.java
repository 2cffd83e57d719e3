package io.foldline.circuits.groth16;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.List;

/**
 * The textbook circuit x^3 + x + 5 = out (Vitalik Buterin, "Quadratic Arithmetic Programs: from Zero to
 * Hero"), built by hand: wires 0 = 1, 1 = out (public output), 2 = x (private input), 3 = x^2, 4 = x^3.
 * Constraints: x * x = x^2; x^2 * x = x^3; (x^3 + x + 5) * 1 = out.
 */
final class CubicCircuit {
    private CubicCircuit() {
    }

    static R1cs r1cs() {
        SparseMatrix.Builder a = SparseMatrix.builder();
        SparseMatrix.Builder b = SparseMatrix.builder();
        SparseMatrix.Builder c = SparseMatrix.builder();
        a.add(2, Fr.ONE).endRow();
        b.add(2, Fr.ONE).endRow();
        c.add(3, Fr.ONE).endRow();
        a.add(3, Fr.ONE).endRow();
        b.add(2, Fr.ONE).endRow();
        c.add(4, Fr.ONE).endRow();
        a.add(4, Fr.ONE).add(2, Fr.ONE).add(0, Fr.of(5)).endRow();
        b.add(0, Fr.ONE).endRow();
        c.add(1, Fr.ONE).endRow();
        return new R1cs(5, 1, 0, 1, 5, a.build(), b.build(), c.build(), null);
    }

    /** The satisfying assignment for input x. */
    static Witness witness(long x) {
        Fr fx = Fr.of(x);
        Fr x2 = fx.square();
        Fr x3 = x2.mul(fx);
        Fr out = x3.add(fx).add(Fr.of(5));
        return Witness.of(List.of(Fr.ONE, out, fx, x2, x3));
    }
}
