package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.G1Ops;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable G1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is infinity), for chains of
 * additions without inversions. Equality is equality of the points, not of the coordinates.
 */
public final class G1Jacobian {
    public static final G1Jacobian INFINITY = infinity();

    final long[] v; // 12 Montgomery limbs: X, Y, Z; never mutated

    G1Jacobian(long[] v) {
        this.v = v;
    }

    private static G1Jacobian infinity() {
        long[] r = new long[12];
        new G1Ops().setInfinity(r, 0);
        return new G1Jacobian(r);
    }

    public Fq x() {
        return Fq.fromMont(v, 0);
    }

    public Fq y() {
        return Fq.fromMont(v, 4);
    }

    public Fq z() {
        return Fq.fromMont(v, 8);
    }

    /** Writes 12 Montgomery limbs: X, Y, Z. */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, 12);
    }

    public boolean isInfinity() {
        return z().isZero();
    }

    public G1Jacobian add(G1Jacobian o) {
        long[] r = new long[12];
        new G1Ops().add(v, 0, o.v, 0, r, 0);
        return new G1Jacobian(r);
    }

    public G1Jacobian addMixed(G1Affine o) {
        if (o.isInfinity()) {
            return this;
        }
        long[] r = new long[12];
        new G1Ops().addMixed(v, 0, o.v, 0, r, 0);
        return new G1Jacobian(r);
    }

    public G1Jacobian dbl() {
        long[] r = new long[12];
        new G1Ops().dbl(v, 0, r, 0);
        return new G1Jacobian(r);
    }

    public G1Jacobian neg() {
        long[] r = new long[12];
        new G1Ops().neg(v, 0, r, 0);
        return new G1Jacobian(r);
    }

    public G1Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** [k]P; negative k multiplies the negated point. */
    public G1Jacobian mul(BigInteger k) {
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[12];
        new G1Ops().mul(v, 0, false, k, r, 0);
        return new G1Jacobian(r);
    }

    public G1Affine toAffine() {
        long[] r = new long[8];
        new G1Ops().toAffine(v, 0, r, 0);
        return new G1Affine(r);
    }

    /** Converts all points with a single field inversion. */
    public static G1Affine[] batchToAffine(G1Jacobian[] ps) {
        long[] in = new long[12 * ps.length];
        for (int i = 0; i < ps.length; i++) {
            System.arraycopy(ps[i].v, 0, in, 12 * i, 12);
        }
        long[] out = new long[8 * ps.length];
        new G1Ops().batchToAffine(in, ps.length, out);
        G1Affine[] r = new G1Affine[ps.length];
        for (int i = 0; i < ps.length; i++) {
            r[i] = new G1Affine(Arrays.copyOfRange(out, 8 * i, 8 * i + 8));
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Jacobian p && new G1Ops().equal(v, 0, p.v, 0);
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
