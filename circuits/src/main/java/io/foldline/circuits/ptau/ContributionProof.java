package io.foldline.circuits.ptau;

import io.foldline.circuits.snarkjs.PtauContribution;
import io.foldline.circuits.snarkjs.RngPoints;
import io.foldline.circuits.snarkjs.Uncompressed;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Blake2b;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The hashes and the proof of knowledge of a single ptau contribution, as {@code snarkjs powersoftau
 * verify} checks them (powersoftau_new.js, _contribute.js, _verify.js, keypair.js):
 * <ul>
 *   <li>challenge 0 = BLAKE2b-512(BLAKE2b-512("") || the uncompressed points of a fresh file, where every
 *       point is a generator: 2^(p+1) - 1 G1, 2^p G2, 2^p G1, 2^p G1, then one G2);</li>
 *   <li>for x in (tau, alpha, beta) with personalization 0, 1, 2: g1_s = s G1 for some s, g1_sx = x g1_s,
 *       g2_sp = hashToG2(BLAKE2b-512(personalization byte || challenge 0 || g1_s || g1_sx)) and
 *       g2_spx = x g2_sp, so e(g1_s, g2_spx) = e(g1_sx, g2_sp) proves knowledge of x;</li>
 *   <li>next challenge = BLAKE2b-512(response hash || the uncompressed points of sections 2 to 6).</li>
 * </ul>
 * The response hash is rebuilt by verifiers from the stored 216-byte BLAKE2b state ("partial hash") fed
 * with the uncompressed public key. snarkjs's contributor hashes the compressed new points into that
 * state first; here the state holds only challenge 0, so the response hash is
 * BLAKE2b-512(challenge 0 || public key). Verifiers accept either, since they only resume the state.
 */
final class ContributionProof {
    /** BLAKE2b-512 initial state word 0: IV[0] ^ 0x01010040 (digest 64 bytes, no key, fanout and depth 1). */
    private static final long[] IV = {
        0x6a09e667f3bcc908L ^ 0x01010040L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };

    private ContributionProof() {
    }

    static byte[] firstChallenge(int power) {
        Blake2b h = Blake2b.blake2b512();
        h.update(Blake2b.blake2b512().digest());
        byte[] g1 = Uncompressed.g1(G1Affine.GENERATOR);
        byte[] g2 = Uncompressed.g2(G2Affine.GENERATOR);
        long n = 1L << power;
        repeat(h, g1, 2 * n - 1);
        repeat(h, g2, n);
        repeat(h, g1, n);
        repeat(h, g1, n);
        h.update(g2);
        return h.digest();
    }

    private static void repeat(Blake2b h, byte[] unit, long times) {
        int batch = 4096;
        byte[] big = new byte[unit.length * batch];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(unit, 0, big, i * unit.length, unit.length);
        }
        for (long done = 0; done < times; ) {
            int k = (int) Math.min(batch, times - done);
            h.update(big, 0, k * unit.length);
            done += k;
        }
    }

    /**
     * The 96-limb public key for secrets (tau, alpha, beta) with blinding bases s (one per secret), bound to
     * {@code challenge}.
     */
    static long[] publicKey(byte[] challenge, Fr[] secrets, Fr[] s) {
        long[] key = new long[PtauContribution.KEY_LONGS];
        for (int k = 0; k < 3; k++) {
            G1Affine g1s = G1Affine.GENERATOR.mul(s[k]);
            G1Affine g1sx = g1s.mul(secrets[k]);
            G2Affine g2sp = g2sp(k, challenge, g1s, g1sx);
            g1s.copyTo(key, 16 * k);
            g1sx.copyTo(key, 16 * k + 8);
            g2sp.mul(secrets[k]).copyTo(key, PtauContribution.TAU_G2_SPX + 16 * k);
        }
        return key;
    }

    static G2Affine g2sp(int personalization, byte[] challenge, G1Affine g1s, G1Affine g1sx) {
        Blake2b h = Blake2b.blake2b512();
        h.update(new byte[] {(byte) personalization});
        h.update(challenge);
        h.update(Uncompressed.g1(g1s));
        h.update(Uncompressed.g1(g1sx));
        return RngPoints.hashToG2(h.digest());
    }

    /** The public key in the uncompressed encoding that the response hash covers (6 G1 then 3 G2). */
    static byte[] publicKeyUncompressed(long[] key) {
        byte[] out = new byte[6 * Uncompressed.G1_BYTES + 3 * Uncompressed.G2_BYTES];
        Uncompressed.g1(key, 0, 6, out, 0);
        Uncompressed.g2(key, PtauContribution.TAU_G2_SPX, 3, out, 6 * Uncompressed.G1_BYTES);
        return out;
    }

    /** noble-hashes' BLAKE2b state after absorbing exactly {@code challenge} (64 bytes, not yet compressed). */
    static byte[] partialHash(byte[] challenge) {
        ByteBuffer b = ByteBuffer.allocate(PtauContribution.PARTIAL_HASH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(challenge);                 // pending block, zero padded to 128 bytes
        b.position(128);
        for (long w : IV) {
            b.putLong(w);                 // chaining value h0..h7
        }
        b.putLong(0);                     // bytes already compressed
        b.putLong(challenge.length);      // bytes pending in the block
        return b.array();
    }

    static byte[] responseHash(byte[] challenge, long[] key) {
        return Blake2b.digest512(challenge, publicKeyUncompressed(key));
    }
}
