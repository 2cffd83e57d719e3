package io.foldline.crypto.msm;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many multiples k_i * B of one fixed base B (powers of tau, key generation). The table holds, in affine
 * form, d * 2^(jw) * B for every window j of width w and every digit d in 1..2^(w-1); a scalar, recoded in
 * signed digits as in {@link Digits}, is then one table addition per window and no doubling. The additions
 * of a block of scalars are independent of each other, so each window step for the block is one batch of
 * affine additions sharing a single inversion, and the results come out affine with no final
 * normalisation.
 *
 * <p>Output layout: affine points of 8 (G1) or 16 (G2) Montgomery limbs, zeros for infinity (k = 0). A
 * table is immutable once built and may be shared between threads.
 */
public final class FixedBaseTable {
    private static final int BLOCK = 512;
    private static final int MAX_WINDOW_BITS = 12; // keeps the table within a few MB of cache-friendly reads

    private final FlatField f;
    private final int w;
    private final int windows;
    private final int perWindow;
    private final boolean baseIsInfinity;
    private final long[] table;

    private FixedBaseTable(FlatField f, long[] base, int baseOff, int expectedScalars, MsmConfig cfg) {
        this.f = f;
        this.w = windowBits(expectedScalars);
        this.windows = Digits.windows(w);
        this.perWindow = 1 << (w - 1);
        Xyzz k = new Xyzz(f);
        this.baseIsInfinity = k.isAffineInfinity(base, baseOff);
        this.table = baseIsInfinity ? new long[0] : build(k, base, baseOff, cfg);
    }

    /** A table for {@code base}, sized for about {@code expectedScalars} multiplications. */
    public static FixedBaseTable g1(G1Affine base, int expectedScalars, MsmConfig cfg) {
        long[] b = new long[G1Msm.BASE_LIMBS];
        base.copyTo(b, 0);
        return new FixedBaseTable(FlatField.FQ, b, 0, expectedScalars, cfg);
    }

    public static FixedBaseTable g2(G2Affine base, int expectedScalars, MsmConfig cfg) {
        long[] b = new long[G2Msm.BASE_LIMBS];
        base.copyTo(b, 0);
        return new FixedBaseTable(FlatField.FQ2, b, 0, expectedScalars, cfg);
    }

    /** Window width minimising table construction (about 20 products a point) plus 6 products a lookup. */
    static int windowBits(int expectedScalars) {
        int best = 2;
        double bestCost = Double.MAX_VALUE;
        for (int c = 2; c <= MAX_WINDOW_BITS; c++) {
            double cost = (double) Digits.windows(c) * ((1 << (c - 1)) * 20.0 + Math.max(1, expectedScalars) * 6.0);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    public int windowBits() {
        return w;
    }

    /** Longs per output point: 8 for G1, 16 for G2. */
    public int pointLimbs() {
        return 2 * f.len;
    }

    /**
     * out[i] = scalars[i] * base for {@code count} scalars (4 Montgomery limbs each, as {@link Fr#copyMontTo}
     * writes them), as affine limbs at {@code outOff}.
     */
    public void mulAll(long[] scalars, int scalarsOff, int count, long[] out, int outOff, MsmConfig cfg) {
        int affLen = pointLimbs();
        if (count < 0 || scalarsOff < 0 || (long) scalarsOff + 4L * count > scalars.length) {
            throw new CryptoException("FixedBaseTable: scalars hold " + scalars.length + " longs, need 4 per scalar for "
                    + count + " scalars from offset " + scalarsOff);
        }
        if (outOff < 0 || (long) outOff + (long) affLen * count > out.length) {
            throw new CryptoException("FixedBaseTable: out holds " + out.length + " longs, need " + affLen
                    + " per point for " + count + " points from offset " + outOff);
        }
        java.util.Arrays.fill(out, outOff, outOff + affLen * count, 0L);
        if (baseIsInfinity) {
            return;
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        AtomicInteger next = new AtomicInteger();
        Parallel.run(Math.min(cfg.threads(), blocks), cfg, id -> {
            BlockWorker worker = new BlockWorker();
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                int lo = b * BLOCK;
                worker.run(scalars, scalarsOff + 4 * lo, Math.min(BLOCK, count - lo), out, outOff + affLen * lo);
            }
        });
    }

    public long[] mulAll(Fr[] scalars, MsmConfig cfg) {
        long[] s = new long[4 * scalars.length];
        for (int i = 0; i < scalars.length; i++) {
            scalars[i].copyMontTo(s, 4 * i);
        }
        long[] out = new long[pointLimbs() * scalars.length];
        mulAll(s, 0, scalars.length, out, 0, cfg);
        return out;
    }

    /** All windows' multiples, in affine form; windows are built in parallel. */
    private long[] build(Xyzz k0, long[] base, int baseOff, MsmConfig cfg) {
        int affLen = k0.affLen;
        long[] t = new long[windows * perWindow * affLen];
        AtomicInteger next = new AtomicInteger();
        Parallel.run(Math.min(cfg.threads(), windows), cfg, id -> {
            Xyzz k = new Xyzz(f);
            long[] pts = new long[perWindow * k.pointLen];
            long[] zzz = new long[perWindow * f.len];
            long[] scratch = new long[f.batchInvScratch(perWindow)];
            long[] step = new long[affLen];
            for (int j = next.getAndIncrement(); j < windows; j = next.getAndIncrement()) {
                k.setAffine(pts, 0, base, baseOff, false);
                for (int i = 0; i < j * w; i++) {
                    k.dbl(pts, 0);
                }
                k.toAffine(pts, 0, step, 0);                         // 2^(jw) B
                for (int d = 1; d < perWindow; d++) {
                    System.arraycopy(pts, (d - 1) * k.pointLen, pts, d * k.pointLen, k.pointLen);
                    k.addMixed(pts, d * k.pointLen, step, 0, false);  // (d + 1) 2^(jw) B
                }
                for (int d = 0; d < perWindow; d++) {
                    f.copy(pts, d * k.pointLen + 3 * f.len, zzz, d * f.len);
                }
                f.batchInv(zzz, 0, perWindow, scratch, 0);
                for (int d = 0; d < perWindow; d++) {
                    k.affineFromInverse(pts, d * k.pointLen, zzz, d * f.len, t, (j * perWindow + d) * affLen);
                }
            }
        });
        return t;
    }

    /** One thread's state for blocks of scalars: canonical scalars and one pending batch. */
    private final class BlockWorker {
        private final Xyzz k = new Xyzz(f);
        private final int len = f.len;
        private final int affLen = 2 * f.len;
        private final long[] canon = new long[4 * BLOCK];
        private final long[] den = new long[BLOCK * f.len];
        private final long[] scratch = new long[f.batchInvScratch(BLOCK)];
        private final long[] tmp = new long[f.len];
        private final int[] accOff = new int[BLOCK];
        private final int[] tableOff = new int[BLOCK];

        void run(long[] scalars, int so, int n, long[] out, int oo) {
            for (int i = 0; i < n; i++) {
                Digits.canonical(scalars, so + 4 * i, canon, 4 * i);
            }
            for (int j = 0; j < windows; j++) {
                int pending = 0;
                for (int i = 0; i < n; i++) {
                    int d = Digits.digit(canon, 4 * i, j, w);
                    if (d == 0) {
                        continue;
                    }
                    boolean negate = d < 0;
                    int tOff = (j * perWindow + (negate ? -d : d) - 1) * affLen;
                    int aOff = oo + i * affLen;
                    if (k.isAffineInfinity(out, aOff)) {
                        f.copy(table, tOff, out, aOff);
                        if (negate) {
                            f.neg(table, tOff + len, out, aOff + len);
                        } else {
                            f.copy(table, tOff + len, out, aOff + len);
                        }
                    } else if (f.eq(out, aOff, table, tOff)) {
                        collide(out, aOff, tOff, negate);
                    } else {
                        f.sub(table, tOff, out, aOff, den, pending * len);
                        accOff[pending] = aOff;
                        tableOff[pending++] = negate ? ~tOff : tOff;
                    }
                }
                f.batchInv(den, 0, pending, scratch, 0);
                for (int m = 0; m < pending; m++) {
                    int tOff = tableOff[m];
                    k.affineAddWithInverse(out, accOff[m], table, tOff < 0 ? ~tOff : tOff, tOff < 0, den, m * len);
                }
            }
        }

        /** acc has the x of +-T: acc + (+-T) is a doubling or the point at infinity. */
        private void collide(long[] out, int aOff, int tOff, boolean negate) {
            f.add(table, tOff + len, out, aOff + len, tmp, 0);
            if (negate == f.isZero(tmp, 0)) {
                k.affineDouble(out, aOff);
            } else {
                java.util.Arrays.fill(out, aOff, aOff + affLen, 0L);
            }
        }
    }
}
