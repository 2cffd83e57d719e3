package io.foldline.circuits.snarkjs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The content of a snarkjs Groth16 proving key ({@code .zkey}), section by section, with points as flat
 * Montgomery limbs (G1 8 longs, G2 16 longs per point) ready for the prover's MSMs.
 *
 * <ul>
 *   <li>header: nVars, nPublic (not counting the constant wire), domainSize, and alpha1, beta1, beta2,
 *       gamma2, delta1, delta2;</li>
 *   <li>{@link #ic()}: nPublic + 1 points; {@link #a()}, {@link #b1()}, {@link #b2()}: nVars points;
 *       {@link #c()}: nVars - nPublic - 1 points (private wires only); {@link #h()}: domainSize points;</li>
 *   <li>the A and B coefficients (section 4): {@link #coefCount()} entries of (matrix 0 = A / 1 = B,
 *       constraint, signal, value), values as Fr Montgomery limbs (the file stores value * R^2 mod r);</li>
 *   <li>section 10: the 64-byte circuit hash and the phase-2 contributions.</li>
 * </ul>
 *
 * <p>Immutable by contract: built once through {@link Builder}, which takes ownership of the arrays it is
 * given (no copies of 100 MB sections); the accessors of big arrays return them without copying, and
 * callers must not modify them. The small header points are copied.
 */
public final class Zkey {
    public static final int CS_HASH_BYTES = 64;

    private final int nVars;
    private final int nPublic;
    private final int domainSize;
    private final long[] alpha1;
    private final long[] beta1;
    private final long[] beta2;
    private final long[] gamma2;
    private final long[] delta1;
    private final long[] delta2;
    private final long[] ic;
    private final int[] coefMatrix;
    private final int[] coefConstraint;
    private final int[] coefSignal;
    private final long[] coefValues;
    private final long[] a;
    private final long[] b1;
    private final long[] b2;
    private final long[] c;
    private final long[] h;
    private final byte[] csHash;
    private final List<ZkeyContribution> contributions;

    private Zkey(Builder b) {
        nVars = b.nVars;
        nPublic = b.nPublic;
        domainSize = b.domainSize;
        if (nVars < 1 || nPublic < 0 || nPublic + 1L > nVars) {
            throw new IllegalArgumentException("need nPublic + 1 <= nVars, got nPublic=" + nPublic + " nVars=" + nVars);
        }
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
            throw new IllegalArgumentException("domainSize must be a power of two, got " + domainSize);
        }
        alpha1 = len(b.alpha1, 8, "alpha1").clone();
        beta1 = len(b.beta1, 8, "beta1").clone();
        beta2 = len(b.beta2, 16, "beta2").clone();
        gamma2 = len(b.gamma2, 16, "gamma2").clone();
        delta1 = len(b.delta1, 8, "delta1").clone();
        delta2 = len(b.delta2, 16, "delta2").clone();
        ic = len(b.ic, 8L * (nPublic + 1), "IC");
        a = len(b.a, 8L * nVars, "A");
        b1 = len(b.b1, 8L * nVars, "B1");
        b2 = len(b.b2, 16L * nVars, "B2");
        c = len(b.c, 8L * (nVars - nPublic - 1), "C");
        h = len(b.h, 8L * domainSize, "H");
        coefMatrix = Objects.requireNonNull(b.coefMatrix, "coefficients");
        int n = coefMatrix.length;
        coefConstraint = lenInt(b.coefConstraint, n, "coefConstraint");
        coefSignal = lenInt(b.coefSignal, n, "coefSignal");
        coefValues = len(b.coefValues, 4L * n, "coefValues");
        for (int i = 0; i < n; i++) {
            if (coefMatrix[i] != 0 && coefMatrix[i] != 1) {
                throw new IllegalArgumentException("coefficient " + i + ": matrix must be 0 (A) or 1 (B)");
            }
            if (coefSignal[i] < 0 || coefSignal[i] >= nVars || coefConstraint[i] < 0 || coefConstraint[i] >= domainSize) {
                throw new IllegalArgumentException("coefficient " + i + ": signal or constraint out of range");
            }
        }
        if (b.csHash == null || b.csHash.length != CS_HASH_BYTES) {
            throw new IllegalArgumentException("csHash must have " + CS_HASH_BYTES + " bytes");
        }
        csHash = b.csHash.clone();
        contributions = List.copyOf(b.contributions);
    }

    private static long[] len(long[] arr, long n, String what) {
        if (arr == null || arr.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " limbs, got "
                    + (arr == null ? "null" : arr.length));
        }
        return arr;
    }

    private static int[] lenInt(int[] arr, int n, String what) {
        if (arr == null || arr.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " entries");
        }
        return arr;
    }

    public int nVars() {
        return nVars;
    }

    public int nPublic() {
        return nPublic;
    }

    public int domainSize() {
        return domainSize;
    }

    public long[] alpha1() {
        return alpha1.clone();
    }

    public long[] beta1() {
        return beta1.clone();
    }

    public long[] beta2() {
        return beta2.clone();
    }

    public long[] gamma2() {
        return gamma2.clone();
    }

    public long[] delta1() {
        return delta1.clone();
    }

    public long[] delta2() {
        return delta2.clone();
    }

    /** Backing array (do not modify): (nPublic + 1) G1 points. */
    public long[] ic() {
        return ic;
    }

    /** Backing array (do not modify): nVars G1 points. */
    public long[] a() {
        return a;
    }

    /** Backing array (do not modify): nVars G1 points. */
    public long[] b1() {
        return b1;
    }

    /** Backing array (do not modify): nVars G2 points. */
    public long[] b2() {
        return b2;
    }

    /** Backing array (do not modify): the G1 points of wires nPublic + 1 .. nVars - 1. */
    public long[] c() {
        return c;
    }

    /** Backing array (do not modify): domainSize G1 points. */
    public long[] h() {
        return h;
    }

    public int coefCount() {
        return coefMatrix.length;
    }

    /** Backing array (do not modify): 0 for A, 1 for B. */
    public int[] coefMatrix() {
        return coefMatrix;
    }

    /** Backing array (do not modify). */
    public int[] coefConstraint() {
        return coefConstraint;
    }

    /** Backing array (do not modify). */
    public int[] coefSignal() {
        return coefSignal;
    }

    /** Backing array (do not modify): four Fr Montgomery limbs per coefficient. */
    public long[] coefValues() {
        return coefValues;
    }

    public byte[] csHash() {
        return csHash.clone();
    }

    public List<ZkeyContribution> contributions() {
        return contributions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Zkey z && nVars == z.nVars && nPublic == z.nPublic && domainSize == z.domainSize
                && Arrays.equals(alpha1, z.alpha1) && Arrays.equals(beta1, z.beta1) && Arrays.equals(beta2, z.beta2)
                && Arrays.equals(gamma2, z.gamma2) && Arrays.equals(delta1, z.delta1)
                && Arrays.equals(delta2, z.delta2) && Arrays.equals(ic, z.ic) && Arrays.equals(a, z.a)
                && Arrays.equals(b1, z.b1) && Arrays.equals(b2, z.b2) && Arrays.equals(c, z.c)
                && Arrays.equals(h, z.h) && Arrays.equals(coefMatrix, z.coefMatrix)
                && Arrays.equals(coefConstraint, z.coefConstraint) && Arrays.equals(coefSignal, z.coefSignal)
                && Arrays.equals(coefValues, z.coefValues) && Arrays.equals(csHash, z.csHash)
                && contributions.equals(z.contributions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nVars, nPublic, domainSize, Arrays.hashCode(csHash));
    }

    @Override
    public String toString() {
        return "Zkey[groth16, nVars=" + nVars + ", nPublic=" + nPublic + ", domainSize=" + domainSize
                + ", coefficients=" + coefCount() + ", contributions=" + contributions.size() + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the sections; {@link #build()} checks every length against the header counts. */
    public static final class Builder {
        private int nVars;
        private int nPublic;
        private int domainSize;
        private long[] alpha1, beta1, beta2, gamma2, delta1, delta2;
        private long[] ic, a, b1, b2, c, h;
        private int[] coefMatrix, coefConstraint, coefSignal;
        private long[] coefValues;
        private byte[] csHash;
        private List<ZkeyContribution> contributions = List.of();

        private Builder() {
        }

        public Builder header(int nVars, int nPublic, int domainSize) {
            this.nVars = nVars;
            this.nPublic = nPublic;
            this.domainSize = domainSize;
            return this;
        }

        /** The verification-key points: G1 8 limbs, G2 16 limbs each. */
        public Builder keys(long[] alpha1, long[] beta1, long[] beta2, long[] gamma2, long[] delta1, long[] delta2) {
            this.alpha1 = alpha1;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.gamma2 = gamma2;
            this.delta1 = delta1;
            this.delta2 = delta2;
            return this;
        }

        /** The point sections, taken without copying. */
        public Builder points(long[] ic, long[] a, long[] b1, long[] b2, long[] c, long[] h) {
            this.ic = ic;
            this.a = a;
            this.b1 = b1;
            this.b2 = b2;
            this.c = c;
            this.h = h;
            return this;
        }

        /** Section 4, taken without copying; values are Fr Montgomery limbs. */
        public Builder coefficients(int[] matrix, int[] constraint, int[] signal, long[] values) {
            this.coefMatrix = matrix;
            this.coefConstraint = constraint;
            this.coefSignal = signal;
            this.coefValues = values;
            return this;
        }

        public Builder contributions(byte[] csHash, List<ZkeyContribution> contributions) {
            this.csHash = csHash;
            this.contributions = contributions;
            return this;
        }

        public Zkey build() {
            return new Zkey(this);
        }
    }
}
