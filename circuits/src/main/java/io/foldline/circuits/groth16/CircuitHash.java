package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.Uncompressed;
import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.hash.Blake2b;
import java.util.stream.IntStream;

/**
 * The 64-byte circuit hash that opens zkey section 10: BLAKE2b-512 over the initial key, exactly as
 * snarkjs' zkey_new.js absorbs it, so that {@code snarkjs zkey verify} (which rebuilds the initial key and
 * compares hashes) accepts our keys. In order, every point in the uncompressed encoding of
 * {@link Uncompressed} and every count as a big-endian u32:
 * <ol>
 *   <li>alpha1, beta1, beta2, gamma2 (= G2 generator), delta1 (= G1 generator), delta2 (= G2 generator);</li>
 *   <li>nPublic + 1, then the IC points;</li>
 *   <li>n - 1, then the points τ^{i+n}G1 - τ^iG1 from the ptau's section 2: for i in [0, n - 1) when
 *       n <= 2^14, and for i in [0, n) above that, because snarkjs' loop hashes whole chunks of 2^14
 *       points (a quirk we copy: it is what the circuit hash of every large snarkjs key contains);</li>
 *   <li>nVars - nPublic - 1, then the C points; nVars and the A points; nVars and the B1 points; nVars and
 *       the B2 points.</li>
 * </ol>
 * The H points the hash absorbs are τ^i Z(τ) G1, not the Lagrange form the key stores: snarkjs hashes the
 * former, so a key's hash identifies the circuit and the ptau's τ powers.
 */
final class CircuitHash {
    private static final int SNARKJS_CHUNK = 1 << 14;
    private static final int CHUNK = 1 << 12;

    private CircuitHash() {
    }

    /** How many τ-difference points snarkjs hashes for a domain of n rows. */
    static int hashedHPoints(int n) {
        if (n - 1 <= SNARKJS_CHUNK) {
            return n - 1;
        }
        return (n - 1 + SNARKJS_CHUNK - 1) / SNARKJS_CHUNK * SNARKJS_CHUNK;
    }

    /** {@code hDiffs} holds the hashedHPoints(n) τ-difference points (see {@link SetupHashTail}). */
    static byte[] compute(KeyPoints k, long[] hDiffs) {
        Blake2b h = Blake2b.blake2b512();
        Uncompressed.hashG1(h, k.alpha1(), 0, 1);
        Uncompressed.hashG1(h, k.beta1(), 0, 1);
        Uncompressed.hashG2(h, k.beta2(), 0, 1);
        Uncompressed.hashG2(h, k.gamma2(), 0, 1);
        Uncompressed.hashG1(h, k.delta1(), 0, 1);
        Uncompressed.hashG2(h, k.delta2(), 0, 1);
        int nPublic = k.ic().length / 8 - 1;
        int nVars = k.a().length / 8;
        hashU32(h, nPublic + 1);
        Uncompressed.hashG1(h, k.ic(), 0, nPublic + 1);
        int n = k.h().length / 8;
        hashU32(h, n - 1);
        if (hDiffs.length != 8 * hashedHPoints(n)) {
            throw new IllegalArgumentException("expected " + hashedHPoints(n) + " tau differences, got " + hDiffs.length / 8);
        }
        Uncompressed.hashG1(h, hDiffs, 0, hDiffs.length / 8);
        hashU32(h, nVars - nPublic - 1);
        Uncompressed.hashG1(h, k.c(), 0, nVars - nPublic - 1);
        hashU32(h, nVars);
        Uncompressed.hashG1(h, k.a(), 0, nVars);
        hashU32(h, nVars);
        Uncompressed.hashG1(h, k.b1(), 0, nVars);
        hashU32(h, nVars);
        Uncompressed.hashG2(h, k.b2(), 0, nVars);
        return h.digest();
    }

    /** A big-endian u32, as snarkjs' {@code hashU32} writes section counts into the circuit hash. */
    private static void hashU32(Blake2b h, long v) {
        h.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** τ^{i+n}G - τ^iG for i in [0, count), affine, in parallel chunks with one inversion each. */
    static long[] tauDifferences(long[] tauG1, int n, int count) {
        long[] out = new long[8 * count];
        int chunks = (count + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int m = Math.min(CHUNK, count - lo);
            G1Ops g = new G1Ops();
            long[] jac = new long[12 * m];
            long[] neg = new long[12];
            for (int i = 0; i < m; i++) {
                int hi = 8 * (lo + i + n);
                int low = 8 * (lo + i);
                if (isZero(tauG1, low)) {
                    g.setInfinity(neg, 0);
                } else {
                    setAffine(g, tauG1, low, neg);
                    g.neg(neg, 0, neg, 0);
                }
                if (isZero(tauG1, hi)) {
                    System.arraycopy(neg, 0, jac, 12 * i, 12);
                } else {
                    g.addMixed(neg, 0, tauG1, hi, jac, 12 * i);
                }
            }
            long[] aff = new long[8 * m];
            g.batchToAffine(jac, m, aff);
            System.arraycopy(aff, 0, out, 8 * lo, aff.length);
        });
        return out;
    }

    /** Loads the affine point at {@code off} into Jacobian {@code dst} with Z = 1. */
    private static void setAffine(G1Ops g, long[] src, int off, long[] dst) {
        g.setInfinity(dst, 0);               // X = 1, Y = 1, Z = 0
        System.arraycopy(dst, 0, dst, 8, 4); // Z = 1
        System.arraycopy(src, off, dst, 0, 8);
    }

    private static boolean isZero(long[] a, int off) {
        for (int i = 0; i < 8; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The points the hash covers, as flat affine limbs; the H section itself is not hashed. */
    record KeyPoints(long[] alpha1, long[] beta1, long[] beta2, long[] gamma2, long[] delta1, long[] delta2,
                     long[] ic, long[] c, long[] a, long[] b1, long[] b2, long[] h) {
    }
}
