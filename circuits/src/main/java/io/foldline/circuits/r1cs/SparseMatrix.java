package io.foldline.circuits.r1cs;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;
import java.util.Arrays;

/**
 * One R1CS matrix (A, B or C) in compressed sparse rows: row {@code i} holds the terms
 * {@code rowStart(i) .. rowEnd(i) - 1}; term {@code k} is wire {@link #col(int) col(k)} with the Fr
 * coefficient stored as four Montgomery limbs at {@code coeffs()[4k]}. Terms keep their order within a row
 * (the order of the .r1cs file), so a file read and written back is byte-identical.
 *
 * <p>Immutable. {@link #rowStarts()}, {@link #cols()} and {@link #coeffs()} return the backing arrays
 * without copying, for the prover's and the setup's hot loops: callers must not modify them.
 */
public final class SparseMatrix {
    private static final MontField FR = MontField.FR;

    private final int[] rowStart;
    private final int[] cols;
    private final long[] coeffs;

    private SparseMatrix(int[] rowStart, int[] cols, long[] coeffs) {
        this.rowStart = rowStart;
        this.cols = cols;
        this.coeffs = coeffs;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int terms() {
        return cols.length;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int col(int term) {
        return cols[term];
    }

    public Fr coeff(int term) {
        return Fr.fromMont(coeffs, 4 * term);
    }

    /** Backing array, length rows() + 1. Do not modify. */
    public int[] rowStarts() {
        return rowStart;
    }

    /** Backing array, one wire index per term. Do not modify. */
    public int[] cols() {
        return cols;
    }

    /** Backing array, four Montgomery limbs per term. Do not modify. */
    public long[] coeffs() {
        return coeffs;
    }

    /** The largest wire index used, or -1 for a matrix without terms. */
    public int maxCol() {
        int m = -1;
        for (int c : cols) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** {@code out[4i..4i+3] = sum_k coeff_k * z[col_k]} for every row i (Montgomery limbs throughout). */
    public void multiply(long[] z, long[] out) {
        long[] t = new long[4];
        for (int i = 0; i < rows(); i++) {
            MontField.setZero(out, 4 * i);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                FR.mul(coeffs, 4 * k, z, 4 * cols[k], t, 0);
                FR.add(out, 4 * i, t, 0, out, 4 * i);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseMatrix m && Arrays.equals(rowStart, m.rowStart) && Arrays.equals(cols, m.cols)
                && Arrays.equals(coeffs, m.coeffs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rowStart) * 31 + Arrays.hashCode(cols);
    }

    @Override
    public String toString() {
        return "SparseMatrix[rows=" + rows() + ", terms=" + terms() + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Appends terms row by row: {@code add(...)} terms of the current row, then {@code endRow()}. */
    public static final class Builder {
        private int[] rowStart = new int[16];
        private int rows;
        private int[] cols = new int[16];
        private long[] coeffs = new long[64];
        private int terms;

        private Builder() {
        }

        /** Adds a term with the coefficient's Montgomery limbs at {@code src[off..off+3]}. */
        public Builder add(int wire, long[] src, int off) {
            if (wire < 0) {
                throw new IllegalArgumentException("negative wire index " + wire);
            }
            if (terms == cols.length) {
                cols = Arrays.copyOf(cols, 2 * terms);
                coeffs = Arrays.copyOf(coeffs, 8 * terms);
            }
            cols[terms] = wire;
            MontField.copy(src, off, coeffs, 4 * terms);
            terms++;
            return this;
        }

        public Builder add(int wire, Fr coeff) {
            long[] l = new long[4];
            coeff.copyMontTo(l, 0);
            return add(wire, l, 0);
        }

        public Builder endRow() {
            if (rows + 2 > rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, 2 * rowStart.length);
            }
            rows++;
            rowStart[rows] = terms;
            return this;
        }

        public int rows() {
            return rows;
        }

        public SparseMatrix build() {
            return new SparseMatrix(Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(cols, terms),
                    Arrays.copyOf(coeffs, 4 * terms));
        }
    }
}
