package io.foldline.circuits.groth16;

import io.foldline.crypto.concurrent.Jobs;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.fft.Domain;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The quadratic arithmetic program of a proving key, in snarkjs' form: the A and B matrices of zkey
 * section 4 (the C matrix is never needed, since on every row C·z = (A·z)(B·z) for a satisfying witness),
 * over a domain of n = 2^k rows of which the first nConstraints are the circuit's and the next nPublic + 1
 * are the extra rows {@code A[nConstraints + s][s] = 1} that bind the public signals.
 *
 * <p>The prover needs h(X) = (A(X)B(X) - C(X)) / Z(X) only through its product with the H points of the
 * key, which snarkjs stores as the odd-indexed Lagrange points of the 2n domain, L_{2i+1}(τ)/δ. So
 * {@link #hEvaluations} returns A·B - C evaluated at ω_{2n}^{2i+1} for i in [0, n): three inverse FFTs, three
 * coset FFTs with shift ω_{2n}, and a pointwise A·B - C (Groth16 paper, eprint 2016/260, section 3.2; the
 * coset trick from snarkjs' groth16_prove.js). The matrices are kept in compressed sparse rows so that rows
 * can be evaluated in parallel without locks.
 */
final class Qap {
    private static final MontField FR = MontField.FR;
    private static final int ROW_GRAIN = 1 << 12;

    private final int logN;
    private final int nVars;
    private final int nCoefficients;
    private final Matrix a;
    private final Matrix b;

    /** One matrix in compressed sparse rows; coefficients as Montgomery limbs. */
    private record Matrix(int[] rowStart, int[] cols, long[] coeffs) {
    }

    private Qap(int logN, int nVars, int nCoefficients, Matrix a, Matrix b) {
        this.logN = logN;
        this.nVars = nVars;
        this.nCoefficients = nCoefficients;
        this.a = a;
        this.b = b;
    }

    /**
     * The A and B entries of zkey section 4, in file order: entry i is matrix {@code matrix[i]} (0 = A, 1 = B),
     * row {@code constraint[i]}, column {@code signal[i]}, coefficient at {@code values[4i..4i+3]} (Montgomery).
     */
    record Coefficients(int[] matrix, int[] constraint, int[] signal, long[] values) {
        int size() {
            return matrix.length;
        }
    }

    /**
     * snarkjs' domain for a circuit: the smallest power of two strictly above nConstraints + nPublic, so
     * that the nPublic + 1 extra rows fit (zkey_new.js: {@code 2^(log2(nConstraints + nPublic) + 1)}).
     */
    static int domainSizeFor(int nConstraints, int nPublic) {
        long v = (long) nConstraints + nPublic;
        int log = v == 0 ? 0 : 63 - Long.numberOfLeadingZeros(v);
        if (log + 1 > Domain.MAX_LOG_SIZE - 1) {
            throw new FormatException("circuit too big: " + nConstraints + " constraints and " + nPublic
                    + " public signals need a domain of 2^" + (log + 1) + ", above the supported 2^"
                    + (Domain.MAX_LOG_SIZE - 1));
        }
        return 1 << (log + 1);
    }

    /**
     * Section 4 of a fresh zkey for {@code r1cs}, exactly as snarkjs' zkey_new.js lays it out: for each
     * constraint its A terms then its B terms, in .r1cs order; then {@code A[nConstraints + s][s] = 1} for
     * s = 0..nPublic.
     */
    static Coefficients coefficientsOf(R1cs r1cs) {
        SparseMatrix am = r1cs.a();
        SparseMatrix bm = r1cs.b();
        int nC = r1cs.nConstraints();
        int nPub = r1cs.nPublic();
        int total = am.terms() + bm.terms() + nPub + 1;
        int[] matrix = new int[total];
        int[] constraint = new int[total];
        int[] signal = new int[total];
        long[] values = new long[4 * total];
        int k = 0;
        for (int c = 0; c < nC; c++) {
            k = copyRow(am, 0, c, matrix, constraint, signal, values, k);
            k = copyRow(bm, 1, c, matrix, constraint, signal, values, k);
        }
        for (int s = 0; s <= nPub; s++, k++) {
            constraint[k] = nC + s;
            signal[k] = s;
            FR.setOne(values, 4 * k);
        }
        return new Coefficients(matrix, constraint, signal, values);
    }

    private static int copyRow(SparseMatrix m, int id, int row, int[] matrix, int[] constraint, int[] signal,
                               long[] values, int k) {
        for (int t = m.rowStart(row); t < m.rowEnd(row); t++, k++) {
            matrix[k] = id;
            constraint[k] = row;
            signal[k] = m.col(t);
            MontField.copy(m.coeffs(), 4 * t, values, 4 * k);
        }
        return k;
    }

    /** Builds the QAP from section 4 entries, checking every index; {@code source} names the file in errors. */
    static Qap of(int domainSize, int nVars, Coefficients co, String source) {
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1 || domainSize > 1 << (Domain.MAX_LOG_SIZE - 1)) {
            throw new FormatException(source + ": domain size " + domainSize
                    + " is not a power of two in [1, 2^" + (Domain.MAX_LOG_SIZE - 1) + "]");
        }
        int[] matrix = co.matrix();
        int[] constraint = co.constraint();
        int[] signal = co.signal();
        int count = matrix.length;
        int[][] perRow = new int[2][domainSize + 1];
        for (int i = 0; i < count; i++) {
            int m = matrix[i];
            if (m != 0 && m != 1) {
                throw new FormatException(source + ": coefficient " + i + ": matrix " + m + " is not 0 (A) or 1 (B)");
            }
            if (constraint[i] < 0 || constraint[i] >= domainSize) {
                throw new FormatException(source + ": coefficient " + i + ": constraint "
                        + Integer.toUnsignedString(constraint[i]) + " outside the domain of " + domainSize);
            }
            if (signal[i] < 0 || signal[i] >= nVars) {
                throw new FormatException(source + ": coefficient " + i + ": signal "
                        + Integer.toUnsignedString(signal[i]) + " outside the " + nVars + " variables");
            }
            perRow[m][constraint[i] + 1]++;
        }
        Matrix am = fill(perRow[0], 0, co);
        Matrix bm = fill(perRow[1], 1, co);
        return new Qap(Integer.numberOfTrailingZeros(domainSize), nVars, count, am, bm);
    }

    /** Counting sort by row, keeping the file order within a row. */
    private static Matrix fill(int[] counts, int m, Coefficients co) {
        int[] matrix = co.matrix();
        int[] constraint = co.constraint();
        int[] signal = co.signal();
        long[] values = co.values();
        int rows = counts.length - 1;
        int[] start = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = start[r] + counts[r + 1];
        }
        int total = start[rows];
        int[] cols = new int[total];
        long[] coeffs = new long[4 * total];
        int[] next = start.clone();
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i] == m) {
                int k = next[constraint[i]]++;
                cols[k] = signal[i];
                MontField.copy(values, 4 * i, coeffs, 4 * k);
            }
        }
        return new Matrix(start, cols, coeffs);
    }

    int domainSize() {
        return 1 << logN;
    }

    int nVars() {
        return nVars;
    }

    int nCoefficients() {
        return nCoefficients;
    }

    /**
     * A(x)B(x) - C(x) at the odd points x = ω_{2n}^{2i+1}, as n Montgomery elements, where A, B, C interpolate
     * A·z, B·z and (A·z)(B·z) on the n domain, for a witness {@code z} of nVars Montgomery elements. The three
     * polynomial chains run concurrently.
     */
    long[] hEvaluations(long[] z) {
        if (z.length != 4 * nVars) {
            throw new IllegalArgumentException("witness holds " + z.length / 4 + " values, the QAP has " + nVars);
        }
        int n = domainSize();
        long[] av = new long[4 * n];
        long[] bv = new long[4 * n];
        long[] cv = new long[4 * n];
        evaluateRows(z, av, bv, cv);
        Domain d = Domain.of(logN);
        Fr shift = Domain.of(logN + 1).omega();
        long[][] chains = {av, bv, cv};
        Jobs.run(3, Runtime.getRuntime().availableProcessors(), ForkJoinPool.commonPool(),
                i -> toOddPoints(d, chains[i], shift));
        parallelRows(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                FR.mul(av, 4 * i, bv, 4 * i, av, 4 * i);
                FR.sub(av, 4 * i, cv, 4 * i, av, 4 * i);
            }
        });
        return av;
    }

    /** (A·z)_r, (B·z)_r and their product for every row r. */
    void evaluateRows(long[] z, long[] av, long[] bv, long[] cv) {
        parallelRows(domainSize(), (lo, hi) -> {
            long[] t = new long[4];
            for (int r = lo; r < hi; r++) {
                dot(a, r, z, av, t);
                dot(b, r, z, bv, t);
                FR.mul(av, 4 * r, bv, 4 * r, cv, 4 * r);
            }
        });
    }

    private static void dot(Matrix m, int row, long[] z, long[] out, long[] t) {
        int o = 4 * row;
        MontField.setZero(out, o);
        for (int k = m.rowStart[row], end = m.rowStart[row + 1]; k < end; k++) {
            FR.mul(m.coeffs, 4 * k, z, 4 * m.cols[k], t, 0);
            FR.add(out, o, t, 0, out, o);
        }
    }

    /** Evaluations on the n domain to evaluations at shift·ω_n^i. */
    private static void toOddPoints(Domain d, long[] v, Fr shift) {
        d.ifft(v);
        d.cosetFft(v, shift);
    }

    @FunctionalInterface
    private interface RangeBody {
        void run(int lo, int hi);
    }

    private static void parallelRows(int n, RangeBody body) {
        int chunks = (n + ROW_GRAIN - 1) / ROW_GRAIN;
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(c * ROW_GRAIN, Math.min(n, (c + 1) * ROW_GRAIN)));
    }
}
