package io.foldline.crypto.poseidon;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * Round constants and MDS matrix drawn from the Grain LFSR exactly as the Poseidon authors' reference
 * script {@code generate_parameters_grain.sage} does for GF(p) with the x^alpha S-box: first (R_F + R_P) * t
 * constants by rejection sampling, then a Cauchy matrix from the same stream.
 *
 * <p>The reference script also runs three subspace-trail checks on the matrix and draws a new one while any
 * fails. We do not run them: for every circomlib width (t = 2..17) the first matrix drawn is the one
 * circomlib ships (verified against circomlibjs 0.1.7, see PoseidonInteropTest), so for these parameters the
 * first draw is the answer.
 */
final class GrainConstants {
    static final int FIELD_BITS = 254;

    final BigInteger[] roundConstants;
    final BigInteger[][] mds;

    private GrainConstants(BigInteger[] roundConstants, BigInteger[][] mds) {
        this.roundConstants = roundConstants;
        this.mds = mds;
    }

    static GrainConstants generate(BigInteger p, int t, int roundsFull, int roundsPartial) {
        GrainLfsr grain = new GrainLfsr(FIELD_BITS, t, roundsFull, roundsPartial);
        BigInteger[] c = new BigInteger[(roundsFull + roundsPartial) * t];
        for (int i = 0; i < c.length; i++) {
            c[i] = grain.nextBelow(p, FIELD_BITS);
        }
        return new GrainConstants(c, cauchy(grain, p, t));
    }

    /**
     * M[i][j] = 1 / (x_i + y_j) from 2t draws reduced mod p (not rejection-sampled, unlike the constants);
     * all 2t draws must be distinct and no x_i + y_j may vanish, else all 2t are drawn again.
     */
    private static BigInteger[][] cauchy(GrainLfsr grain, BigInteger p, int t) {
        while (true) {
            BigInteger[] v = drawDistinct(grain, p, 2 * t);
            BigInteger[][] m = new BigInteger[t][t];
            boolean ok = true;
            for (int i = 0; i < t && ok; i++) {
                for (int j = 0; j < t && ok; j++) {
                    BigInteger s = v[i].add(v[t + j]).mod(p);
                    ok = s.signum() != 0;
                    if (ok) {
                        m[i][j] = s.modInverse(p);
                    }
                }
            }
            if (ok) {
                return m;
            }
        }
    }

    private static BigInteger[] drawDistinct(GrainLfsr grain, BigInteger p, int n) {
        while (true) {
            BigInteger[] v = new BigInteger[n];
            Set<BigInteger> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                v[i] = grain.nextBits(FIELD_BITS).mod(p);
                seen.add(v[i]);
            }
            if (seen.size() == n) {
                return v;
            }
        }
    }
}
