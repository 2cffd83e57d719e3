package io.foldline.circuits.groth16;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.snarkjs.ChaChaRng;
import io.foldline.circuits.snarkjs.RngPoints;
import io.foldline.circuits.snarkjs.Uncompressed;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyContribution;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Blake2b;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase-2 contributions to a proving key, as snarkjs' zkey_contribute.js and zkey_beacon.js make them: a
 * secret x scales delta (delta1, delta2 times x) and the C and H sections (times 1/x), and the record
 * appended to section 10 proves knowledge of x (Bowe, Gabizon, Miers, "Scalable Multi-party Computation for
 * zk-SNARK Parameters in the Random Beacon Model", eprint 2017/1050, phase 2 and the random beacon):
 * g1_s from the generator, g1_sx = x g1_s, the transcript T = BLAKE2b-512(circuit hash ‖ every earlier
 * record's public key ‖ g1_s ‖ g1_sx), g2_sp = hashToG2(T) and g2_spx = x g2_sp. {@code snarkjs zkey verify}
 * checks the pairing ratios, and for a beacon it replays the whole draw from the beacon hash.
 *
 * <p>A contribution draws x and g1_s from a ChaCha seeded with BLAKE2b-512(64 bytes of OS randomness ‖
 * entropy), as snarkjs does with its entropy text; a beacon seeds it with SHA-256 iterated 2^e times on the
 * beacon hash. Each returns the new key and the contribution hash (BLAKE2b-512 of the record's public key).
 */
public final class Phase2 {
    /** snarkjs accepts iteration exponents in [10, 63]. */
    public static final int MIN_BEACON_EXP = 10;
    public static final int MAX_BEACON_EXP = 63;
    public static final int MAX_BEACON_BYTES = 255;

    private Phase2() {
    }

    /** The key after the contribution and the contribution's hash. */
    public record Result(Zkey zkey, byte[] contributionHash) {
        public Result {
            contributionHash = contributionHash.clone();
        }

        @Override
        public byte[] contributionHash() {
            return contributionHash.clone();
        }
    }

    /** A secret contribution; {@code entropy} (may be empty) is mixed with OS randomness. */
    public static Result contribute(Zkey in, String name, byte[] entropy, SecureRandom random) {
        byte[] os = new byte[64];
        random.nextBytes(os);
        byte[] seed = Blake2b.digest512(os, entropy);
        return apply(in, ChaChaRng.fromHash(seed), 0, name, 0, null);
    }

    /** A public, reproducible contribution from a beacon (e.g. a future block hash). */
    public static Result beacon(Zkey in, byte[] beaconHash, int numIterationsExp, String name) {
        if (beaconHash.length == 0 || beaconHash.length > MAX_BEACON_BYTES) {
            throw new FormatException("beacon hash must have 1 to " + MAX_BEACON_BYTES + " bytes, got "
                    + beaconHash.length);
        }
        if (numIterationsExp < MIN_BEACON_EXP || numIterationsExp > MAX_BEACON_EXP) {
            throw new FormatException("beacon iteration exponent must be in [" + MIN_BEACON_EXP + ", "
                    + MAX_BEACON_EXP + "], got " + numIterationsExp);
        }
        byte[] seed = iteratedSha256(beaconHash, numIterationsExp);
        return apply(in, ChaChaRng.fromHash(seed), 1, name, numIterationsExp, beaconHash);
    }

    /** SHA-256 applied 2^exp times (snarkjs' rngFromBeaconParams). */
    static byte[] iteratedSha256(byte[] start, int exp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = start;
            for (long i = 0, n = 1L << exp; i < n; i++) {
                h = sha.digest(h);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static Result apply(Zkey in, ChaChaRng rng, int type, String name, int exp, byte[] beaconHash) {
        Blake2b transcript = Blake2b.blake2b512();
        transcript.update(in.csHash());
        for (ZkeyContribution c : in.contributions()) {
            hashPubKey(transcript, c);
        }
        Fr x = rng.nextFr();
        if (x.isZero()) {
            throw new IllegalStateException("drew a zero contribution secret");
        }
        G1Affine g1s = RngPoints.g1(rng);
        G1Affine g1sx = g1s.mul(x);
        transcript.update(Uncompressed.g1(g1s));
        transcript.update(Uncompressed.g1(g1sx));
        byte[] t = transcript.digest();
        G2Affine g2spx = RngPoints.hashToG2(t).mul(x);

        G1Affine delta1 = G1Affine.fromLimbs(in.delta1(), 0).mul(x);
        G2Affine delta2 = G2Affine.fromLimbs(in.delta2(), 0).mul(x);
        ZkeyContribution record = new ZkeyContribution(limbs(delta1), limbs(g1s), limbs(g1sx), limbs(g2spx), t,
                type, name, exp, beaconHash);
        List<ZkeyContribution> all = new ArrayList<>(in.contributions());
        all.add(record);

        Fr xInv = x.inverse();
        Zkey out = Zkey.builder()
                .header(in.nVars(), in.nPublic(), in.domainSize())
                .keys(in.alpha1(), in.beta1(), in.beta2(), in.gamma2(), limbs(delta1), limbs(delta2))
                .coefficients(in.coefMatrix(), in.coefConstraint(), in.coefSignal(), in.coefValues())
                .points(in.ic(), in.a(), in.b1(), in.b2(), PointScaler.g1(in.c(), xInv), PointScaler.g1(in.h(), xInv))
                .contributions(in.csHash(), all)
                .build();
        Blake2b ch = Blake2b.blake2b512();
        hashPubKey(ch, record);
        return new Result(out, ch.digest());
    }

    /** deltaAfter, g1_s, g1_sx (uncompressed G1), g2_spx (uncompressed G2), then the 64-byte transcript. */
    static void hashPubKey(Blake2b h, ZkeyContribution c) {
        h.update(Uncompressed.g1(c.deltaAfter(), 0));
        h.update(Uncompressed.g1(c.g1s(), 0));
        h.update(Uncompressed.g1(c.g1sx(), 0));
        h.update(Uncompressed.g2(c.g2spx(), 0));
        h.update(c.transcript());
    }

    /** snarkjs' 4x4 grid of hex words, as {@code zkey contribute} prints a hash. */
    public static String formatHash(byte[] hash) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(i == 0 ? "\t\t" : "\n\t\t");
            for (int j = 0; j < 4; j++) {
                int o = 16 * i + 4 * j;
                sb.append(j == 0 ? "" : " ").append(String.format("%02x%02x%02x%02x",
                        hash[o], hash[o + 1], hash[o + 2], hash[o + 3]));
            }
        }
        return sb.toString();
    }

    private static long[] limbs(G1Affine p) {
        long[] r = new long[8];
        p.copyTo(r, 0);
        return r;
    }

    private static long[] limbs(G2Affine p) {
        long[] r = new long[16];
        p.copyTo(r, 0);
        return r;
    }
}
