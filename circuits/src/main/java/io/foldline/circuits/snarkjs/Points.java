package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.G2Affine;

/**
 * Checks on single points beyond "on the curve" (which {@link SectionReader} does for every point read).
 * Subgroup membership of G2 costs about a scalar multiplication, so it is checked where a point ends up in
 * a verification key or a proof, not for the millions of points of bulk sections.
 */
final class Points {
    private Points() {
    }

    /** Fails unless the G2 point at {@code off} (already known to be on the twist) lies in G2. */
    static void requireG2Subgroup(long[] p, int off, String where) {
        if (!CurveCheck.isZero(p, off, 16) && !g2(p, off).isInSubgroup()) {
            throw new FormatException(where + ": point not in the subgroup");
        }
    }

    static G2Affine g2(long[] p, int off) {
        return G2Affine.ofUnchecked(Fq2.fromMont(p, off), Fq2.fromMont(p, off + 8));
    }
}
