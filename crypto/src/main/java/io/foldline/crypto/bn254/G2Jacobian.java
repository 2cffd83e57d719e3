package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.G2Ops;
import io.foldline.crypto.bn254.internal.JacobianOps;

/**
 * An immutable point of the twist E'(Fq2) (normally of G2) in Jacobian coordinates (x = X/Z^2, y = Y/Z^3;
 * Z = 0 is infinity), for chains of additions without inversions; 24 Montgomery limbs X, Y, Z (each c0 then
 * c1). Equality is equality of the points, not of the coordinates. The group operations are those of
 * {@link JacobianPoint}.
 */
public final class G2Jacobian extends JacobianPoint<G2Jacobian, G2Affine, Fq2> {
    public static final G2Jacobian INFINITY = infinity();

    G2Jacobian(long[] v) {
        super(v);
    }

    private static G2Jacobian infinity() {
        long[] r = new long[24];
        new G2Ops().setInfinity(r, 0);
        return new G2Jacobian(r);
    }

    @Override
    JacobianOps ops() {
        return new G2Ops();
    }

    @Override
    G2Jacobian wrap(long[] limbs) {
        return new G2Jacobian(limbs);
    }

    @Override
    G2Affine wrapAffine(long[] limbs) {
        return new G2Affine(limbs);
    }

    @Override
    Fq2 coordinate(long[] limbs, int off) {
        return Fq2.fromMont(limbs, off);
    }

    /** psi, the untwist-Frobenius-twist endomorphism; on G2 it equals multiplication by q. */
    G2Jacobian psi() {
        long[] r = new long[24];
        new G2Ops().psi(v, 0, r, 0);
        return new G2Jacobian(r);
    }

    /** Converts all points with a single field inversion. */
    public static G2Affine[] batchToAffine(G2Jacobian[] ps) {
        return batchToAffine(ps, new G2Ops(), 8, G2Affine[]::new, G2Affine::new);
    }
}
