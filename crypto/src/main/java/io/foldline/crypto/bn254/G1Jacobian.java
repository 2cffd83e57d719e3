package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.bn254.internal.JacobianOps;

/**
 * An immutable G1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is infinity), for chains of
 * additions without inversions; 12 Montgomery limbs X, Y, Z. Equality is equality of the points, not of the
 * coordinates. The group operations are those of {@link JacobianPoint}.
 */
public final class G1Jacobian extends JacobianPoint<G1Jacobian, G1Affine, Fq> {
    public static final G1Jacobian INFINITY = infinity();

    G1Jacobian(long[] v) {
        super(v);
    }

    private static G1Jacobian infinity() {
        long[] r = new long[12];
        new G1Ops().setInfinity(r, 0);
        return new G1Jacobian(r);
    }

    @Override
    JacobianOps ops() {
        return new G1Ops();
    }

    @Override
    G1Jacobian wrap(long[] limbs) {
        return new G1Jacobian(limbs);
    }

    @Override
    G1Affine wrapAffine(long[] limbs) {
        return new G1Affine(limbs);
    }

    @Override
    Fq coordinate(long[] limbs, int off) {
        return Fq.fromMont(limbs, off);
    }

    /** Converts all points with a single field inversion. */
    public static G1Affine[] batchToAffine(G1Jacobian[] ps) {
        return batchToAffine(ps, new G1Ops(), 4, G1Affine[]::new, G1Affine::new);
    }
}
