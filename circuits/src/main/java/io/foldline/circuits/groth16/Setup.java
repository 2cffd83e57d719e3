package io.foldline.circuits.groth16;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Circuit-specific setup: an R1CS and a phase-2-ready powers of tau in, the initial proving key out, byte
 * for byte what {@code snarkjs groth16 setup} (zkey_new.js) writes, so that {@code snarkjs zkey verify}
 * accepts it. With gamma = delta = 1 at this stage (phase-2 contributions move delta, see {@link Phase2}):
 * <ul>
 *   <li>A_s = sum_c A[c][s] L_c(τ) G1, B1_s and B2_s likewise with B in G1 and G2, where L_c are the
 *       Lagrange points of the ptau for the n-row domain (sections 12 and 13), and the extra rows
 *       {@code A[nConstraints + s][s] = 1} for s = 0..nPublic;</li>
 *   <li>IC_s (s <= nPublic) and C_s (s > nPublic) = sum_c (β A[c][s] + α B[c][s] + C[c][s]) L_c(τ) G1
 *       (sections 15, 14, 12), plus β L_{nConstraints+s}(τ) for the public ones;</li>
 *   <li>H_i = L_{2i+1}(τ) G1 for the 2n-row domain;</li>
 *   <li>the circuit hash of {@link CircuitHash} and no contributions.</li>
 * </ul>
 * Groth16 paper: eprint 2016/260; the point formulas are snarkjs' (zkey_new.js, processConstraints).
 */
public final class Setup {
    static final int TAU = 0;
    static final int ALPHA = 1;
    static final int BETA = 2;

    private Setup() {
    }

    /**
     * The initial key of {@code r1cs} (named {@code r1csName} in messages) on the ptau at {@code ptauPath};
     * {@code progress} receives a line per phase (may be a no-op).
     */
    public static Zkey newZkey(R1cs r1cs, String r1csName, Path ptauPath, Consumer<String> progress) {
        try (PtauFile ptau = PtauFile.open(ptauPath)) {
            return newZkey(r1cs, r1csName, ptau, ptauPath, progress);
        }
    }

    private static Zkey newZkey(R1cs r1cs, String r1csName, PtauFile ptau, Path ptauPath, Consumer<String> progress) {
        int nPub = r1cs.nPublic();
        int nVars = r1cs.nWires();
        int n = Qap.domainSizeFor(r1cs.nConstraints(), nPub);
        int log = Integer.numberOfTrailingZeros(n);
        checkFits(r1cs, r1csName, ptau, log);
        progress.accept("setup: " + r1cs.nConstraints() + " constraints, " + nPub + " public signals, domain 2^"
                + log + " (" + r1csName + ", " + ptau.fileName() + ")");

        long[] alpha1 = ptau.alphaTauG1(0, 1);
        long[] beta1 = ptau.betaTauG1(0, 1);
        long[] beta2 = ptau.betaG2();
        long[] g1 = new long[8];
        long[] g2 = new long[16];
        G1Affine.GENERATOR.copyTo(g1, 0);
        G2Affine.GENERATOR.copyTo(g2, 0);

        Tables t = tables(r1cs);
        progress.accept("setup: reading the Lagrange points of the ptau");
        long[] lTau = ptau.lagrangeTauG1(log);
        long[] lAlpha = ptau.lagrangeAlphaTauG1(log);
        long[] lBeta = ptau.lagrangeBetaTauG1(log);
        long[][] g1Bases = {lTau, lAlpha, lBeta};
        progress.accept("setup: A, B1, IC and C points (" + (t.a.terms() + t.b.terms() + t.l.terms()) + " terms)");
        LinearCombiner c1 = LinearCombiner.g1();
        long[] a = c1.evaluate(t.a, g1Bases, 0, nVars);
        long[] b1 = c1.evaluate(t.b, g1Bases, 0, nVars);
        long[] ic = c1.evaluate(t.l, g1Bases, 0, nPub + 1);
        long[] c = c1.evaluate(t.l, g1Bases, nPub + 1, nVars - nPub - 1);
        lAlpha = lBeta = null; // let the collector take them before the larger G2 bases are read
        g1Bases = null;
        progress.accept("setup: B2 points (G2, " + t.b.terms() + " terms)");
        long[] b2 = LinearCombiner.g2().evaluate(t.b, new long[][] {ptau.lagrangeTauG2(log)}, 0, nVars);
        progress.accept("setup: H points");
        long[] h = oddPoints(ptau.lagrangeTauG1(log + 1), n);

        progress.accept("setup: circuit hash");
        CircuitHash.KeyPoints kp = new CircuitHash.KeyPoints(alpha1, beta1, beta2, g2, g1, g2, ic, c, a, b1, b2, h);
        byte[] csHash = CircuitHash.compute(kp, SetupHashTail.differences(ptau, ptauPath, n));

        Qap.Coefficients co = Qap.coefficientsOf(r1cs);
        return Zkey.builder()
                .header(nVars, nPub, n)
                .keys(alpha1, beta1, beta2, g2.clone(), g1, g2.clone())
                .coefficients(co.matrix(), co.constraint(), co.signal(), co.values())
                .points(ic, a, b1, b2, c, h)
                .contributions(csHash, List.of())
                .build();
    }

    private static void checkFits(R1cs r1cs, String r1csName, PtauFile ptau, int log) {
        if (log > ptau.power()) {
            throw new FormatException(r1csName + ": circuit too big for " + ptau.fileName() + ": "
                    + r1cs.nConstraints() + " constraints + " + r1cs.nPublic() + " public signals + 1 need 2^"
                    + log + " rows, the ptau has power " + ptau.power());
        }
        if (!ptau.isPrepared()) {
            throw new FormatException(ptau.fileName() + ": not prepared for phase 2 (no Lagrange sections 12-15);"
                    + " run 'snarkjs powersoftau prepare phase2' on it");
        }
    }

    /** The points at odd indices of a block of 2n points. */
    static long[] oddPoints(long[] block, int n) {
        long[] out = new long[8 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(block, 8 * (2 * i + 1), out, 8 * i, 8);
        }
        return out;
    }

    /** Term tables: A (nVars outputs), B (B1 and B2 share it), L (IC then C, nVars outputs). */
    record Tables(TermTable a, TermTable b, TermTable l) {
    }

    /** Two passes over the constraints in snarkjs' order: count the terms of each output, then place them. */
    static Tables tables(R1cs r) {
        int nVars = r.nWires();
        Tables t = new Tables(new TermTable(nVars), new TermTable(nVars), new TermTable(nVars));
        visit(r, t, true);
        t.a.allocate();
        t.b.allocate();
        t.l.allocate();
        visit(r, t, false);
        return t;
    }

    private static void visit(R1cs r, Tables t, boolean counting) {
        SparseMatrix am = r.a(), bm = r.b(), cm = r.c();
        int nC = r.nConstraints();
        for (int row = 0; row < nC; row++) {
            for (int k = am.rowStart(row); k < am.rowEnd(row); k++) {
                term(t.a, counting, am.col(k), TAU, row, am.coeffs(), 4 * k);
                term(t.l, counting, am.col(k), BETA, row, am.coeffs(), 4 * k);
            }
            for (int k = bm.rowStart(row); k < bm.rowEnd(row); k++) {
                term(t.b, counting, bm.col(k), TAU, row, bm.coeffs(), 4 * k);
                term(t.l, counting, bm.col(k), ALPHA, row, bm.coeffs(), 4 * k);
            }
            for (int k = cm.rowStart(row); k < cm.rowEnd(row); k++) {
                term(t.l, counting, cm.col(k), TAU, row, cm.coeffs(), 4 * k);
            }
        }
        long[] one = new long[4];
        MontField.FR.setOne(one, 0);
        for (int s = 0; s <= r.nPublic(); s++) {
            term(t.a, counting, s, TAU, nC + s, one, 0);
            term(t.l, counting, s, BETA, nC + s, one, 0);
        }
    }

    private static void term(TermTable t, boolean counting, int out, int set, int index, long[] src, int off) {
        if (counting) {
            t.count(out);
        } else {
            t.put(out, set, index, src, off);
        }
    }
}
