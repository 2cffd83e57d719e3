package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;

/**
 * Multi-scalar multiplication sum_i k_i P_i in G1. Bases are affine, 8 Montgomery limbs each (x then y,
 * zeros for the point at infinity, which is skipped); they are trusted to be on the curve (check them
 * where they are read, e.g. with {@link G1Affine#fromLimbs}). Scalars are 4 Montgomery limbs each, as
 * {@link Fr#copyMontTo} writes them. The work is {@link GroupMsm}'s.
 */
public final class G1Msm {
    /** Longs per affine base. */
    public static final int BASE_LIMBS = 8;

    private G1Msm() {
    }

    public static G1Jacobian msm(long[] basesAffine, long[] scalars, int n, MsmConfig cfg) {
        return point(GroupMsm.G1.msm(basesAffine, scalars, n, cfg));
    }

    public static G1Jacobian msm(G1Affine[] bases, Fr[] scalars) {
        return msm(bases, scalars, MsmConfig.defaults());
    }

    public static G1Jacobian msm(G1Affine[] bases, Fr[] scalars, MsmConfig cfg) {
        return point(GroupMsm.G1.msm(bases, G1Affine::copyTo, scalars, cfg));
    }

    /**
     * Writes the affine sum (8 limbs, zeros for infinity) to {@code out} at {@code outOff}; bases and scalars
     * are read from their offsets (in longs), so slices of one large array need no copy.
     */
    public static void msmInto(long[] basesAffine, int basesOff, long[] scalars, int scalarsOff, int n,
                               MsmConfig cfg, long[] out, int outOff) {
        GroupMsm.G1.msmInto(basesAffine, basesOff, scalars, scalarsOff, n, cfg, out, outOff);
    }

    private static G1Jacobian point(long[] affine) {
        return G1Affine.fromLimbs(affine, 0).toJacobian();
    }
}
