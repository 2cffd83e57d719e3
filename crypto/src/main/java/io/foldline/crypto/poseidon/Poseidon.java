package io.foldline.crypto.poseidon;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * Poseidon over the BN254 scalar field, equal to circomlib's {@code Poseidon(n)} template and circomlibjs'
 * {@code poseidon(inputs)} for 1..16 inputs. Stateless and thread-safe.
 */
public final class Poseidon {
    public static final int MAX_INPUTS = PoseidonParameters.MAX_WIDTH - 1;

    private static final MontField F = MontField.FR;

    private Poseidon() {
    }

    /** State [0, inputs...] through the permutation of width n + 1; the hash is element 0 of the result. */
    public static Fr hash(Fr... inputs) {
        int n = inputs.length;
        if (n < 1 || n > MAX_INPUTS) {
            throw new CryptoException("Poseidon.hash: input count must be in [1, " + MAX_INPUTS + "], got " + n);
        }
        long[] s = new long[(n + 1) * 4];
        for (int i = 0; i < n; i++) {
            inputs[i].copyMontTo(s, (i + 1) * 4);
        }
        permute(PoseidonParameters.forWidth(n + 1).optimized, s);
        return Fr.fromMont(s, 0);
    }

    /** The permutation of width state.length (2..17); the argument is not modified. */
    public static Fr[] permute(Fr... state) {
        int t = state.length;
        if (t < PoseidonParameters.MIN_WIDTH || t > PoseidonParameters.MAX_WIDTH) {
            throw new CryptoException("Poseidon.permute: state width must be in [" + PoseidonParameters.MIN_WIDTH
                    + ", " + PoseidonParameters.MAX_WIDTH + "], got " + t);
        }
        long[] s = new long[t * 4];
        for (int i = 0; i < t; i++) {
            state[i].copyMontTo(s, i * 4);
        }
        permute(PoseidonParameters.forWidth(t).optimized, s);
        Fr[] out = new Fr[t];
        for (int i = 0; i < t; i++) {
            out[i] = Fr.fromMont(s, i * 4);
        }
        return out;
    }

    /** In place on t Montgomery elements (4 limbs each) at the start of {@code s}. */
    static void permute(OptimizedRounds o, long[] s) {
        int t = o.t;
        long[] tmp = new long[(t + 1) * 4]; // t outputs of a matrix product, then one product term
        for (int r = 0; r < o.halfFull; r++) {
            fullRound(o, r, s, r == o.halfFull - 1 ? o.preSparse : o.mds, tmp);
        }
        for (int r = 0; r < o.partial; r++) {
            F.add(s, 0, o.partialConstants, r * 4, s, 0);
            sbox(s, 0, tmp, t * 4);
            sparseMix(o, r, s, tmp);
        }
        for (int r = o.halfFull; r < 2 * o.halfFull; r++) {
            fullRound(o, r, s, o.mds, tmp);
        }
    }

    private static void fullRound(OptimizedRounds o, int r, long[] s, long[] matrix, long[] tmp) {
        int t = o.t;
        for (int i = 0; i < t; i++) {
            F.add(s, i * 4, o.fullConstants, (r * t + i) * 4, s, i * 4);
            sbox(s, i * 4, tmp, t * 4);
        }
        int prod = t * 4;
        for (int i = 0; i < t; i++) {
            int row = i * t * 4;
            F.mul(matrix, row, s, 0, tmp, i * 4);
            for (int j = 1; j < t; j++) {
                F.mul(matrix, row + j * 4, s, j * 4, tmp, prod);
                F.add(tmp, i * 4, tmp, prod, tmp, i * 4);
            }
        }
        System.arraycopy(tmp, 0, s, 0, t * 4);
    }

    /** new[0] = row . s; new[i] = s[i] + col[i] * s[0] for i >= 1 (the sparse matrix B of OptimizedRounds). */
    private static void sparseMix(OptimizedRounds o, int r, long[] s, long[] tmp) {
        int t = o.t;
        int base = r * (2 * t - 1) * 4;
        long[] m = o.sparse;
        int prod = t * 4;
        F.mul(m, base, s, 0, tmp, 0);
        for (int j = 1; j < t; j++) {
            F.mul(m, base + j * 4, s, j * 4, tmp, prod);
            F.add(tmp, 0, tmp, prod, tmp, 0);
        }
        for (int i = 1; i < t; i++) {
            F.mul(m, base + (t + i - 1) * 4, s, 0, tmp, prod);
            F.add(s, i * 4, tmp, prod, s, i * 4);
        }
        System.arraycopy(tmp, 0, s, 0, 4);
    }

    /** x^5 in place at {@code off}, using four longs of {@code scratch} at {@code so}. */
    private static void sbox(long[] x, int off, long[] scratch, int so) {
        F.sqr(x, off, scratch, so);
        F.sqr(scratch, so, scratch, so);
        F.mul(x, off, scratch, so, x, off);
    }
}
