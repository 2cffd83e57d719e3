package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.internal.Fq2Ops;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * One coordinate field seen through flat limbs: Fq (4 longs, for G1) or Fq2 (8 longs, for G2). The point
 * kernels are written once against this class; a call site sees at most these two receivers, so the JIT
 * inlines or bimorphically dispatches and the abstraction costs little next to a Montgomery product.
 */
abstract sealed class FlatField permits FlatField.FqField, FlatField.Fq2Field {
    private static final MontField F = MontField.FQ;
    static final FlatField FQ = new FqField();
    static final FlatField FQ2 = new Fq2Field();

    /** Longs per element. */
    final int len;

    private FlatField(int len) {
        this.len = len;
    }

    abstract void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    abstract void sqr(long[] a, int ao, long[] r, int ro);

    abstract void add(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    abstract void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    abstract void dbl(long[] a, int ao, long[] r, int ro);

    abstract void neg(long[] a, int ao, long[] r, int ro);

    /** r = a^-1 for a != 0 (allocates a little: for one-off use, not per element). */
    abstract void inv(long[] a, int ao, long[] r, int ro);

    abstract boolean isZero(long[] a, int ao);

    abstract boolean eq(long[] a, int ao, long[] b, int bo);

    abstract void setOne(long[] r, int ro);

    final void copy(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, len);
    }

    final void setZero(long[] r, int ro) {
        for (int i = 0; i < len; i++) {
            r[ro + i] = 0;
        }
    }

    /** Longs of scratch that {@link #batchInv} needs for {@code n} elements. */
    abstract int batchInvScratch(int n);

    /**
     * Inverts {@code n} consecutive non-zero elements of {@code a} in place with Montgomery's trick: one
     * inversion and three products per element; nothing is allocated but the single inversion's few longs.
     */
    abstract void batchInv(long[] a, int ao, int n, long[] scratch, int so);

    static final class FqField extends FlatField {
        private static final MontField F = MontField.FQ;

        private FqField() {
            super(4);
        }

        @Override void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) { F.mul(a, ao, b, bo, r, ro); }
        @Override void sqr(long[] a, int ao, long[] r, int ro) { F.mul(a, ao, a, ao, r, ro); }
        @Override void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) { F.add(a, ao, b, bo, r, ro); }
        @Override void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) { F.sub(a, ao, b, bo, r, ro); }
        @Override void dbl(long[] a, int ao, long[] r, int ro) { F.add(a, ao, a, ao, r, ro); }
        @Override void neg(long[] a, int ao, long[] r, int ro) { F.neg(a, ao, r, ro); }
        @Override void inv(long[] a, int ao, long[] r, int ro) { F.inv(a, ao, r, ro); }
        @Override boolean isZero(long[] a, int ao) { return MontField.isZero(a, ao); }
        @Override boolean eq(long[] a, int ao, long[] b, int bo) { return MontField.eq(a, ao, b, bo); }
        @Override void setOne(long[] r, int ro) { F.setOne(r, ro); }

        @Override
        int batchInvScratch(int n) {
            return 4 * (n + 1);
        }

        @Override
        void batchInv(long[] a, int ao, int n, long[] s, int so) {
            if (n == 0) {
                return;
            }
            // s[i] = a[0] * ... * a[i-1]; the running inverse lives in slot n
            int acc = so + 4 * n;
            F.setOne(s, so);
            for (int i = 1; i < n; i++) {
                F.mul(s, so + 4 * (i - 1), a, ao + 4 * (i - 1), s, so + 4 * i);
            }
            F.mul(s, so + 4 * (n - 1), a, ao + 4 * (n - 1), s, acc);
            F.inv(s, acc, s, acc);
            for (int i = n - 1; i >= 0; i--) {
                int ai = ao + 4 * i;
                int si = so + 4 * i;
                F.mul(s, acc, s, si, s, si);   // a[i]^-1 = (a[0..i])^-1 * a[0..i-1]
                F.mul(s, acc, a, ai, s, acc);  // now (a[0..i-1])^-1
                MontField.copy(s, si, a, ai);
            }
        }
    }

    static final class Fq2Field extends FlatField {
        private Fq2Field() {
            super(8);
        }

        @Override void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) { Fq2Ops.mul(a, ao, b, bo, r, ro); }
        @Override void sqr(long[] a, int ao, long[] r, int ro) { Fq2Ops.sqr(a, ao, r, ro); }

        @Override
        void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
            F.add(a, ao, b, bo, r, ro);
            F.add(a, ao + 4, b, bo + 4, r, ro + 4);
        }

        @Override
        void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
            F.sub(a, ao, b, bo, r, ro);
            F.sub(a, ao + 4, b, bo + 4, r, ro + 4);
        }

        @Override
        void dbl(long[] a, int ao, long[] r, int ro) {
            F.add(a, ao, a, ao, r, ro);
            F.add(a, ao + 4, a, ao + 4, r, ro + 4);
        }

        @Override
        void neg(long[] a, int ao, long[] r, int ro) {
            F.neg(a, ao, r, ro);
            F.neg(a, ao + 4, r, ro + 4);
        }

        @Override void inv(long[] a, int ao, long[] r, int ro) { Fq2Ops.inv(a, ao, r, ro); }
        @Override boolean isZero(long[] a, int ao) { return Fq2Ops.isZero(a, ao); }
        @Override boolean eq(long[] a, int ao, long[] b, int bo) { return Fq2Ops.eq(a, ao, b, bo); }
        @Override void setOne(long[] r, int ro) { Fq2Ops.setOne(r, ro); }

        @Override
        int batchInvScratch(int n) {
            return 4 * n + FQ.batchInvScratch(n);
        }

        /**
         * Through the norm: (c0 + c1 u)^-1 = (c0 - c1 u) / (c0^2 + c1^2), so the batch inversion runs in Fq on
         * the norms (2 squarings + 3 products + 2 products per element instead of three Fq2 products).
         */
        @Override
        void batchInv(long[] a, int ao, int n, long[] s, int so) {
            int t = so + 4 * n;
            for (int i = 0; i < n; i++) {
                int ai = ao + 8 * i;
                int ni = so + 4 * i;
                F.mul(a, ai, a, ai, s, ni);
                F.mul(a, ai + 4, a, ai + 4, s, t);
                F.add(s, ni, s, t, s, ni);
            }
            FQ.batchInv(s, so, n, s, t);
            for (int i = 0; i < n; i++) {
                int ai = ao + 8 * i;
                int ni = so + 4 * i;
                F.mul(a, ai, s, ni, a, ai);
                F.mul(a, ai + 4, s, ni, a, ai + 4);
                F.neg(a, ai + 4, a, ai + 4);
            }
        }
    }
}
