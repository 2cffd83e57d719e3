package io.foldline.crypto.poseidon;

import java.math.BigInteger;

/**
 * The textbook permutation on BigInteger, round by round as circomlibjs' poseidon_reference.js runs it
 * (add constants, x^5 on all or only the first element, dense MDS), for differential tests of the
 * rearranged limb kernel.
 */
final class PoseidonReference {
    private static final BigInteger P = io.foldline.crypto.bn254.Fr.MODULUS;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private PoseidonReference() {
    }

    static BigInteger[] permute(PoseidonParameters p, BigInteger[] in) {
        int t = p.width();
        BigInteger[] s = in.clone();
        int half = p.fullRounds() / 2;
        for (int r = 0; r < p.rounds(); r++) {
            boolean full = r < half || r >= half + p.partialRounds();
            for (int i = 0; i < t; i++) {
                s[i] = s[i].add(p.roundConstant(r, i).toBigInteger()).mod(P);
                if (full || i == 0) {
                    s[i] = s[i].modPow(FIVE, P);
                }
            }
            BigInteger[] n = new BigInteger[t];
            for (int i = 0; i < t; i++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < t; j++) {
                    acc = acc.add(p.mds(i, j).toBigInteger().multiply(s[j]));
                }
                n[i] = acc.mod(P);
            }
            s = n;
        }
        return s;
    }
}
