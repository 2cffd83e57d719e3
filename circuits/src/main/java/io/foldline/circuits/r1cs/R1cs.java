package io.foldline.circuits.r1cs;

import io.foldline.crypto.bn254.internal.MontField;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rank-1 constraint system over the BN254 scalar field: constraint {@code i} is
 * {@code <A_i, z> * <B_i, z> = <C_i, z>} for the wire vector {@code z}. Wires follow circom's order:
 * 0 is the constant 1, then {@code nPubOut} public outputs, {@code nPubIn} public inputs, {@code nPrvIn}
 * private inputs, then internal wires. {@code nLabels} and the optional wire-to-label map tie wires to
 * the circom symbol file. Immutable.
 */
public final class R1cs {
    private final int nWires;
    private final int nPubOut;
    private final int nPubIn;
    private final int nPrvIn;
    private final long nLabels;
    private final SparseMatrix a;
    private final SparseMatrix b;
    private final SparseMatrix c;
    private final long[] wireToLabel;

    /**
     * @param wireToLabel one label id per wire, or null when unknown (then a written .r1cs maps wire i to
     *                    label i)
     */
    public R1cs(int nWires, int nPubOut, int nPubIn, int nPrvIn, long nLabels,
                SparseMatrix a, SparseMatrix b, SparseMatrix c, long[] wireToLabel) {
        this.a = Objects.requireNonNull(a, "a");
        this.b = Objects.requireNonNull(b, "b");
        this.c = Objects.requireNonNull(c, "c");
        if (nWires < 1 || nPubOut < 0 || nPubIn < 0 || nPrvIn < 0
                || 1L + nPubOut + nPubIn + nPrvIn > nWires) {
            throw new IllegalArgumentException("wire counts inconsistent: nWires=" + nWires + " nPubOut="
                    + nPubOut + " nPubIn=" + nPubIn + " nPrvIn=" + nPrvIn);
        }
        if (a.rows() != b.rows() || a.rows() != c.rows()) {
            throw new IllegalArgumentException("A, B, C row counts differ: " + a.rows() + ", " + b.rows()
                    + ", " + c.rows());
        }
        int maxCol = Math.max(a.maxCol(), Math.max(b.maxCol(), c.maxCol()));
        if (maxCol >= nWires) {
            throw new IllegalArgumentException("a constraint uses wire " + maxCol + " of only " + nWires);
        }
        if (wireToLabel != null && wireToLabel.length != nWires) {
            throw new IllegalArgumentException("wireToLabel has " + wireToLabel.length + " entries for "
                    + nWires + " wires");
        }
        if (nLabels < 0) {
            throw new IllegalArgumentException("negative nLabels " + nLabels);
        }
        this.nWires = nWires;
        this.nPubOut = nPubOut;
        this.nPubIn = nPubIn;
        this.nPrvIn = nPrvIn;
        this.nLabels = nLabels;
        this.wireToLabel = wireToLabel == null ? null : wireToLabel.clone();
    }

    public int nWires() {
        return nWires;
    }

    public int nPubOut() {
        return nPubOut;
    }

    public int nPubIn() {
        return nPubIn;
    }

    public int nPrvIn() {
        return nPrvIn;
    }

    /** Public signals (outputs then inputs), not counting the constant wire 0. */
    public int nPublic() {
        return nPubOut + nPubIn;
    }

    public long nLabels() {
        return nLabels;
    }

    public int nConstraints() {
        return a.rows();
    }

    public SparseMatrix a() {
        return a;
    }

    public SparseMatrix b() {
        return b;
    }

    public SparseMatrix c() {
        return c;
    }

    public boolean hasWireToLabel() {
        return wireToLabel != null;
    }

    /** The label id of a wire (identity when no map was given). */
    public long label(int wire) {
        return wireToLabel == null ? wire : wireToLabel[wire];
    }

    /** The first constraint that {@code w} violates, or -1 when it satisfies all of them. */
    public int firstUnsatisfied(Witness w) {
        if (w.size() != nWires) {
            throw new IllegalArgumentException("witness has " + w.size() + " values for " + nWires + " wires");
        }
        int n = nConstraints();
        long[] az = new long[4 * n];
        long[] bz = new long[4 * n];
        long[] cz = new long[4 * n];
        a.multiply(w.values(), az);
        b.multiply(w.values(), bz);
        c.multiply(w.values(), cz);
        long[] t = new long[4];
        for (int i = 0; i < n; i++) {
            MontField.FR.mul(az, 4 * i, bz, 4 * i, t, 0);
            if (!MontField.eq(t, 0, cz, 4 * i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof R1cs r && nWires == r.nWires && nPubOut == r.nPubOut && nPubIn == r.nPubIn
                && nPrvIn == r.nPrvIn && nLabels == r.nLabels && a.equals(r.a) && b.equals(r.b)
                && c.equals(r.c) && Arrays.equals(wireToLabel, r.wireToLabel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nWires, nPubOut, nPubIn, nPrvIn, nLabels, a, b, c);
    }

    @Override
    public String toString() {
        return "R1cs[wires=" + nWires + ", publicOut=" + nPubOut + ", publicIn=" + nPubIn + ", privateIn="
                + nPrvIn + ", constraints=" + nConstraints() + "]";
    }
}
