package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.internal.MontField;

/**
 * Sparse linear combinations of base points, one per output: output j is the sum over its terms k of
 * {@code coeff_k · bases[set_k][index_k]}, terms in compressed rows ({@code start[j] .. start[j+1]}). The
 * setup fills one table per zkey point section (A, B1, B2, and IC ‖ C) in two passes over the R1CS, the
 * first counting terms per output, the second placing them, so no per-term objects are made.
 */
final class TermTable {
    final int outputs;
    final int[] start;
    byte[] set;
    int[] index;
    /** Four Fr Montgomery limbs per term. */
    long[] coeff;
    private int[] next;

    TermTable(int outputs) {
        this.outputs = outputs;
        this.start = new int[outputs + 1];
    }

    /** First pass: one more term for output j. */
    void count(int j) {
        start[j + 1]++;
    }

    /** Between the passes: turns counts into offsets and allocates the term arrays. */
    void allocate() {
        for (int j = 0; j < outputs; j++) {
            start[j + 1] += start[j];
        }
        int n = start[outputs];
        set = new byte[n];
        index = new int[n];
        coeff = new long[4 * n];
        next = start.clone();
    }

    /** Second pass: the term {@code coeff · bases[set][index]} of output j (coefficient limbs at src[off]). */
    void put(int j, int baseSet, int baseIndex, long[] src, int off) {
        int k = next[j]++;
        set[k] = (byte) baseSet;
        index[k] = baseIndex;
        MontField.copy(src, off, coeff, 4 * k);
    }

    int terms() {
        return start[outputs];
    }
}
