package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.G2Jacobian;

/**
 * Multi-scalar multiplication sum_i k_i Q_i in G2. Bases are affine, 16 Montgomery limbs each (x.c0, x.c1,
 * y.c0, y.c1; zeros for the point at infinity, which is skipped); they are trusted to be in G2 (check them
 * where they are read, e.g. with {@link G2Affine#fromLimbs}). Scalars are 4 Montgomery limbs each, as
 * {@link Fr#copyMontTo} writes them.
 */
public final class G2Msm {
    /** Longs per affine base. */
    public static final int BASE_LIMBS = 16;

    private G2Msm() {
    }

    public static G2Jacobian msm(long[] basesAffine, long[] scalars, int n, MsmConfig cfg) {
        long[] out = new long[BASE_LIMBS];
        msmInto(basesAffine, 0, scalars, 0, n, cfg, out, 0);
        // a sum of points of G2 is in G2: no need for the subgroup check of fromLimbs
        return G2Affine.ofUnchecked(Fq2.fromMont(out, 0), Fq2.fromMont(out, 8)).toJacobian();
    }

    public static G2Jacobian msm(G2Affine[] bases, Fr[] scalars) {
        return msm(bases, scalars, MsmConfig.defaults());
    }

    public static G2Jacobian msm(G2Affine[] bases, Fr[] scalars, MsmConfig cfg) {
        MsmInputs.checkSameLength("G2", bases.length, scalars.length);
        long[] b = new long[BASE_LIMBS * bases.length];
        long[] s = new long[4 * scalars.length];
        for (int i = 0; i < bases.length; i++) {
            bases[i].copyTo(b, BASE_LIMBS * i);
            scalars[i].copyMontTo(s, 4 * i);
        }
        return msm(b, s, bases.length, cfg);
    }

    /**
     * Writes the affine sum (16 limbs, zeros for infinity) to {@code out} at {@code outOff}; bases and scalars
     * are read from their offsets (in longs).
     */
    public static void msmInto(long[] basesAffine, int basesOff, long[] scalars, int scalarsOff, int n,
                               MsmConfig cfg, long[] out, int outOff) {
        MsmInputs.check("G2", basesAffine, basesOff, BASE_LIMBS, scalars, scalarsOff, n);
        Xyzz k = new Xyzz(FlatField.FQ2);
        long[] sum = new long[k.pointLen];
        Pippenger.msm(FlatField.FQ2, basesAffine, basesOff, scalars, scalarsOff, n, cfg, sum, 0);
        k.toAffine(sum, 0, out, outOff);
    }
}
