package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;
import java.util.Objects;

/**
 * The prover's side of a committed relaxed instance: {@code W} and {@code E} as flat Montgomery limbs (four
 * per entry) and the blinding scalars of their two commitment ranges. Immutable: the factory copies its
 * arrays and {@link #w()} and {@link #e()} return the backing arrays for the fold's loops (do not modify).
 */
public final class RelaxedWitness {
    private final long[] w;
    private final Fr rW;
    private final long[] e;
    private final Fr rE;

    private RelaxedWitness(long[] w, Fr rW, long[] e, Fr rE) {
        if (w.length % 4 != 0 || e.length % 4 != 0) {
            throw new IllegalArgumentException("W and E must be whole Fr limbs (multiples of 4 longs)");
        }
        this.w = w;
        this.rW = Objects.requireNonNull(rW, "rW");
        this.e = e;
        this.rE = Objects.requireNonNull(rE, "rE");
    }

    /** Copies {@code w} and {@code e}. */
    public static RelaxedWitness ofMont(long[] w, Fr rW, long[] e, Fr rE) {
        return new RelaxedWitness(w.clone(), rW, e.clone(), rE);
    }

    /** Takes ownership of the arrays: for vectors this package has just computed. */
    static RelaxedWitness wrap(long[] w, Fr rW, long[] e, Fr rE) {
        return new RelaxedWitness(w, rW, e, rE);
    }

    /** Backing array of W. Do not modify. */
    public long[] w() {
        return w;
    }

    public Fr rW() {
        return rW;
    }

    /** Backing array of E. Do not modify. */
    public long[] e() {
        return e;
    }

    public Fr rE() {
        return rE;
    }

    public int nW() {
        return w.length / 4;
    }

    public int nE() {
        return e.length / 4;
    }

    public Fr w(int i) {
        return FieldVectors.get(w, i);
    }

    public Fr e(int i) {
        return FieldVectors.get(e, i);
    }

    /** A fresh witness: {@code E = 0} with blinder 0 (see the package documentation for why). */
    public boolean isFresh() {
        return rE.isZero() && FieldVectors.isZero(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelaxedWitness x && Arrays.equals(w, x.w) && rW.equals(x.rW)
                && Arrays.equals(e, x.e) && rE.equals(x.rE);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + Arrays.hashCode(e);
    }

    /** Sizes only: the values are secret. */
    @Override
    public String toString() {
        return "RelaxedWitness[W: " + nW() + " entries, E: " + nE() + " entries]";
    }
}
