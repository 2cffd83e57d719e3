package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.kzg.Kzg;
import io.foldline.crypto.kzg.Srs;
import io.foldline.crypto.msm.MsmConfig;
import java.util.Objects;

/**
 * The hiding KZG commitment {@code Com(W, rW, E, rE)} to the coefficient vector
 * {@code W || rW || E || rE} of one circuit: W at SRS powers {@code [0, nW)}, its blinder at {@code nW},
 * E at {@code [nW + 1, nW + 1 + m)}, its blinder at {@code nW + 1 + m}. The two ranges are committed
 * separately and added, so a fresh instance (E = 0) and a cross term (W = 0) each pay for one range only.
 * Immutable.
 */
public final class CommitmentKey {
    private final Srs srs;
    private final int nW;
    private final int m;
    private final MsmConfig cfg;

    public CommitmentKey(Srs srs, int nW, int m, MsmConfig cfg) {
        this.srs = Objects.requireNonNull(srs, "srs");
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        if (nW < 0 || m < 0) {
            throw new IllegalArgumentException("negative sizes: nW=" + nW + " m=" + m);
        }
        if (srs.size() < powersNeeded(nW, m)) {
            throw new IllegalArgumentException("the SRS has " + srs.size() + " powers; W || E of " + nW
                    + " + " + m + " entries and two blinders need " + powersNeeded(nW, m));
        }
        this.nW = nW;
        this.m = m;
    }

    public static CommitmentKey of(Srs srs, RelaxedR1cs relation) {
        return new CommitmentKey(srs, relation.nWitness(), relation.nRows(), MsmConfig.defaults());
    }

    /** {@code nW + m + 2}: both ranges and their blinding coordinates. */
    public static long powersNeeded(int nW, int m) {
        return (long) nW + m + 2;
    }

    public Srs srs() {
        return srs;
    }

    public int nW() {
        return nW;
    }

    public int nRows() {
        return m;
    }

    /** SRS index of W's blinding coordinate. */
    public int wBlinderIndex() {
        return nW;
    }

    /** SRS index of E's first entry. */
    public int eOffset() {
        return nW + 1;
    }

    /** SRS index of E's blinding coordinate. */
    public int eBlinderIndex() {
        return nW + 1 + m;
    }

    /** Length of the committed vector {@code W || rW || E || rE}. */
    public int size() {
        return nW + m + 2;
    }

    public G1Affine commit(long[] w, Fr rW, long[] e, Fr rE) {
        return commitW(w, rW).toJacobian().add(commitE(e, rE).toJacobian()).toAffine();
    }

    public G1Affine commit(RelaxedWitness witness) {
        return commit(witness.w(), witness.rW(), witness.e(), witness.rE());
    }

    /** {@code Com(W, rW, 0, 0)}. */
    public G1Affine commitW(long[] w, Fr rW) {
        requireLength("W", w, nW);
        return Kzg.commitAt(srs, FieldVectors.append(w, rW), nW + 1, 0, cfg);
    }

    /** {@code Com(0, 0, E, rE)}. */
    public G1Affine commitE(long[] e, Fr rE) {
        requireLength("E", e, m);
        return Kzg.commitAt(srs, FieldVectors.append(e, rE), m + 1, eOffset(), cfg);
    }

    /**
     * The coefficients {@code W || rW || E || rE} (flat Montgomery limbs) of the polynomial P that
     * {@link #commit} commits to: what the decider evaluates and the KZG opening opens.
     */
    public long[] coefficients(RelaxedWitness witness) {
        requireLength("W", witness.w(), nW);
        requireLength("E", witness.e(), m);
        long[] p = new long[4 * size()];
        System.arraycopy(witness.w(), 0, p, 0, 4 * nW);
        witness.rW().copyMontTo(p, 4 * nW);
        System.arraycopy(witness.e(), 0, p, 4 * eOffset(), 4 * m);
        witness.rE().copyMontTo(p, 4 * eBlinderIndex());
        return p;
    }

    private static void requireLength(String what, long[] v, int n) {
        if (v.length != 4 * n) {
            throw new IllegalArgumentException(what + " has " + v.length / 4 + " entries, the key expects " + n);
        }
    }
}
