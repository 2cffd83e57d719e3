package io.foldline.crypto.msm;

import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.bn254.internal.VectorFq;

/**
 * The batch-affine round of {@link BucketWorker} for G2, eight additions at a time in 512-bit lanes: the G2
 * twin of {@link VectorBatch}, with each Fq2 = Fq[u]/(u^2 + 1) coordinate held as two {@link VectorFq} blocks.
 * The denominators x2 - x1 are inverted through their norms (a + bu)^-1 = (a - bu) / (a^2 + b^2), so the
 * eight-lane prefix chains and the one scalar inversion are those of G1. Enabled with {@link VectorBatch#ENABLED}.
 */
final class VectorBatchG2 {
    private static final int BLK = VectorFq.BLOCK;
    private final VectorFq vf = new VectorFq();
    private final long[] x1a, x1b, x2a, x2b, da, db, nn, pre, y2a, y2b, t, tot, invs;
    private final int[] bx0, bx1, by0, by1, px0, px1;

    VectorBatchG2(int batchCap) {
        int cap = (batchCap / 8 + 1) * BLK;
        x1a = new long[cap]; x1b = new long[cap]; x2a = new long[cap]; x2b = new long[cap];
        da = new long[cap]; db = new long[cap]; nn = new long[cap]; pre = new long[cap];
        y2a = new long[4 * batchCap]; y2b = new long[4 * batchCap];
        t = new long[16 * BLK];
        tot = new long[32];
        invs = new long[32];
        bx0 = new int[batchCap]; bx1 = new int[batchCap]; by0 = new int[batchCap]; by1 = new int[batchCap];
        px0 = new int[batchCap]; px1 = new int[batchCap];
    }

    /** As {@link VectorBatch#run} for G2 points (16 limbs: x.c0, x.c1, y.c0, y.c1). */
    void run(int n, long[] aff, int affLen, long[] bases, int[] batchPoint, int[] batchBucket) {
        MontField f = MontField.FQ;
        for (int j = 0; j < n; j++) {
            int p = batchPoint[j];
            int po = p < 0 ? ~p : p;
            int b = batchBucket[j] * affLen;
            bx0[j] = b; bx1[j] = b + 4; by0[j] = b + 8; by1[j] = b + 12;
            px0[j] = po; px1[j] = po + 4;
            if (p < 0) {
                f.neg(bases, po + 8, y2a, 4 * j);
                f.neg(bases, po + 12, y2b, 4 * j);
            } else {
                MontField.copy(bases, po + 8, y2a, 4 * j);
                MontField.copy(bases, po + 12, y2b, 4 * j);
            }
        }
        int blocks = n / 8;
        final int sq = 0, v = BLK; // scratch slots in t
        for (int q = 0; q < blocks; q++) {
            int o = q * BLK;
            VectorFq.load(aff, bx0, 8 * q, x1a, o);
            VectorFq.load(aff, bx1, 8 * q, x1b, o);
            VectorFq.load(bases, px0, 8 * q, x2a, o);
            VectorFq.load(bases, px1, 8 * q, x2b, o);
            VectorFq.sub(x2a, o, x1a, o, da, o);
            VectorFq.sub(x2b, o, x1b, o, db, o);
            vf.mul(da, o, da, o, nn, o);
            vf.mul(db, o, db, o, t, sq);
            VectorFq.add(nn, o, t, sq, nn, o);
            if (q == 0) {
                VectorFq.setOne(pre, 0);
            } else {
                vf.mul(pre, o - BLK, nn, o - BLK, pre, o);
            }
        }
        int last = (blocks - 1) * BLK;
        vf.mul(pre, last, nn, last, t, v);
        vf.store(t, v, tot, 0);
        f.batchInv(tot, 0, 8, invs);
        VectorFq.load(tot, 0, t, v);
        for (int q = blocks - 1; q >= 0; q--) {
            backward(q, aff);
        }
    }

    /** Block q of the backward pass: its inverse norm, lambda, and the new bucket point. */
    private void backward(int q, long[] aff) {
        final int v = BLK, ninv = 2 * BLK, ia = 3 * BLK, ib = 4 * BLK, ya = 5 * BLK, yb = 6 * BLK;
        final int y1a = 7 * BLK, y1b = 8 * BLK, la = 9 * BLK, lb = 10 * BLK, m = 11 * BLK, k = 12 * BLK;
        final int x3a = 13 * BLK, x3b = 14 * BLK, zero = 15 * BLK;
        int o = q * BLK;
        vf.mul(t, v, pre, o, t, ninv);               // 1 / N_q
        vf.mul(t, v, nn, o, t, v);                   // running inverse for the blocks below
        vf.mul(da, o, t, ninv, t, ia);               // (x2 - x1)^-1 = (da - db u) / N
        vf.mul(db, o, t, ninv, t, m);
        java.util.Arrays.fill(t, zero, zero + BLK, 0L);
        VectorFq.sub(t, zero, t, m, t, ib);
        VectorFq.load(aff, by0, 8 * q, t, y1a);
        VectorFq.load(aff, by1, 8 * q, t, y1b);
        VectorFq.load(y2a, 32 * q, t, ya);
        VectorFq.load(y2b, 32 * q, t, yb);
        VectorFq.sub(t, ya, t, y1a, t, ya);          // y2 - y1
        VectorFq.sub(t, yb, t, y1b, t, yb);
        mulFq2(ya, yb, ia, ib, la, lb);              // lambda
        VectorFq.add(t, la, t, lb, t, m);            // lambda^2 = (la + lb)(la - lb) + 2 la lb u
        VectorFq.sub(t, la, t, lb, t, k);
        vf.mul(t, m, t, k, t, x3a);
        vf.mul(t, la, t, lb, t, m);
        VectorFq.add(t, m, t, m, t, x3b);
        VectorFq.sub(t, x3a, x1a, o, t, x3a);        // x3 = lambda^2 - x1 - x2
        VectorFq.sub(t, x3a, x2a, o, t, x3a);
        VectorFq.sub(t, x3b, x1b, o, t, x3b);
        VectorFq.sub(t, x3b, x2b, o, t, x3b);
        VectorFq.sub(x1a, o, t, x3a, t, ya);         // x1 - x3, reusing the y2 - y1 slots
        VectorFq.sub(x1b, o, t, x3b, t, yb);
        mulFq2(la, lb, ya, yb, ia, ib);              // lambda (x1 - x3)
        VectorFq.sub(t, ia, t, y1a, t, ia);          // y3 = lambda (x1 - x3) - y1
        VectorFq.sub(t, ib, t, y1b, t, ib);
        vf.store(t, x3a, aff, bx0, 8 * q);
        vf.store(t, x3b, aff, bx1, 8 * q);
        vf.store(t, ia, aff, by0, 8 * q);
        vf.store(t, ib, aff, by1, 8 * q);
    }

    /** (ra + rb u) = (a0 + a1 u)(b0 + b1 u) on slots of t; outputs must not alias inputs. Uses slots m and k. */
    private void mulFq2(int a0, int a1, int b0, int b1, int ra, int rb) {
        final int m = 11 * BLK, k = 12 * BLK;
        vf.mul(t, a0, t, b0, t, m);
        vf.mul(t, a1, t, b1, t, k);
        VectorFq.sub(t, m, t, k, t, ra);
        vf.mul(t, a0, t, b1, t, m);
        vf.mul(t, a1, t, b0, t, k);
        VectorFq.add(t, m, t, k, t, rb);
    }
}
