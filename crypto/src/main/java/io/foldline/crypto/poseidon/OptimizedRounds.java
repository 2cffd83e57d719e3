package io.foldline.crypto.poseidon;

import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;

/**
 * The Poseidon permutation of one width rewritten so that a partial round costs about 2t multiplications
 * instead of t^2 (Poseidon paper, ePrint 2019/458, appendix B; the same idea as circomlibjs'
 * poseidon_opt). Two equivalences, applied in this order:
 * <ol>
 *   <li>Constants: in a partial round only element 0 meets the S-box, so the constants of elements 1..t-1
 *       pass through unchanged and can be added after the matrix instead, that is, folded into the next
 *       round's constants as M * (0, c'). Each partial round then adds one scalar, and what is left over
 *       joins the constants of the first full round after the partial rounds.</li>
 *   <li>Matrices: write a round matrix A = [[a00, w^T], [v, A^]] as B * M' with M' = diag(1, A^) and the
 *       sparse B = [[a00, w^^T], [v, I]], where A^^T w^ = w. M' leaves element 0 alone, so it commutes
 *       with that round's S-box and scalar constant and moves into the previous round's matrix
 *       (M' * M). Working from the last partial round back, every partial round keeps a sparse B and the
 *       last full round of the first half gets the dense M'_0 * M.</li>
 * </ol>
 * All arrays hold Montgomery limbs, four longs per element.
 */
final class OptimizedRounds {
    final int t;
    final int halfFull;
    final int partial;
    /** FULL_ROUNDS * t constants of the full rounds; the first round after the partial ones is adjusted. */
    final long[] fullConstants;
    /** One scalar per partial round, added to element 0. */
    final long[] partialConstants;
    /** The MDS matrix, row-major. */
    final long[] mds;
    /** The dense matrix of the last full round before the partial rounds, row-major. */
    final long[] preSparse;
    /** Per partial round: the first row (t entries) then the first column below the diagonal (t - 1). */
    final long[] sparse;

    private OptimizedRounds(int t, int halfFull, int partial) {
        this.t = t;
        this.halfFull = halfFull;
        this.partial = partial;
        fullConstants = new long[2 * halfFull * t * 4];
        partialConstants = new long[partial * 4];
        mds = new long[t * t * 4];
        preSparse = new long[t * t * 4];
        sparse = new long[partial * (2 * t - 1) * 4];
    }

    static OptimizedRounds derive(PoseidonParameters p) {
        int t = p.width();
        int half = p.fullRounds() / 2;
        int partial = p.partialRounds();
        OptimizedRounds o = new OptimizedRounds(t, half, partial);
        Fr[][] m = new Fr[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                m[i][j] = p.mds(i, j);
            }
        }
        store(m, o.mds);
        o.foldConstants(p, m);
        o.factorMatrices(m);
        return o;
    }

    private void foldConstants(PoseidonParameters p, Fr[][] m) {
        for (int r = 0; r < halfFull; r++) {
            for (int i = 0; i < t; i++) {
                p.roundConstant(r, i).copyMontTo(fullConstants, (r * t + i) * 4);
            }
        }
        Fr[] carry = new Fr[t];
        Arrays.fill(carry, Fr.ZERO);
        for (int r = 0; r < partial; r++) {
            Fr[] c = new Fr[t];
            for (int i = 0; i < t; i++) {
                c[i] = p.roundConstant(halfFull + r, i).add(carry[i]);
            }
            c[0].copyMontTo(partialConstants, r * 4);
            c[0] = Fr.ZERO;
            carry = times(m, c);
        }
        for (int r = halfFull; r < 2 * halfFull; r++) {
            for (int i = 0; i < t; i++) {
                Fr c = p.roundConstant(partial + r, i);
                if (r == halfFull) {
                    c = c.add(carry[i]);
                }
                c.copyMontTo(fullConstants, (r * t + i) * 4);
            }
        }
    }

    /**
     * Backwards from the last partial round, the round matrix is A_r = M' * M with M' = diag(1, A^_{r+1}),
     * so by induction A^_r = H^(P - r) for H the lower-right block of M (P partial rounds), the first row
     * of A_r is M's, and its first column below the diagonal is v_r = H^(P - 1 - r) v with v M's. Then
     * w^_r = (H^T)^-(P - r) w: each round costs two matrix-vector products, not a matrix inverse.
     */
    private void factorMatrices(Fr[][] m) {
        int n = t - 1;
        Fr[][] h = new Fr[n][n];
        Fr[][] hT = new Fr[n][n];
        Fr[] w = new Fr[n];
        Fr[] v = new Fr[n];
        for (int i = 0; i < n; i++) {
            w[i] = m[0][i + 1];
            v[i] = m[i + 1][0];
            for (int j = 0; j < n; j++) {
                h[i][j] = m[i + 1][j + 1];
                hT[j][i] = m[i + 1][j + 1];
            }
        }
        Fr[][] hTInv = inverse(hT);
        for (int r = partial - 1; r >= 0; r--) {
            w = times(hTInv, w);
            int base = r * (2 * t - 1) * 4;
            m[0][0].copyMontTo(sparse, base);
            for (int i = 0; i < n; i++) {
                w[i].copyMontTo(sparse, base + (i + 1) * 4);
                v[i].copyMontTo(sparse, base + (t + i) * 4);
            }
            v = times(h, v);
        }
        // before the first partial round: diag(1, H^P) * M
        Fr[][] hp = power(h, partial);
        Fr[][] pre = new Fr[t][t];
        for (int j = 0; j < t; j++) {
            pre[0][j] = m[0][j];
            Fr[] col = new Fr[n];
            for (int k = 0; k < n; k++) {
                col[k] = m[k + 1][j];
            }
            Fr[] c = times(hp, col);
            for (int i = 0; i < n; i++) {
                pre[i + 1][j] = c[i];
            }
        }
        store(pre, preSparse);
    }

    private static Fr[][] power(Fr[][] a, int e) {
        Fr[][] result = null;
        Fr[][] base = a;
        for (int k = e; k > 0; k >>= 1) {
            if ((k & 1) != 0) {
                result = result == null ? base : product(result, base);
            }
            if (k > 1) {
                base = product(base, base);
            }
        }
        return result;
    }

    private static Fr[][] product(Fr[][] a, Fr[][] b) {
        int n = a.length;
        Fr[][] c = new Fr[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Fr s = Fr.ZERO;
                for (int k = 0; k < n; k++) {
                    s = s.add(a[i][k].mul(b[k][j]));
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static Fr[] times(Fr[][] m, Fr[] v) {
        Fr[] out = new Fr[v.length];
        for (int i = 0; i < v.length; i++) {
            Fr s = Fr.ZERO;
            for (int j = 0; j < v.length; j++) {
                s = s.add(m[i][j].mul(v[j]));
            }
            out[i] = s;
        }
        return out;
    }

    /** Gauss–Jordan; H is a Cauchy matrix (every square submatrix of a Cauchy matrix is invertible). */
    private static Fr[][] inverse(Fr[][] a) {
        int n = a.length;
        Fr[][] x = new Fr[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = a[i][j];
                x[i][n + j] = i == j ? Fr.ONE : Fr.ZERO;
            }
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            while (x[piv][col].isZero()) {
                piv++; // an invertible matrix always has a pivot; running off the end would be a bug
            }
            Fr[] tmp = x[piv];
            x[piv] = x[col];
            x[col] = tmp;
            Fr inv = x[col][col].inverse();
            for (int k = col; k < 2 * n; k++) {
                x[col][k] = x[col][k].mul(inv);
            }
            for (int row = 0; row < n; row++) {
                if (row != col && !x[row][col].isZero()) {
                    Fr f = x[row][col];
                    for (int k = col; k < 2 * n; k++) {
                        x[row][k] = x[row][k].sub(f.mul(x[col][k]));
                    }
                }
            }
        }
        Fr[][] out = new Fr[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], n, out[i], 0, n);
        }
        return out;
    }

    private static void store(Fr[][] m, long[] dst) {
        int t = m.length;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                m[i][j].copyMontTo(dst, (i * t + j) * 4);
            }
        }
    }
}
