package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.Fr;

/**
 * The body of {@link G1Msm} and {@link G2Msm}, written once over the coordinate field: checks, flattening of
 * point objects, and the Pippenger call. Results are affine limbs (2 field elements, zeros for infinity);
 * the public classes turn them into their group's point type.
 */
final class GroupMsm {
    /** How a point object writes its affine limbs: {@code G1Affine::copyTo} or {@code G2Affine::copyTo}. */
    @FunctionalInterface
    interface LimbWriter<P> {
        void copyTo(P point, long[] dst, int off);
    }

    static final GroupMsm G1 = new GroupMsm("G1", FlatField.FQ);
    static final GroupMsm G2 = new GroupMsm("G2", FlatField.FQ2);

    private final String group;
    private final FlatField field;
    /** Longs per affine base. */
    final int baseLimbs;

    private GroupMsm(String group, FlatField field) {
        this.group = group;
        this.field = field;
        this.baseLimbs = 2 * field.len;
    }

    long[] msm(long[] basesAffine, long[] scalars, int n, MsmConfig cfg) {
        long[] out = new long[baseLimbs];
        msmInto(basesAffine, 0, scalars, 0, n, cfg, out, 0);
        return out;
    }

    <P> long[] msm(P[] bases, LimbWriter<P> writer, Fr[] scalars, MsmConfig cfg) {
        MsmInputs.checkSameLength(group, bases.length, scalars.length);
        long[] b = new long[baseLimbs * bases.length];
        long[] s = new long[4 * scalars.length];
        for (int i = 0; i < bases.length; i++) {
            writer.copyTo(bases[i], b, baseLimbs * i);
            scalars[i].copyMontTo(s, 4 * i);
        }
        return msm(b, s, bases.length, cfg);
    }

    void msmInto(long[] basesAffine, int basesOff, long[] scalars, int scalarsOff, int n,
                 MsmConfig cfg, long[] out, int outOff) {
        MsmInputs.check(group, basesAffine, basesOff, baseLimbs, scalars, scalarsOff, n);
        Xyzz k = new Xyzz(field);
        long[] sum = new long[k.pointLen];
        Pippenger.msm(field, basesAffine, basesOff, scalars, scalarsOff, n, cfg, sum, 0);
        k.toAffine(sum, 0, out, outOff);
    }
}
