package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.JacobianOps;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Shared body of {@link G1Jacobian} (over Fq) and {@link G2Jacobian} (over Fq2): an immutable point in Jacobian
 * coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is infinity) on 3w Montgomery limbs, w = 4 or 8 longs per coordinate.
 * Equality is equality of the points, not of the coordinates. The arithmetic is the group's {@link JacobianOps}.
 * The public methods are not final (the subclasses are) so that javac puts public bridges for them on the
 * public subclasses, where reflection and other packages look for them.
 *
 * @param <J> the point type itself
 * @param <A> its affine counterpart
 * @param <F> the coordinate field
 */
abstract sealed class JacobianPoint<J extends JacobianPoint<J, A, F>, A extends AffinePoint<A, J, F>, F>
        permits G1Jacobian, G2Jacobian {
    final long[] v; // exactly 3w Montgomery limbs: X, Y, Z; never mutated

    JacobianPoint(long[] v) {
        this.v = v;
    }

    /** A fresh kernel: it owns scratch space, so one is never shared between calls. */
    abstract JacobianOps ops();

    abstract J wrap(long[] limbs);

    abstract A wrapAffine(long[] limbs);

    abstract F coordinate(long[] limbs, int off);

    private int w() {
        return v.length / 3;
    }

    @SuppressWarnings("unchecked") // sealed: the only subclasses are J = G1Jacobian and J = G2Jacobian
    private J self() {
        return (J) this;
    }

    public F x() {
        return coordinate(v, 0);
    }

    public F y() {
        return coordinate(v, w());
    }

    public F z() {
        return coordinate(v, 2 * w());
    }

    /** Writes the 3w Montgomery limbs X, Y, Z (over Fq2 each coordinate is c0 then c1). */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, v.length);
    }

    public boolean isInfinity() {
        return AffinePoint.allZero(v, 2 * w(), v.length);
    }

    public J add(J o) {
        long[] r = new long[v.length];
        ops().add(v, 0, o.v, 0, r, 0);
        return wrap(r);
    }

    public J addMixed(A o) {
        if (o.isInfinity()) {
            return self();
        }
        long[] r = new long[v.length];
        ops().addMixed(v, 0, o.v, 0, r, 0);
        return wrap(r);
    }

    public J dbl() {
        long[] r = new long[v.length];
        ops().dbl(v, 0, r, 0);
        return wrap(r);
    }

    public J neg() {
        long[] r = new long[v.length];
        ops().neg(v, 0, r, 0);
        return wrap(r);
    }

    public J mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /**
     * [k]P with k used as given (not reduced mod r, which matters for G2 points outside the subgroup);
     * negative k multiplies the negated point.
     */
    public J mul(BigInteger k) {
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[v.length];
        ops().mul(v, 0, false, k, r, 0);
        return wrap(r);
    }

    public A toAffine() {
        long[] r = new long[2 * w()];
        ops().toAffine(v, 0, r, 0);
        return wrapAffine(r);
    }

    /** Converts all points with a single field inversion; the public static batchToAffine of each group. */
    static <A> A[] batchToAffine(JacobianPoint<?, ?, ?>[] ps, JacobianOps ops, int w, IntFunction<A[]> newArray,
                                 Function<long[], A> wrapAffine) {
        long[] in = new long[3 * w * ps.length];
        for (int i = 0; i < ps.length; i++) {
            System.arraycopy(ps[i].v, 0, in, 3 * w * i, 3 * w);
        }
        long[] out = new long[2 * w * ps.length];
        ops.batchToAffine(in, ps.length, out);
        A[] r = newArray.apply(ps.length);
        for (int i = 0; i < ps.length; i++) {
            r[i] = wrapAffine.apply(Arrays.copyOfRange(out, 2 * w * i, 2 * w * (i + 1)));
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JacobianPoint<?, ?, ?> p && p.getClass() == getClass() && ops().equal(v, 0, p.v, 0);
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
