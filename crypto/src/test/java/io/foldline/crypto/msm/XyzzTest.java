package io.foldline.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The point kernel against the value classes, on both groups, including the exceptional inputs of each
 * formula: infinity on either side, P + P and P + (-P).
 */
class XyzzTest {
    /** The laws for one group, with points given as affine limbs and checked through {@code decode}. */
    private static <P> void checkLaws(FlatField f, long[] a, long[] b, long[] a2, long[] ab, long[] aMinusB,
                                      Function<long[], P> decode) {
        Xyzz k = new Xyzz(f);
        int pl = k.pointLen;
        int al = k.affLen;
        long[] inf = new long[al];
        long[] p = new long[pl];
        long[] q = new long[pl];
        long[] r = new long[al];

        k.setAffine(p, 0, a, 0, false);
        k.addMixed(p, 0, b, 0, false);
        assertEquals(decode.apply(ab), decode.apply(affine(k, p)), "a + b (mixed)");
        k.setAffine(p, 0, a, 0, false);
        k.addMixed(p, 0, b, 0, true);
        assertEquals(decode.apply(aMinusB), decode.apply(affine(k, p)), "a - b (mixed)");
        k.setAffine(p, 0, a, 0, false);
        k.addMixed(p, 0, a, 0, false);
        assertEquals(decode.apply(a2), decode.apply(affine(k, p)), "a + a (mixed)");
        k.setAffine(p, 0, a, 0, false);
        k.addMixed(p, 0, a, 0, true);
        assertTrue(k.isInfinity(p, 0), "a - a (mixed)");
        k.addMixed(p, 0, b, 0, false);
        k.addMixed(p, 0, inf, 0, false);
        assertEquals(decode.apply(b), decode.apply(affine(k, p)), "inf + b + inf");

        // full additions on non-normalised operands (Z != 1): 2a + 2b, 2a + 2a, 2a - 2a
        k.setAffine(p, 0, a, 0, false);
        k.dbl(p, 0);
        k.setAffine(q, 0, b, 0, false);
        k.dbl(q, 0);
        k.add(p, 0, q, 0);
        k.setAffine(q, 0, ab, 0, false);
        k.dbl(q, 0);
        assertEquals(decode.apply(affine(k, q)), decode.apply(affine(k, p)), "2a + 2b");
        k.setAffine(p, 0, a, 0, false);
        k.dbl(p, 0);
        System.arraycopy(p, 0, q, 0, pl);
        k.add(p, 0, q, 0);
        k.setAffine(q, 0, a2, 0, false);
        k.dbl(q, 0);
        assertEquals(decode.apply(affine(k, q)), decode.apply(affine(k, p)), "2a + 2a");
        k.setAffine(p, 0, a2, 0, false);
        k.setAffine(q, 0, a2, 0, true);
        k.add(p, 0, q, 0);
        assertTrue(k.isInfinity(p, 0), "2a - 2a");
        k.setInfinity(q, 0);
        k.setAffine(p, 0, b, 0, false);
        k.add(q, 0, p, 0);
        k.add(q, 0, new long[pl], 0);
        assertEquals(decode.apply(b), decode.apply(affine(k, q)), "inf + b + inf");

        // affine helpers
        System.arraycopy(a, 0, r, 0, al);
        long[] inv = new long[f.len];
        f.sub(b, 0, a, 0, inv, 0);
        f.inv(inv, 0, inv, 0);
        k.affineAddWithInverse(r, 0, b, 0, false, inv, 0);
        assertEquals(decode.apply(ab), decode.apply(r), "affine a + b");
        System.arraycopy(a, 0, r, 0, al);
        k.affineAddWithInverse(r, 0, b, 0, true, inv, 0);
        assertEquals(decode.apply(aMinusB), decode.apply(r), "affine a - b");
        System.arraycopy(a, 0, r, 0, al);
        k.affineDouble(r, 0);
        assertEquals(decode.apply(a2), decode.apply(r), "affine 2a");
    }

    private static long[] affine(Xyzz k, long[] p) {
        long[] a = new long[k.affLen];
        k.toAffine(p, 0, a, 0);
        return a;
    }

    @Test
    void g1() {
        SplittableRandom rng = new SplittableRandom(11);
        G1Affine a = G1Affine.GENERATOR.mul(Fr.random(rng));
        G1Affine b = G1Affine.GENERATOR.mul(Fr.random(rng));
        checkLaws(FlatField.FQ, limbs(a), limbs(b), limbs(a.add(a)), limbs(a.add(b)), limbs(a.add(b.neg())),
                l -> G1Affine.fromLimbs(l, 0));
    }

    @Test
    void g2() {
        SplittableRandom rng = new SplittableRandom(12);
        G2Affine a = G2Affine.GENERATOR.mul(Fr.random(rng));
        G2Affine b = G2Affine.GENERATOR.mul(Fr.random(rng));
        checkLaws(FlatField.FQ2, limbs(a), limbs(b), limbs(a.add(a)), limbs(a.add(b)), limbs(a.add(b.neg())),
                l -> G2Affine.ofUnchecked(Fq2.fromMont(l, 0), Fq2.fromMont(l, 8)));
    }

    @Test
    void batchInversionInvertsEveryElement() {
        SplittableRandom rng = new SplittableRandom(14);
        for (FlatField f : new FlatField[] {FlatField.FQ, FlatField.FQ2}) {
            int n = 7;
            long[] a = new long[n * f.len];
            for (int i = 0; i < n * f.len; i += 4) {
                io.foldline.crypto.bn254.Fq.random(rng).copyMontTo(a, i);
            }
            long[] inv = a.clone();
            f.batchInv(inv, 0, n, new long[f.batchInvScratch(n)], 0);
            long[] prod = new long[f.len];
            long[] one = new long[f.len];
            f.setOne(one, 0);
            for (int i = 0; i < n; i++) {
                f.mul(a, i * f.len, inv, i * f.len, prod, 0);
                assertTrue(f.eq(prod, 0, one, 0), "element " + i + " of " + f.len + "-limb field");
            }
        }
    }

    private static long[] limbs(G1Affine p) {
        long[] l = new long[8];
        p.copyTo(l, 0);
        return l;
    }

    private static long[] limbs(G2Affine p) {
        long[] l = new long[16];
        p.copyTo(l, 0);
        return l;
    }
}
