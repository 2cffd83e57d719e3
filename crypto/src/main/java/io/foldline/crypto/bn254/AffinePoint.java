package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.JacobianOps;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Shared body of {@link G1Affine} (over Fq) and {@link G2Affine} (over Fq2): an immutable point in affine
 * coordinates on 2w Montgomery limbs (x then y, w = 4 or 8 longs per coordinate), with (0, 0) for infinity.
 * Validation and the byte encodings differ between the groups and stay in the subclasses.
 * The public methods are not final (the subclasses are) so that javac puts public bridges for them on the
 * public subclasses, where reflection and other packages look for them.
 *
 * @param <A> the point type itself
 * @param <J> its Jacobian counterpart
 * @param <F> the coordinate field
 */
abstract sealed class AffinePoint<A extends AffinePoint<A, J, F>, J extends JacobianPoint<J, A, F>, F>
        permits G1Affine, G2Affine {
    final long[] v; // exactly 2w Montgomery limbs: x then y; zeros for infinity; never mutated

    AffinePoint(long[] v) {
        this.v = v;
    }

    /** A fresh kernel: it owns scratch space, so one is never shared between calls. */
    abstract JacobianOps ops();

    abstract A wrap(long[] limbs);

    abstract J wrapJacobian(long[] limbs);

    abstract F coordinate(long[] limbs, int off);

    /** The group's INFINITY constant (returned as is, like the per-group code did). */
    abstract A infinity();

    /** "G1" or "G2", for toString. */
    abstract String groupName();

    @SuppressWarnings("unchecked") // sealed: the only subclasses are A = G1Affine and A = G2Affine
    private A self() {
        return (A) this;
    }

    public F x() {
        return coordinate(v, 0);
    }

    public F y() {
        return coordinate(v, v.length / 2);
    }

    public boolean isInfinity() {
        return allZero(v);
    }

    /** Writes the 2w Montgomery limbs x then y (zeros for infinity; over Fq2 each is c0 then c1). */
    public void copyTo(long[] dst, int off) {
        System.arraycopy(v, 0, dst, off, v.length);
    }

    public A neg() {
        if (isInfinity()) {
            return self();
        }
        long[] r = new long[v.length];
        ops().negAffine(v, 0, r, 0);
        return wrap(r);
    }

    public A add(A o) {
        return toJacobian().addMixed(o).toAffine();
    }

    public A mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /**
     * [k]P with k used as given (not reduced mod r, which matters for G2 points outside the subgroup);
     * negative k multiplies the negated point.
     */
    public A mul(BigInteger k) {
        if (isInfinity() || k.signum() == 0) {
            return infinity();
        }
        if (k.signum() < 0) {
            return neg().mul(k.negate());
        }
        long[] r = new long[3 * v.length / 2];
        ops().mul(v, 0, true, k, r, 0);
        return wrapJacobian(r).toAffine();
    }

    public J toJacobian() {
        long[] r = new long[3 * v.length / 2];
        ops().fromAffine(v, 0, r, 0);
        return wrapJacobian(r);
    }

    /** Copies n limbs from src at off, each 4-limb word checked to be below q as reduced Montgomery limbs are. */
    static long[] reducedLimbs(long[] src, int off, int n, String group) {
        long[] r = Arrays.copyOfRange(src, off, off + n);
        for (int i = 0; i < n; i += 4) {
            if (!MontField.FQ.isCanonical(r, i)) {
                throw new CryptoException(group + " point limbs are not reduced below the field modulus");
            }
        }
        return r;
    }

    static boolean allZero(long[] a) {
        return allZero(a, 0, a.length);
    }

    static boolean allZero(long[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffinePoint<?, ?, ?> p && p.getClass() == getClass() && Arrays.equals(v, p.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return groupName() + (isInfinity() ? "(infinity)" : "(" + x() + ", " + y() + ")");
    }
}
