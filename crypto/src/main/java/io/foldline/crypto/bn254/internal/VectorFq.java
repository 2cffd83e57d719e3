package io.foldline.crypto.bn254.internal;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

import java.math.BigInteger;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Experimental: Fq Montgomery multiplication of eight independent pairs at once in 512-bit vectors
 * (jdk.incubator.vector; needs {@code --add-modules jdk.incubator.vector} at compile and run time).
 *
 * <p>Radix 2^29, nine limbs (261 bits): a lane product of two limbs is below 2^58 and a column of the
 * Montgomery product sums at most 18 of them, so it stays below 2^63 and no carry is needed until the end.
 * AVX-512 has no 64x64 high multiply, which is why the 4x64 layout of {@link MontField} cannot be vectorized
 * directly. The Montgomery reduction runs nine 29-bit steps, i.e. divides by 2^261 = 32 R with R = 2^256;
 * {@link #mul} shifts its first operand left by 5 bits first, so that values here are the same Montgomery
 * residues (x R mod p) as in {@code MontField} and conversion is a change of layout only.
 *
 * <p>Block layout: eight field elements as {@link #BLOCK} longs, limb j (bits 29j..29j+28) of lane l at
 * index 8j + l. Values in a block lie in [0, 2p) with limbs below 2^29 ("normalized"); {@link #mul},
 * {@link #add} and {@link #sub} keep them so, and {@link #store} reduces them below p on the way out.
 * {@code load} and {@code store} convert from and to the {@code MontField} layout (4 limbs per element),
 * either eight consecutive elements or eight elements at given offsets (the MSM's scattered buckets).
 *
 * <p>The product is unrolled by hand and split in two methods that pass their state through a scratch
 * array: a loop would carry vectors through phis, which C2 boxes on the heap, and one method of the whole
 * unrolled product is too big for C1 ("out of virtual registers"), after which tiered compilation never
 * reaches C2 and the Vector API runs as plain Java. One instance per thread (it owns the scratch).
 */
public final class VectorFq {
    public static final int LANES = 8;
    public static final int LIMBS = 9;
    public static final int BLOCK = LIMBS * LANES;

    private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
    private static final int BITS = 29;
    private static final long MASK = (1L << BITS) - 1;
    private static final long P0, P1, P2, P3, P4, P5, P6, P7, P8, PINV;
    /** Limbs of 2p (normalized), added back by {@link #sub} and taken off by {@link #add}. */
    private static final long Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8;

    static {
        BigInteger p = MontField.FQ.modulus;
        long[] l = new long[LIMBS], q = new long[LIMBS];
        for (int j = 0; j < LIMBS; j++) {
            l[j] = p.shiftRight(BITS * j).longValue() & MASK;
            q[j] = p.shiftLeft(1).shiftRight(BITS * j).longValue() & MASK;
        }
        P0 = l[0]; P1 = l[1]; P2 = l[2]; P3 = l[3]; P4 = l[4]; P5 = l[5]; P6 = l[6]; P7 = l[7]; P8 = l[8];
        Q0 = q[0]; Q1 = q[1]; Q2 = q[2]; Q3 = q[3]; Q4 = q[4]; Q5 = q[5]; Q6 = q[6]; Q7 = q[7]; Q8 = q[8];
        BigInteger r = BigInteger.ONE.shiftLeft(BITS);
        PINV = r.subtract(p.modInverse(r)).longValue();
    }

    /** Shifted first operand, then the eight live columns between the two halves of a product. */
    private final long[] scratch = new long[2 * BLOCK];

    /**
     * r = a b R^-1 mod p lane by lane, R = 2^256, for blocks at offsets ao, bo, ro (may alias). Inputs below
     * 2p and normalized; so is the output: (32 a b + m p) / 2^261 &lt; 128 p^2 / 2^261 + p &lt; 1.8 p.
     */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mulLow(a, ao, b, bo);
        mulHigh(b, bo, r, ro);
    }

    /** Shifts a left by 5 bits into the scratch, then runs Montgomery steps 0..4; columns 5..12 to the scratch. */
    private void mulLow(long[] a, int ao, long[] b, int bo) {
        long[] s = scratch;
        LongVector x0 = LongVector.fromArray(S, a, ao), x1 = LongVector.fromArray(S, a, ao + LANES);
        LongVector a0 = x0.lanewise(LSHL, 5).and(MASK);
        LongVector a1 = x1.lanewise(LSHL, 5).and(MASK).or(x0.lanewise(LSHR, BITS - 5));
        x0 = LongVector.fromArray(S, a, ao + 2 * LANES);
        LongVector a2 = x0.lanewise(LSHL, 5).and(MASK).or(x1.lanewise(LSHR, BITS - 5));
        x1 = LongVector.fromArray(S, a, ao + 3 * LANES);
        LongVector a3 = x1.lanewise(LSHL, 5).and(MASK).or(x0.lanewise(LSHR, BITS - 5));
        x0 = LongVector.fromArray(S, a, ao + 4 * LANES);
        LongVector a4 = x0.lanewise(LSHL, 5).and(MASK).or(x1.lanewise(LSHR, BITS - 5));
        x1 = LongVector.fromArray(S, a, ao + 5 * LANES);
        LongVector a5 = x1.lanewise(LSHL, 5).and(MASK).or(x0.lanewise(LSHR, BITS - 5));
        x0 = LongVector.fromArray(S, a, ao + 6 * LANES);
        LongVector a6 = x0.lanewise(LSHL, 5).and(MASK).or(x1.lanewise(LSHR, BITS - 5));
        x1 = LongVector.fromArray(S, a, ao + 7 * LANES);
        LongVector a7 = x1.lanewise(LSHL, 5).and(MASK).or(x0.lanewise(LSHR, BITS - 5));
        x0 = LongVector.fromArray(S, a, ao + 8 * LANES);
        LongVector a8 = x0.lanewise(LSHL, 5).and(MASK).or(x1.lanewise(LSHR, BITS - 5));
        a0.intoArray(s, 0); a1.intoArray(s, LANES); a2.intoArray(s, 2 * LANES);
        a3.intoArray(s, 3 * LANES); a4.intoArray(s, 4 * LANES);
        a5.intoArray(s, 5 * LANES); a6.intoArray(s, 6 * LANES); a7.intoArray(s, 7 * LANES); a8.intoArray(s, 8 * LANES);
        LongVector bi, m;
        bi = LongVector.fromArray(S, b, bo);
        LongVector c0 = a0.mul(bi); LongVector c1 = a1.mul(bi); LongVector c2 = a2.mul(bi);
        LongVector c3 = a3.mul(bi); LongVector c4 = a4.mul(bi); LongVector c5 = a5.mul(bi);
        LongVector c6 = a6.mul(bi); LongVector c7 = a7.mul(bi); LongVector c8 = a8.mul(bi);
        m = c0.and(MASK).mul(PINV).and(MASK);
        c1 = c1.add(m.mul(P1)).add(c0.add(m.mul(P0)).lanewise(LSHR, BITS));
        c2 = c2.add(m.mul(P2)); c3 = c3.add(m.mul(P3)); c4 = c4.add(m.mul(P4)); c5 = c5.add(m.mul(P5));
        c6 = c6.add(m.mul(P6)); c7 = c7.add(m.mul(P7)); c8 = c8.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + LANES);
        c1 = c1.add(a0.mul(bi)); c2 = c2.add(a1.mul(bi)); c3 = c3.add(a2.mul(bi));
        c4 = c4.add(a3.mul(bi)); c5 = c5.add(a4.mul(bi)); c6 = c6.add(a5.mul(bi));
        c7 = c7.add(a6.mul(bi)); c8 = c8.add(a7.mul(bi)); LongVector c9 = a8.mul(bi);
        m = c1.and(MASK).mul(PINV).and(MASK);
        c2 = c2.add(m.mul(P1)).add(c1.add(m.mul(P0)).lanewise(LSHR, BITS));
        c3 = c3.add(m.mul(P2)); c4 = c4.add(m.mul(P3)); c5 = c5.add(m.mul(P4)); c6 = c6.add(m.mul(P5));
        c7 = c7.add(m.mul(P6)); c8 = c8.add(m.mul(P7)); c9 = c9.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 2 * LANES);
        c2 = c2.add(a0.mul(bi)); c3 = c3.add(a1.mul(bi)); c4 = c4.add(a2.mul(bi));
        c5 = c5.add(a3.mul(bi)); c6 = c6.add(a4.mul(bi)); c7 = c7.add(a5.mul(bi));
        c8 = c8.add(a6.mul(bi)); c9 = c9.add(a7.mul(bi)); LongVector c10 = a8.mul(bi);
        m = c2.and(MASK).mul(PINV).and(MASK);
        c3 = c3.add(m.mul(P1)).add(c2.add(m.mul(P0)).lanewise(LSHR, BITS));
        c4 = c4.add(m.mul(P2)); c5 = c5.add(m.mul(P3)); c6 = c6.add(m.mul(P4)); c7 = c7.add(m.mul(P5));
        c8 = c8.add(m.mul(P6)); c9 = c9.add(m.mul(P7)); c10 = c10.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 3 * LANES);
        c3 = c3.add(a0.mul(bi)); c4 = c4.add(a1.mul(bi)); c5 = c5.add(a2.mul(bi));
        c6 = c6.add(a3.mul(bi)); c7 = c7.add(a4.mul(bi)); c8 = c8.add(a5.mul(bi));
        c9 = c9.add(a6.mul(bi)); c10 = c10.add(a7.mul(bi)); LongVector c11 = a8.mul(bi);
        m = c3.and(MASK).mul(PINV).and(MASK);
        c4 = c4.add(m.mul(P1)).add(c3.add(m.mul(P0)).lanewise(LSHR, BITS));
        c5 = c5.add(m.mul(P2)); c6 = c6.add(m.mul(P3)); c7 = c7.add(m.mul(P4)); c8 = c8.add(m.mul(P5));
        c9 = c9.add(m.mul(P6)); c10 = c10.add(m.mul(P7)); c11 = c11.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 4 * LANES);
        c4 = c4.add(a0.mul(bi)); c5 = c5.add(a1.mul(bi)); c6 = c6.add(a2.mul(bi));
        c7 = c7.add(a3.mul(bi)); c8 = c8.add(a4.mul(bi)); c9 = c9.add(a5.mul(bi));
        c10 = c10.add(a6.mul(bi)); c11 = c11.add(a7.mul(bi)); LongVector c12 = a8.mul(bi);
        m = c4.and(MASK).mul(PINV).and(MASK);
        c5 = c5.add(m.mul(P1)).add(c4.add(m.mul(P0)).lanewise(LSHR, BITS));
        c6 = c6.add(m.mul(P2)); c7 = c7.add(m.mul(P3)); c8 = c8.add(m.mul(P4)); c9 = c9.add(m.mul(P5));
        c10 = c10.add(m.mul(P6)); c11 = c11.add(m.mul(P7)); c12 = c12.add(m.mul(P8));
        c5.intoArray(s, BLOCK); c6.intoArray(s, BLOCK + LANES); c7.intoArray(s, BLOCK + 2 * LANES);
        c8.intoArray(s, BLOCK + 3 * LANES); c9.intoArray(s, BLOCK + 4 * LANES);
        c10.intoArray(s, BLOCK + 5 * LANES); c11.intoArray(s, BLOCK + 6 * LANES);
        c12.intoArray(s, BLOCK + 7 * LANES);
    }

    /** Montgomery steps 5..8 on the scratch left by {@link #mulLow}, then carries, into r. */
    private void mulHigh(long[] b, int bo, long[] r, int ro) {
        long[] s = scratch;
        LongVector a0 = LongVector.fromArray(S, s, 0);
        LongVector a1 = LongVector.fromArray(S, s, LANES);
        LongVector a2 = LongVector.fromArray(S, s, 2 * LANES);
        LongVector a3 = LongVector.fromArray(S, s, 3 * LANES);
        LongVector a4 = LongVector.fromArray(S, s, 4 * LANES);
        LongVector a5 = LongVector.fromArray(S, s, 5 * LANES);
        LongVector a6 = LongVector.fromArray(S, s, 6 * LANES);
        LongVector a7 = LongVector.fromArray(S, s, 7 * LANES);
        LongVector a8 = LongVector.fromArray(S, s, 8 * LANES);
        LongVector c5 = LongVector.fromArray(S, s, BLOCK);
        LongVector c6 = LongVector.fromArray(S, s, BLOCK + 1 * LANES);
        LongVector c7 = LongVector.fromArray(S, s, BLOCK + 2 * LANES);
        LongVector c8 = LongVector.fromArray(S, s, BLOCK + 3 * LANES);
        LongVector c9 = LongVector.fromArray(S, s, BLOCK + 4 * LANES);
        LongVector c10 = LongVector.fromArray(S, s, BLOCK + 5 * LANES);
        LongVector c11 = LongVector.fromArray(S, s, BLOCK + 6 * LANES);
        LongVector c12 = LongVector.fromArray(S, s, BLOCK + 7 * LANES);
        LongVector bi, m;
        bi = LongVector.fromArray(S, b, bo + 5 * LANES);
        c5 = c5.add(a0.mul(bi)); c6 = c6.add(a1.mul(bi)); c7 = c7.add(a2.mul(bi));
        c8 = c8.add(a3.mul(bi)); c9 = c9.add(a4.mul(bi)); c10 = c10.add(a5.mul(bi));
        c11 = c11.add(a6.mul(bi)); c12 = c12.add(a7.mul(bi)); LongVector c13 = a8.mul(bi);
        m = c5.and(MASK).mul(PINV).and(MASK);
        c6 = c6.add(m.mul(P1)).add(c5.add(m.mul(P0)).lanewise(LSHR, BITS));
        c7 = c7.add(m.mul(P2)); c8 = c8.add(m.mul(P3)); c9 = c9.add(m.mul(P4)); c10 = c10.add(m.mul(P5));
        c11 = c11.add(m.mul(P6)); c12 = c12.add(m.mul(P7)); c13 = c13.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 6 * LANES);
        c6 = c6.add(a0.mul(bi)); c7 = c7.add(a1.mul(bi)); c8 = c8.add(a2.mul(bi));
        c9 = c9.add(a3.mul(bi)); c10 = c10.add(a4.mul(bi)); c11 = c11.add(a5.mul(bi));
        c12 = c12.add(a6.mul(bi)); c13 = c13.add(a7.mul(bi)); LongVector c14 = a8.mul(bi);
        m = c6.and(MASK).mul(PINV).and(MASK);
        c7 = c7.add(m.mul(P1)).add(c6.add(m.mul(P0)).lanewise(LSHR, BITS));
        c8 = c8.add(m.mul(P2)); c9 = c9.add(m.mul(P3)); c10 = c10.add(m.mul(P4)); c11 = c11.add(m.mul(P5));
        c12 = c12.add(m.mul(P6)); c13 = c13.add(m.mul(P7)); c14 = c14.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 7 * LANES);
        c7 = c7.add(a0.mul(bi)); c8 = c8.add(a1.mul(bi)); c9 = c9.add(a2.mul(bi));
        c10 = c10.add(a3.mul(bi)); c11 = c11.add(a4.mul(bi)); c12 = c12.add(a5.mul(bi));
        c13 = c13.add(a6.mul(bi)); c14 = c14.add(a7.mul(bi)); LongVector c15 = a8.mul(bi);
        m = c7.and(MASK).mul(PINV).and(MASK);
        c8 = c8.add(m.mul(P1)).add(c7.add(m.mul(P0)).lanewise(LSHR, BITS));
        c9 = c9.add(m.mul(P2)); c10 = c10.add(m.mul(P3)); c11 = c11.add(m.mul(P4)); c12 = c12.add(m.mul(P5));
        c13 = c13.add(m.mul(P6)); c14 = c14.add(m.mul(P7)); c15 = c15.add(m.mul(P8));
        bi = LongVector.fromArray(S, b, bo + 8 * LANES);
        c8 = c8.add(a0.mul(bi)); c9 = c9.add(a1.mul(bi)); c10 = c10.add(a2.mul(bi));
        c11 = c11.add(a3.mul(bi)); c12 = c12.add(a4.mul(bi)); c13 = c13.add(a5.mul(bi));
        c14 = c14.add(a6.mul(bi)); c15 = c15.add(a7.mul(bi)); LongVector c16 = a8.mul(bi);
        m = c8.and(MASK).mul(PINV).and(MASK);
        c9 = c9.add(m.mul(P1)).add(c8.add(m.mul(P0)).lanewise(LSHR, BITS));
        c10 = c10.add(m.mul(P2)); c11 = c11.add(m.mul(P3)); c12 = c12.add(m.mul(P4)); c13 = c13.add(m.mul(P5));
        c14 = c14.add(m.mul(P6)); c15 = c15.add(m.mul(P7)); c16 = c16.add(m.mul(P8));
        c10 = c10.add(c9.lanewise(LSHR, BITS)); c9.and(MASK).intoArray(r, ro);
        c11 = c11.add(c10.lanewise(LSHR, BITS)); c10.and(MASK).intoArray(r, ro + LANES);
        c12 = c12.add(c11.lanewise(LSHR, BITS)); c11.and(MASK).intoArray(r, ro + 2 * LANES);
        c13 = c13.add(c12.lanewise(LSHR, BITS)); c12.and(MASK).intoArray(r, ro + 3 * LANES);
        c14 = c14.add(c13.lanewise(LSHR, BITS)); c13.and(MASK).intoArray(r, ro + 4 * LANES);
        c15 = c15.add(c14.lanewise(LSHR, BITS)); c14.and(MASK).intoArray(r, ro + 5 * LANES);
        c16 = c16.add(c15.lanewise(LSHR, BITS)); c15.and(MASK).intoArray(r, ro + 6 * LANES);
        c16.and(MASK).intoArray(r, ro + 7 * LANES);
        c16.lanewise(LSHR, BITS).intoArray(r, ro + 8 * LANES);
    }

    /** r = a - b mod p on blocks (may alias), inputs and output in [0, 2p) and normalized. */
    public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        LongVector d0 = LongVector.fromArray(S, a, ao).sub(LongVector.fromArray(S, b, bo));
        LongVector d1 = LongVector.fromArray(S, a, ao + LANES).sub(LongVector.fromArray(S, b, bo + LANES));
        LongVector d2 = LongVector.fromArray(S, a, ao + 2 * LANES).sub(LongVector.fromArray(S, b, bo + 2 * LANES));
        LongVector d3 = LongVector.fromArray(S, a, ao + 3 * LANES).sub(LongVector.fromArray(S, b, bo + 3 * LANES));
        LongVector d4 = LongVector.fromArray(S, a, ao + 4 * LANES).sub(LongVector.fromArray(S, b, bo + 4 * LANES));
        LongVector d5 = LongVector.fromArray(S, a, ao + 5 * LANES).sub(LongVector.fromArray(S, b, bo + 5 * LANES));
        LongVector d6 = LongVector.fromArray(S, a, ao + 6 * LANES).sub(LongVector.fromArray(S, b, bo + 6 * LANES));
        LongVector d7 = LongVector.fromArray(S, a, ao + 7 * LANES).sub(LongVector.fromArray(S, b, bo + 7 * LANES));
        LongVector d8 = LongVector.fromArray(S, a, ao + 8 * LANES).sub(LongVector.fromArray(S, b, bo + 8 * LANES));
        // signed carries; a negative difference gets 2p added back
        d1 = d1.add(d0.lanewise(ASHR, BITS)); d0 = d0.and(MASK);
        d2 = d2.add(d1.lanewise(ASHR, BITS)); d1 = d1.and(MASK);
        d3 = d3.add(d2.lanewise(ASHR, BITS)); d2 = d2.and(MASK);
        d4 = d4.add(d3.lanewise(ASHR, BITS)); d3 = d3.and(MASK);
        d5 = d5.add(d4.lanewise(ASHR, BITS)); d4 = d4.and(MASK);
        d6 = d6.add(d5.lanewise(ASHR, BITS)); d5 = d5.and(MASK);
        d7 = d7.add(d6.lanewise(ASHR, BITS)); d6 = d6.and(MASK);
        d8 = d8.add(d7.lanewise(ASHR, BITS)); d7 = d7.and(MASK);
        VectorMask<Long> neg = d8.compare(VectorOperators.LT, 0);
        LongVector e0 = d0.add(Q0);
        LongVector e1 = d1.add(Q1).add(e0.lanewise(LSHR, BITS));
        LongVector e2 = d2.add(Q2).add(e1.lanewise(LSHR, BITS));
        LongVector e3 = d3.add(Q3).add(e2.lanewise(LSHR, BITS));
        LongVector e4 = d4.add(Q4).add(e3.lanewise(LSHR, BITS));
        LongVector e5 = d5.add(Q5).add(e4.lanewise(LSHR, BITS));
        LongVector e6 = d6.add(Q6).add(e5.lanewise(LSHR, BITS));
        LongVector e7 = d7.add(Q7).add(e6.lanewise(LSHR, BITS));
        LongVector e8 = d8.add(Q8).add(e7.lanewise(LSHR, BITS));
        d0.blend(e0.and(MASK), neg).intoArray(r, ro); d1.blend(e1.and(MASK), neg).intoArray(r, ro + LANES);
        d2.blend(e2.and(MASK), neg).intoArray(r, ro + 2 * LANES);
        d3.blend(e3.and(MASK), neg).intoArray(r, ro + 3 * LANES);
        d4.blend(e4.and(MASK), neg).intoArray(r, ro + 4 * LANES);
        d5.blend(e5.and(MASK), neg).intoArray(r, ro + 5 * LANES);
        d6.blend(e6.and(MASK), neg).intoArray(r, ro + 6 * LANES);
        d7.blend(e7.and(MASK), neg).intoArray(r, ro + 7 * LANES);
        d8.blend(e8, neg).intoArray(r, ro + 8 * LANES);
    }

    /** r = a + b mod p on blocks (may alias), inputs and output in [0, 2p) and normalized. */
    public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        LongVector s0 = LongVector.fromArray(S, a, ao).add(LongVector.fromArray(S, b, bo));
        LongVector s1 = LongVector.fromArray(S, a, ao + LANES).add(LongVector.fromArray(S, b, bo + LANES));
        LongVector s2 = LongVector.fromArray(S, a, ao + 2 * LANES).add(LongVector.fromArray(S, b, bo + 2 * LANES));
        LongVector s3 = LongVector.fromArray(S, a, ao + 3 * LANES).add(LongVector.fromArray(S, b, bo + 3 * LANES));
        LongVector s4 = LongVector.fromArray(S, a, ao + 4 * LANES).add(LongVector.fromArray(S, b, bo + 4 * LANES));
        LongVector s5 = LongVector.fromArray(S, a, ao + 5 * LANES).add(LongVector.fromArray(S, b, bo + 5 * LANES));
        LongVector s6 = LongVector.fromArray(S, a, ao + 6 * LANES).add(LongVector.fromArray(S, b, bo + 6 * LANES));
        LongVector s7 = LongVector.fromArray(S, a, ao + 7 * LANES).add(LongVector.fromArray(S, b, bo + 7 * LANES));
        LongVector s8 = LongVector.fromArray(S, a, ao + 8 * LANES).add(LongVector.fromArray(S, b, bo + 8 * LANES));
        s1 = s1.add(s0.lanewise(LSHR, BITS)); s0 = s0.and(MASK);
        s2 = s2.add(s1.lanewise(LSHR, BITS)); s1 = s1.and(MASK);
        s3 = s3.add(s2.lanewise(LSHR, BITS)); s2 = s2.and(MASK);
        s4 = s4.add(s3.lanewise(LSHR, BITS)); s3 = s3.and(MASK);
        s5 = s5.add(s4.lanewise(LSHR, BITS)); s4 = s4.and(MASK);
        s6 = s6.add(s5.lanewise(LSHR, BITS)); s5 = s5.and(MASK);
        s7 = s7.add(s6.lanewise(LSHR, BITS)); s6 = s6.and(MASK);
        s8 = s8.add(s7.lanewise(LSHR, BITS)); s7 = s7.and(MASK);
        // s < 4p: subtract 2p unless that goes negative
        LongVector e0 = s0.sub(Q0);
        LongVector e1 = s1.sub(Q1).add(e0.lanewise(ASHR, BITS));
        LongVector e2 = s2.sub(Q2).add(e1.lanewise(ASHR, BITS));
        LongVector e3 = s3.sub(Q3).add(e2.lanewise(ASHR, BITS));
        LongVector e4 = s4.sub(Q4).add(e3.lanewise(ASHR, BITS));
        LongVector e5 = s5.sub(Q5).add(e4.lanewise(ASHR, BITS));
        LongVector e6 = s6.sub(Q6).add(e5.lanewise(ASHR, BITS));
        LongVector e7 = s7.sub(Q7).add(e6.lanewise(ASHR, BITS));
        LongVector e8 = s8.sub(Q8).add(e7.lanewise(ASHR, BITS));
        VectorMask<Long> big = e8.compare(VectorOperators.GE, 0);
        s0.blend(e0.and(MASK), big).intoArray(r, ro); s1.blend(e1.and(MASK), big).intoArray(r, ro + LANES);
        s2.blend(e2.and(MASK), big).intoArray(r, ro + 2 * LANES);
        s3.blend(e3.and(MASK), big).intoArray(r, ro + 3 * LANES);
        s4.blend(e4.and(MASK), big).intoArray(r, ro + 4 * LANES);
        s5.blend(e5.and(MASK), big).intoArray(r, ro + 5 * LANES);
        s6.blend(e6.and(MASK), big).intoArray(r, ro + 6 * LANES);
        s7.blend(e7.and(MASK), big).intoArray(r, ro + 7 * LANES);
        s8.blend(e8, big).intoArray(r, ro + 8 * LANES);
    }

    /** Every lane = 1 in Montgomery form (R mod p). */
    /**
     * True when this JVM runs 512-bit long vectors natively. Elsewhere (AVX2-only CPUs, or without the module)
     * the Vector API falls back to plain Java, some 20 times slower than {@link MontField}: callers must not
     * use this class then.
     */
    public static boolean nativeOnThisMachine() {
        return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize() >= 512;
    }

    public static void setOne(long[] r, int ro) {
        long[] one = new long[4];
        MontField.FQ.setOne(one, 0);
        for (int l = 0; l < LANES; l++) {
            loadLane(one, 0, r, ro + l);
        }
    }

    /**
     * Loads eight consecutive {@code MontField} elements (4 limbs each, below 2p) from {@code src[so..so+32)}
     * into a block. Scalar: gathers through the Vector API measured slower here.
     */
    public static void load(long[] src, int so, long[] r, int ro) {
        for (int l = 0; l < LANES; l++) {
            loadLane(src, so + 4 * l, r, ro + l);
        }
    }

    /** Loads lane l of a block from the element at {@code src[off[oo + l]]}, for l = 0..7 (scattered inputs). */
    public static void load(long[] src, int[] off, int oo, long[] r, int ro) {
        for (int l = 0; l < LANES; l++) {
            loadLane(src, off[oo + l], r, ro + l);
        }
    }

    private static void loadLane(long[] src, int so, long[] r, int o) {
        long w0 = src[so], w1 = src[so + 1], w2 = src[so + 2], w3 = src[so + 3];
        r[o] = w0 & MASK;
        r[o + LANES] = (w0 >>> 29) & MASK;
        r[o + 2 * LANES] = ((w0 >>> 58) | (w1 << 6)) & MASK;
        r[o + 3 * LANES] = (w1 >>> 23) & MASK;
        r[o + 4 * LANES] = ((w1 >>> 52) | (w2 << 12)) & MASK;
        r[o + 5 * LANES] = (w2 >>> 17) & MASK;
        r[o + 6 * LANES] = ((w2 >>> 46) | (w3 << 18)) & MASK;
        r[o + 7 * LANES] = (w3 >>> 11) & MASK;
        r[o + 8 * LANES] = w3 >>> 40;
    }

    /**
     * Stores a block as eight consecutive {@code MontField} elements, reduced below p, at dst[dOff..+32).
     * Reduction and repacking run in vectors; only the 4x8 transposition is scalar (through the scratch).
     */
    public void store(long[] a, int ao, long[] dst, int dOff) {
        reduceToScratch(a, ao);
        long[] s = scratch;
        for (int l = 0; l < LANES; l++) {
            int w = dOff + 4 * l;
            dst[w] = s[l]; dst[w + 1] = s[LANES + l]; dst[w + 2] = s[2 * LANES + l]; dst[w + 3] = s[3 * LANES + l];
        }
    }

    /** Stores lane l of a block, reduced below p, as the element at {@code dst[off[oo + l]]}. */
    public void store(long[] a, int ao, long[] dst, int[] off, int oo) {
        reduceToScratch(a, ao);
        long[] s = scratch;
        for (int l = 0; l < LANES; l++) {
            int w = off[oo + l];
            dst[w] = s[l]; dst[w + 1] = s[LANES + l]; dst[w + 2] = s[2 * LANES + l]; dst[w + 3] = s[3 * LANES + l];
        }
    }

    /** Reduces a block below p and packs it into 4x64 limbs, limb k of lane l at scratch[8k + l]. */
    private void reduceToScratch(long[] a, int ao) {
        LongVector t0 = LongVector.fromArray(S, a, ao), t1 = LongVector.fromArray(S, a, ao + LANES);
        LongVector t2 = LongVector.fromArray(S, a, ao + 2 * LANES), t3 = LongVector.fromArray(S, a, ao + 3 * LANES);
        LongVector t4 = LongVector.fromArray(S, a, ao + 4 * LANES), t5 = LongVector.fromArray(S, a, ao + 5 * LANES);
        LongVector t6 = LongVector.fromArray(S, a, ao + 6 * LANES), t7 = LongVector.fromArray(S, a, ao + 7 * LANES);
        LongVector t8 = LongVector.fromArray(S, a, ao + 8 * LANES);
        // t - p with the borrow carried arithmetically (-1 or 0); keep t where that went negative
        LongVector d0 = t0.sub(P0), d1 = t1.sub(P1).add(d0.lanewise(ASHR, BITS));
        LongVector d2 = t2.sub(P2).add(d1.lanewise(ASHR, BITS)), d3 = t3.sub(P3).add(d2.lanewise(ASHR, BITS));
        LongVector d4 = t4.sub(P4).add(d3.lanewise(ASHR, BITS)), d5 = t5.sub(P5).add(d4.lanewise(ASHR, BITS));
        LongVector d6 = t6.sub(P6).add(d5.lanewise(ASHR, BITS)), d7 = t7.sub(P7).add(d6.lanewise(ASHR, BITS));
        LongVector d8 = t8.sub(P8).add(d7.lanewise(ASHR, BITS));
        VectorMask<Long> sub = d8.compare(VectorOperators.GE, 0);
        t0 = t0.blend(d0.and(MASK), sub); t1 = t1.blend(d1.and(MASK), sub); t2 = t2.blend(d2.and(MASK), sub);
        t3 = t3.blend(d3.and(MASK), sub); t4 = t4.blend(d4.and(MASK), sub); t5 = t5.blend(d5.and(MASK), sub);
        t6 = t6.blend(d6.and(MASK), sub); t7 = t7.blend(d7.and(MASK), sub); t8 = t8.blend(d8, sub);
        long[] s = scratch;
        t0.or(t1.lanewise(LSHL, 29)).or(t2.lanewise(LSHL, 58)).intoArray(s, 0);
        t2.lanewise(LSHR, 6).or(t3.lanewise(LSHL, 23)).or(t4.lanewise(LSHL, 52)).intoArray(s, LANES);
        t4.lanewise(LSHR, 12).or(t5.lanewise(LSHL, 17)).or(t6.lanewise(LSHL, 46)).intoArray(s, 2 * LANES);
        t6.lanewise(LSHR, 18).or(t7.lanewise(LSHL, 11)).or(t8.lanewise(LSHL, 40)).intoArray(s, 3 * LANES);
    }

    /** The integer in lane i of a block (tests and debugging). */
    static BigInteger lane(long[] a, int ao, int i) {
        BigInteger v = BigInteger.ZERO;
        for (int j = LIMBS - 1; j >= 0; j--) {
            v = v.shiftLeft(BITS).add(BigInteger.valueOf(a[ao + LANES * j + i]));
        }
        return v;
    }
}
