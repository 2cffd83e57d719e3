package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;

/**
 * Multi-scalar multiplication sum_i k_i P_i in G1. Bases are affine, 8 Montgomery limbs each (x then y,
 * zeros for the point at infinity, which is skipped); they are trusted to be on the curve (check them
 * where they are read, e.g. with {@link G1Affine#fromLimbs}). Scalars are 4 Montgomery limbs each, as
 * {@link Fr#copyMontTo} writes them.
 */
public final class G1Msm {
    /** Longs per affine base. */
    public static final int BASE_LIMBS = 8;

    private G1Msm() {
    }

    public static G1Jacobian msm(long[] basesAffine, long[] scalars, int n, MsmConfig cfg) {
        long[] out = new long[BASE_LIMBS];
        msmInto(basesAffine, 0, scalars, 0, n, cfg, out, 0);
        return G1Affine.fromLimbs(out, 0).toJacobian();
    }

    public static G1Jacobian msm(G1Affine[] bases, Fr[] scalars) {
        return msm(bases, scalars, MsmConfig.defaults());
    }

    public static G1Jacobian msm(G1Affine[] bases, Fr[] scalars, MsmConfig cfg) {
        MsmInputs.checkSameLength("G1", bases.length, scalars.length);
        long[] b = new long[BASE_LIMBS * bases.length];
        long[] s = new long[4 * scalars.length];
        for (int i = 0; i < bases.length; i++) {
            bases[i].copyTo(b, BASE_LIMBS * i);
            scalars[i].copyMontTo(s, 4 * i);
        }
        return msm(b, s, bases.length, cfg);
    }

    /**
     * Writes the affine sum (8 limbs, zeros for infinity) to {@code out} at {@code outOff}; bases and scalars
     * are read from their offsets (in longs), so slices of one large array need no copy.
     */
    public static void msmInto(long[] basesAffine, int basesOff, long[] scalars, int scalarsOff, int n,
                               MsmConfig cfg, long[] out, int outOff) {
        MsmInputs.check("G1", basesAffine, basesOff, BASE_LIMBS, scalars, scalarsOff, n);
        Xyzz k = new Xyzz(FlatField.FQ);
        long[] sum = new long[k.pointLen];
        Pippenger.msm(FlatField.FQ, basesAffine, basesOff, scalars, scalarsOff, n, cfg, sum, 0);
        k.toAffine(sum, 0, out, outOff);
    }
}
