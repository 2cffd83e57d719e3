package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.hash.Transcript;

/**
 * The Fiat–Shamir challenge {@code r} of one fold, from a fresh Keccak {@link Transcript} with the tag
 * {@value #DOMAIN_TAG}. The words, in order, are in the package documentation; the Solidity verifier
 * hashes the same words. The fresh instance's commitment and the cross term are absorbed as their sum
 * {@code K_i + K_T}, the only way the fold uses them (why that is enough: the package documentation).
 */
public final class FoldTranscript {
    public static final String DOMAIN_TAG = "foldline.nifs.v2";
    public static final int DIGEST_BYTES = 32;

    private FoldTranscript() {
    }

    public static Fr challenge(byte[] vkDigest, CommittedInstance acc, CommittedInstance fresh, G1Affine crossTerm) {
        return absorb(vkDigest, acc, fresh, crossTerm).challenge();
    }

    /** Everything the challenge hashes (the tag's hash first), for checking a Solidity port word by word. */
    public static byte[] hashedBytes(byte[] vkDigest, CommittedInstance acc, CommittedInstance fresh,
                                     G1Affine crossTerm) {
        return absorb(vkDigest, acc, fresh, crossTerm).pendingBytes();
    }

    private static Transcript absorb(byte[] vkDigest, CommittedInstance acc, CommittedInstance fresh,
                                     G1Affine crossTerm) {
        if (vkDigest == null || vkDigest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("vkDigest must be " + DIGEST_BYTES + " bytes");
        }
        if (acc.nPublic() != fresh.nPublic()) {
            throw new IllegalArgumentException("the accumulator has " + acc.nPublic()
                    + " public signals, the fresh instance " + fresh.nPublic());
        }
        Transcript t = new Transcript(DOMAIN_TAG);
        t.absorbWord(vkDigest);
        absorbPoint(t, acc.commitment());
        t.absorbScalar(acc.u());
        for (Fr x : acc.x()) {
            t.absorbScalar(x);
        }
        absorbPoint(t, folded(fresh, crossTerm));
        for (Fr x : fresh.x()) {
            t.absorbScalar(x);
        }
        return t;
    }

    /** {@code K_i + K_T}: the point a fold multiplies by r and adds to the accumulator's commitment. */
    public static G1Affine folded(CommittedInstance fresh, G1Affine crossTerm) {
        return fresh.commitment().add(crossTerm);
    }

    private static void absorbPoint(Transcript t, G1Affine p) {
        // x() and y() of the point at infinity are both zero: (0, 0), as the precompiles write it
        t.absorbG1(p.x(), p.y());
    }
}
