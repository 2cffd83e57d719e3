package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.G2Jacobian;

/**
 * Multi-scalar multiplication sum_i k_i Q_i in G2. Bases are affine, 16 Montgomery limbs each (x.c0, x.c1,
 * y.c0, y.c1; zeros for the point at infinity, which is skipped); they are trusted to be in G2 (check them
 * where they are read, e.g. with {@link G2Affine#fromLimbs}). Scalars are 4 Montgomery limbs each, as
 * {@link Fr#copyMontTo} writes them. The work is {@link GroupMsm}'s.
 */
public final class G2Msm {
    /** Longs per affine base. */
    public static final int BASE_LIMBS = 16;

    private G2Msm() {
    }

    public static G2Jacobian msm(long[] basesAffine, long[] scalars, int n, MsmConfig cfg) {
        return point(GroupMsm.G2.msm(basesAffine, scalars, n, cfg));
    }

    public static G2Jacobian msm(G2Affine[] bases, Fr[] scalars) {
        return msm(bases, scalars, MsmConfig.defaults());
    }

    public static G2Jacobian msm(G2Affine[] bases, Fr[] scalars, MsmConfig cfg) {
        return point(GroupMsm.G2.msm(bases, G2Affine::copyTo, scalars, cfg));
    }

    /**
     * Writes the affine sum (16 limbs, zeros for infinity) to {@code out} at {@code outOff}; bases and scalars
     * are read from their offsets (in longs).
     */
    public static void msmInto(long[] basesAffine, int basesOff, long[] scalars, int scalarsOff, int n,
                               MsmConfig cfg, long[] out, int outOff) {
        GroupMsm.G2.msmInto(basesAffine, basesOff, scalars, scalarsOff, n, cfg, out, outOff);
    }

    /** A sum of points of G2 is in G2: no need for the subgroup check of fromLimbs. */
    private static G2Jacobian point(long[] affine) {
        return G2Affine.ofUnchecked(Fq2.fromMont(affine, 0), Fq2.fromMont(affine, 8)).toJacobian();
    }
}
