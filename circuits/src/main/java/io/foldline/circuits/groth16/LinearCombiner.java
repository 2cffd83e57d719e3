package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.bn254.internal.G2Ops;
import io.foldline.crypto.bn254.internal.JacobianOps;
import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.msm.G1Msm;
import io.foldline.crypto.msm.G2Msm;
import io.foldline.crypto.msm.MsmConfig;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Evaluates a {@link TermTable} over affine base points: each output is a sum of a few scalar multiples
 * (the R1CS is sparse), so a per-output MSM would cost more in set-up than it saves. Circom coefficients
 * are mostly ±1 or small integers (weights, constants): a coefficient c above r/2 is applied as -(r - c),
 * 1 and -1 cost one mixed addition, and a short scalar costs as many doublings as it has bits. Outputs are
 * split in chunks over the common fork-join pool; each chunk converts its results to affine with one
 * inversion. Results are flat affine Montgomery limbs with zeros for the point at infinity.
 *
 * <p>An output with more than a few terms is one MSM instead: every S-box output of in-circuit Poseidon is
 * read by the next round's t mixed inputs (and through the partial rounds by every later one) with full-size
 * MDS coefficients, and a model's input wires take part in every neuron; term by term that is a full
 * double-and-add (~380 group operations) each, where Pippenger's buckets share the doublings. From 8 terms
 * on the MSM wins: a Poseidon-heavy decider's setup took 113 s term by term with the threshold at 32 and
 * 52 s at 8 (no gain at 4).
 */
final class LinearCombiner {
    private static final MontField FR = MontField.FR;
    private static final long[] HALF_R = MontField.limbs(FR.modulus.shiftRight(1));
    private static final long[] R = MontField.limbs(FR.modulus);
    private static final int CHUNK = 512;
    /** From this many terms an output is one Pippenger MSM (on the calling thread: outputs already run in parallel). */
    private static final int MSM_TERMS = 8;
    private static final MsmConfig ONE_THREAD = MsmConfig.builder().threads(1).build();
    /** An output this large (the constant wire of a circuit full of booleans) gets every thread. */
    private static final int PARALLEL_MSM_TERMS = 4096;

    private final int w;
    private final Supplier<JacobianOps> ops;

    private LinearCombiner(int w, Supplier<JacobianOps> ops) {
        this.w = w;
        this.ops = ops;
    }

    static LinearCombiner g1() {
        return new LinearCombiner(4, G1Ops::new);
    }

    static LinearCombiner g2() {
        return new LinearCombiner(8, G2Ops::new);
    }

    /** Evaluates outputs [from, from + count) of the table into {@code out} (2w longs per point). */
    long[] evaluate(TermTable t, long[][] bases, int from, int count) {
        long[] out = new long[2 * w * count];
        int chunks = (count + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int n = Math.min(CHUNK, count - lo);
            JacobianOps g = ops.get();
            long[] jac = new long[3 * w * n];
            Scratch s = new Scratch(g, w);
            for (int i = 0; i < n; i++) {
                combine(g, t, bases, from + lo + i, jac, 3 * w * i, s);
            }
            long[] aff = new long[2 * w * n];
            g.batchToAffine(jac, n, aff);
            System.arraycopy(aff, 0, out, 2 * w * lo, aff.length);
        });
        return out;
    }

    private static final class Scratch {
        final long[] k = new long[4];
        /** An affine point with room for the Z slot that JacobianOps.neg copies along. */
        final long[] base;
        final long[] tmp;
        /** (1, 1, 0): the field's one in the first slot. */
        final long[] infinity;

        Scratch(JacobianOps g, int w) {
            base = new long[3 * w];
            tmp = new long[3 * w];
            infinity = new long[3 * w];
            g.setInfinity(infinity, 0);
        }
    }

    private void combine(JacobianOps g, TermTable t, long[][] bases, int j, long[] acc, int ao, Scratch s) {
        g.setInfinity(acc, ao);
        if (t.start[j + 1] - t.start[j] >= MSM_TERMS) {
            msm(g, t, bases, j, acc, ao, s);
            return;
        }
        for (int k = t.start[j]; k < t.start[j + 1]; k++) {
            long[] src = bases[t.set[k]];
            int bo = 2 * w * t.index[k];
            if (isZero(src, bo, 2 * w)) {
                continue;
            }
            FR.toCanonical(t.coeff, 4 * k, s.k, 0);
            if (MontField.isZero(s.k, 0)) {
                continue;
            }
            System.arraycopy(src, bo, s.base, 0, 2 * w);
            if (greater(s.k, HALF_R)) {
                subtractFromR(s.k);
                g.neg(s.base, 0, s.base, 0); // y -> -y; the Z slot is scratch here
            }
            if (s.k[0] == 1 && (s.k[1] | s.k[2] | s.k[3]) == 0) {
                g.addMixed(acc, ao, s.base, 0, acc, ao);
            } else {
                multiply(g, s, s.k);
                g.add(acc, ao, s.tmp, 0, acc, ao);
            }
        }
    }

    private void msm(JacobianOps g, TermTable t, long[][] bases, int j, long[] acc, int ao, Scratch s) {
        int n = t.start[j + 1] - t.start[j];
        long[] points = new long[2 * w * n];
        long[] scalars = new long[4 * n];
        for (int i = 0; i < n; i++) {
            int k = t.start[j] + i;
            System.arraycopy(bases[t.set[k]], 2 * w * t.index[k], s.base, 0, 2 * w);
            // -c (as r - c) becomes c on the negated base: short digits, so Pippenger skips most windows
            FR.toCanonical(t.coeff, 4 * k, s.k, 0);
            if (greater(s.k, HALF_R)) {
                g.neg(s.base, 0, s.base, 0);
                FR.neg(t.coeff, 4 * k, scalars, 4 * i);
            } else {
                System.arraycopy(t.coeff, 4 * k, scalars, 4 * i, 4);
            }
            System.arraycopy(s.base, 0, points, 2 * w * i, 2 * w);
        }
        long[] sum = new long[2 * w];
        MsmConfig cfg = n >= PARALLEL_MSM_TERMS ? MsmConfig.defaults() : ONE_THREAD;
        if (w == 4) {
            G1Msm.msmInto(points, 0, scalars, 0, n, cfg, sum, 0);
        } else {
            G2Msm.msmInto(points, 0, scalars, 0, n, cfg, sum, 0);
        }
        if (!isZero(sum, 0, 2 * w)) {
            System.arraycopy(sum, 0, s.base, 0, 2 * w);
            g.addMixed(acc, ao, s.base, 0, acc, ao);
        }
    }

    /** s.tmp = [k] s.base by double-and-add over the bits of k (k > 1, canonical limbs). */
    private void multiply(JacobianOps g, Scratch s, long[] k) {
        int top = 255;
        while (((k[top >>> 6] >>> (top & 63)) & 1) == 0) {
            top--;
        }
        long[] tmp = s.tmp;
        System.arraycopy(s.base, 0, tmp, 0, 2 * w);
        System.arraycopy(s.infinity, 0, tmp, 2 * w, w); // Z = 1
        for (int i = top - 1; i >= 0; i--) {
            g.dbl(tmp, 0, tmp, 0);
            if (((k[i >>> 6] >>> (i & 63)) & 1) != 0) {
                g.addMixed(tmp, 0, s.base, 0, tmp, 0);
            }
        }
    }

    private static boolean isZero(long[] a, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean greater(long[] a, long[] b) {
        for (int i = 3; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]) > 0;
            }
        }
        return false;
    }

    private static void subtractFromR(long[] k) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long d = R[i] - k[i] - borrow;
            borrow = (Long.compareUnsigned(R[i], k[i]) < 0 || (borrow == 1 && R[i] == k[i])) ? 1 : 0;
            k[i] = d;
        }
    }
}
