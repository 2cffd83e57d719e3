package io.foldline.cli;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * The benchmark circuit of the reference measurements: a chain of n multiplications
 * {@code x_{i+1} = x_i^2 + i}, private input {@code x_0}, one public output {@code x_n}. Exactly n constraints,
 * so {@code n = 2^k - 8} fills a domain of 2^k rows (with the public-input rows snarkjs adds).
 *
 * <p>Wires follow circom's order: 0 is the constant one, 1 the public output, 2 the private input, then
 * the intermediate values x_1 .. x_{n-1}.
 */
public final class ChainCircuit {
    private ChainCircuit() {
    }

    public static R1cs r1cs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a chain needs at least one constraint, got " + n);
        }
        SparseMatrix.Builder a = SparseMatrix.builder();
        SparseMatrix.Builder b = SparseMatrix.builder();
        SparseMatrix.Builder c = SparseMatrix.builder();
        for (int i = 0; i < n; i++) {
            int in = 2 + i;
            a.add(in, Fr.ONE).endRow();
            b.add(in, Fr.ONE).endRow();
            c.add(next(i, n), Fr.ONE);
            if (i > 0) {
                c.add(0, Fr.of(-i));
            }
            c.endRow();
        }
        return new R1cs(n + 2, 1, 0, 1, n + 2, a.build(), b.build(), c.build(), null);
    }

    /** The satisfying witness for private input x. */
    public static Witness witness(int n, Fr x) {
        long[] w = new long[4 * (n + 2)];
        MontField f = MontField.FR;
        Fr.ONE.copyMontTo(w, 0);
        x.copyMontTo(w, 8);
        long[] k = new long[4];
        for (int i = 0; i < n; i++) {
            int out = next(i, n);
            f.sqr(w, 4 * (2 + i), w, 4 * out);
            Fr.of(i).copyMontTo(k, 0);
            f.add(w, 4 * out, k, 0, w, 4 * out);
        }
        return Witness.ofMont(w);
    }

    private static int next(int i, int n) {
        return i == n - 1 ? 1 : 3 + i;
    }
}
