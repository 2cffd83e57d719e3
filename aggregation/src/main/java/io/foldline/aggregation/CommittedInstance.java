package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the verifier sees of a relaxed instance: {@code K}, the one hiding commitment to {@code W || E}
 * (layout in the package documentation), the scalar {@code u} and the public signals {@code x} in the
 * circuit's order. A fresh inference has {@code u = 1}. Immutable ({@link #x()} returns a copy).
 */
public record CommittedInstance(G1Affine commitment, Fr u, Fr[] x) {
    public CommittedInstance {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(u, "u");
        x = x.clone();
        for (int i = 0; i < x.length; i++) {
            Objects.requireNonNull(x[i], "x[" + i + "]");
        }
    }

    /** A fresh instance: {@code u = 1}. */
    public static CommittedInstance fresh(G1Affine commitment, Fr[] x) {
        return new CommittedInstance(commitment, Fr.ONE, x);
    }

    @Override
    public Fr[] x() {
        return x.clone();
    }

    public int nPublic() {
        return x.length;
    }

    public Fr x(int i) {
        return x[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommittedInstance c && commitment.equals(c.commitment) && u.equals(c.u)
                && Arrays.equals(x, c.x);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commitment, u) * 31 + Arrays.hashCode(x);
    }

    @Override
    public String toString() {
        return "CommittedInstance[K=" + commitment + ", u=" + u + ", x=" + Arrays.toString(x) + "]";
    }
}
