package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.FinalExponentiation;
import io.foldline.crypto.bn254.internal.MillerLoop;

/**
 * The optimal ate pairing e: G1 x G2 -> GT on BN254. {@link #pairingCheck} is the predicate of the EIP-197
 * precompile; {@link #pair} returns the GT values of snarkjs/ffjavascript (checked in PairingTest) and, by its
 * documented final exponent, of gnark. See {@link MillerLoop} and {@link FinalExponentiation} for the
 * algorithms. Stateless and thread-safe: each call uses its own scratch space.
 */
public final class Pairing {
    private Pairing() {
    }

    /** e(P, Q); 1 when either point is infinity. */
    public static Fq12 pair(G1Affine p, G2Affine q) {
        return finalExponentiation(millerLoop(new G1Affine[] {p}, new G2Affine[] {q}));
    }

    /**
     * Whether prod_i e(P_i, Q_i) = 1, computed with one shared Miller loop and one final exponentiation:
     * the EIP-197 precompile's predicate. Pairs with a point at infinity contribute 1; no pairs give true.
     */
    public static boolean pairingCheck(G1Affine[] ps, G2Affine[] qs) {
        return finalExponentiation(millerLoop(ps, qs)).isOne();
    }

    /** prod_i f_i(P_i) before the final exponentiation (useful to batch several checks into one). */
    public static Fq12 millerLoop(G1Affine[] ps, G2Affine[] qs) {
        if (ps.length != qs.length) {
            throw new CryptoException("pairing input: " + ps.length + " G1 points but " + qs.length + " G2 points");
        }
        long[] p = new long[8 * ps.length];
        long[] q = new long[16 * qs.length];
        int n = 0;
        for (int i = 0; i < ps.length; i++) {
            if (ps[i].isInfinity() || qs[i].isInfinity()) {
                continue;
            }
            ps[i].copyTo(p, 8 * n);
            qs[i].copyTo(q, 16 * n);
            n++;
        }
        long[] f = new long[48];
        new MillerLoop().run(p, q, n, f, 0);
        return new Fq12(f);
    }

    /** f^((q^12 - 1)/r). */
    public static Fq12 finalExponentiation(Fq12 f) {
        long[] r = new long[48];
        new FinalExponentiation().apply(f.v, 0, r, 0);
        return new Fq12(r);
    }
}
