package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.G2Ops;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable point of the twist E'(Fq2) (normally of G2) in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is infinity), for chains of
 * additions without inversions. Equality is equality of the points, not of the coordinates.
 */
public final class G2Jacobian {
    public static final G2Jacobian INFINITY = infinity();

    final long[] v; // 24 Montgomery limbs: X, Y, Z (each c0 then c1); never mutated

    G2Jacobian(long[] v) {
        this.v = v;
    }

    private static G2Jacobian infinity() {
        long[] r = new long[24];
        new G2Ops().setInfinity(r, 0);
        return new G2Jacobian(r);
    }

    public Fq2 x() {
        return Fq2.fromMont(v, 0);
    }

    public Fq2 y() {
        return Fq2.fromMont(v, 8);
    }

    public Fq2 z() {
        return Fq2.fromMont(v, 16);
    }

    /** Writes 24 Montgomery limbs: X, Y, Z (each c0 then c1). */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 24);
    }

    public boolean isInfinity() {
        return z().isZero();
    }

    public G2Jacobian add(G2Jacobian o) {
        long[] r = new long[24];
        new G2Ops().add(v, 0, o.v, 0, r, 0);
        return new G2Jacobian(r);
    }

    public G2Jacobian addMixed(G2Affine o) {
        if (o.isInfinity()) {
            return this;
        }
        long[] r = new long[24];
        new G2Ops().addMixed(v, 0, o.v, 0, r, 0);
        return new G2Jacobian(r);
    }

    public G2Jacobian dbl() {
        long[] r = new long[24];
        new G2Ops().dbl(v, 0, r, 0);
        return new G2Jacobian(r);
    }

    public G2Jacobian neg() {
        long[] r = new long[24];
        new G2Ops().neg(v, 0, r, 0);
        return new G2Jacobian(r);
    }

    public G2Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** [k]Q, with k used as given; negative k multiplies the negated point. */
    public G2Jacobian mul(BigInteger k) {
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[24];
        new G2Ops().mul(v, 0, false, k, r, 0);
        return new G2Jacobian(r);
    }

    /** psi, the untwist-Frobenius-twist endomorphism; on G2 it equals multiplication by q. */
    G2Jacobian psi() {
        long[] r = new long[24];
        new G2Ops().psi(v, 0, r, 0);
        return new G2Jacobian(r);
    }

    public G2Affine toAffine() {
        long[] r = new long[16];
        new G2Ops().toAffine(v, 0, r, 0);
        return new G2Affine(r);
    }

    /** Converts all points with a single field inversion. */
    public static G2Affine[] batchToAffine(G2Jacobian[] ps) {
        long[] in = new long[24 * ps.length];
        for (int i = 0; i < ps.length; i++) {
            System.arraycopy(ps[i].v, 0, in, 24 * i, 24);
        }
        long[] out = new long[16 * ps.length];
        new G2Ops().batchToAffine(in, ps.length, out);
        G2Affine[] r = new G2Affine[ps.length];
        for (int i = 0; i < ps.length; i++) {
            r[i] = new G2Affine(Arrays.copyOfRange(out, 16 * i, 16 * i + 16));
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Jacobian p && new G2Ops().equal(v, 0, p.v, 0);
    }

    @Override
    public int hashCode() {
        return toAffine().hashCode();
    }

    @Override
    public String toString() {
        return toAffine().toString();
    }
}
