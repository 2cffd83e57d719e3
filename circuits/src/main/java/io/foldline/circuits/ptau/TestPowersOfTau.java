package io.foldline.circuits.ptau;

import io.foldline.circuits.snarkjs.PtauContribution;
import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.circuits.snarkjs.PtauWriter;
import io.foldline.circuits.snarkjs.Uncompressed;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Blake2b;
import io.foldline.crypto.msm.FixedBaseTable;
import io.foldline.crypto.msm.MsmConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * <b>INSECURE, FOR TESTS ONLY.</b> Writes a snarkjs {@code .ptau} file whose toxic waste (tau, alpha,
 * beta) is derived from a seed string: anyone who knows or guesses the seed can forge proofs for every
 * circuit set up with the file. Production setups must use a public ceremony's file.
 *
 * <p>The file is what {@code snarkjs powersoftau new / contribute / prepare phase2} would give for one
 * contribution, but computed directly from the known secrets: every point is a fixed-base multiple of a
 * generator (one shared window table per group), and the Lagrange sections 12-15 use L_i(tau) as scalars
 * ({@link TauScalars}) instead of point IFFTs, so power 18 takes minutes instead of hours. Sections are
 * streamed to disk chunk by chunk. The contribution record (section 7) carries a valid proof of knowledge
 * and the chained challenge hashes, so {@code snarkjs powersoftau verify} accepts the file; its name says
 * it is insecure.
 */
public final class TestPowersOfTau {
    /** The contribution name written into section 7. */
    public static final String CONTRIBUTION_NAME = "INSECURE test-only ptau: secrets derive from a seed";
    public static final int MAX_POWER = 24;
    private static final int CHUNK = 1 << 15;

    private final int power;
    private final Fr tau;
    private final Fr alpha;
    private final Fr beta;
    private final Fr[] blinders;
    private final MsmConfig cfg;
    private final int chunk;
    private FixedBaseTable g1;
    private FixedBaseTable g2;
    private Blake2b nextChallenge;

    private TestPowersOfTau(int power, String seed, MsmConfig cfg, int chunk) {
        this.power = power;
        this.tau = secret(seed, "tau");
        this.alpha = secret(seed, "alpha");
        this.beta = secret(seed, "beta");
        this.blinders = new Fr[] {secret(seed, "s_tau"), secret(seed, "s_alpha"), secret(seed, "s_beta")};
        this.cfg = cfg;
        this.chunk = chunk;
    }

    /** Writes a phase-2-ready file of the given power (ceremony power = power) to {@code out}. */
    public static void write(Path out, int power, String seed) {
        write(out, power, seed, true, MsmConfig.defaults());
    }

    /**
     * @param prepared whether to add the Lagrange sections 12-15 ({@code prepare phase2}); without them
     *                 the file is what {@code powersoftau contribute} writes
     */
    public static void write(Path out, int power, String seed, boolean prepared, MsmConfig cfg) {
        write(out, power, seed, prepared, cfg, CHUNK);
    }

    /** As above with {@code chunk} points computed and written at a time (tests use odd sizes). */
    static void write(Path out, int power, String seed, boolean prepared, MsmConfig cfg, int chunk) {
        if (power < 1 || power > MAX_POWER) {
            throw new IllegalArgumentException("power must be in [1, " + MAX_POWER + "], got " + power);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        new TestPowersOfTau(power, seed, cfg, chunk).run(out, prepared);
    }

    /** The secrets of a seed, for tests that need to check points against them: tau, alpha, beta. */
    public static List<Fr> secrets(String seed) {
        return List.of(secret(seed, "tau"), secret(seed, "alpha"), secret(seed, "beta"));
    }

    private static Fr secret(String seed, String what) {
        byte[] d = Blake2b.digest512(("foldline insecure test ptau/" + what + "/").getBytes(StandardCharsets.UTF_8),
                seed.getBytes(StandardCharsets.UTF_8));
        Fr x = Fr.reduce(new BigInteger(1, d));
        if (x.isZero()) {
            throw new IllegalStateException("seed gives a zero secret; pick another seed");
        }
        return x;
    }

    private void run(Path out, boolean prepared) {
        long n = 1L << power;
        g1 = FixedBaseTable.g1(G1Affine.GENERATOR, (int) Math.min(Integer.MAX_VALUE, 12 * n), cfg);
        g2 = FixedBaseTable.g2(G2Affine.GENERATOR, (int) Math.min(Integer.MAX_VALUE, 3 * n), cfg);
        byte[] challenge = ContributionProof.firstChallenge(power);
        long[] key = ContributionProof.publicKey(challenge, new Fr[] {tau, alpha, beta}, blinders);
        nextChallenge = Blake2b.blake2b512();
        nextChallenge.update(ContributionProof.responseHash(challenge, key));
        try (PtauWriter w = PtauWriter.create(out, power, power, prepared)) {
            powers(w, PtauFile.TAU_G1, Fr.ONE, 2 * n - 1);
            powers(w, PtauFile.TAU_G2, Fr.ONE, n);
            powers(w, PtauFile.ALPHA_TAU_G1, alpha, n);
            powers(w, PtauFile.BETA_TAU_G1, beta, n);
            powers(w, PtauFile.BETA_G2, beta, 1);
            w.contributions(List.of(contribution(challenge, key)));
            if (prepared) {
                lagrange(w, PtauFile.LAGRANGE_TAU_G1, Fr.ONE, power + 1);
                lagrange(w, PtauFile.LAGRANGE_TAU_G2, Fr.ONE, power);
                lagrange(w, PtauFile.LAGRANGE_ALPHA_TAU_G1, alpha, power);
                lagrange(w, PtauFile.LAGRANGE_BETA_TAU_G1, beta, power);
            }
            w.commit();
        }
    }

    /** Section {@code id} = c * tau^i * G for i in [0, count), hashed into the next challenge. */
    private void powers(PtauWriter w, int id, Fr c, long count) {
        boolean isG2 = id == PtauFile.TAU_G2 || id == PtauFile.BETA_G2;
        long[] scalars = new long[4 * chunk];
        long[] pts = new long[(isG2 ? 16 : 8) * chunk];
        w.beginSection(id);
        for (long first = 0; first < count; first += chunk) {
            int k = (int) Math.min(chunk, count - first);
            TauScalars.powers(tau, c, first, k, scalars);
            emit(w, isG2, scalars, k, pts);
            if (isG2) {
                Uncompressed.hashG2(nextChallenge, pts, 0, k);
            } else {
                Uncompressed.hashG1(nextChallenge, pts, 0, k);
            }
        }
        w.endSection();
    }

    /** A Lagrange section: the blocks of domains 2^0 .. 2^maxLog of c * L_i(tau) * G. */
    private void lagrange(PtauWriter w, int id, Fr c, int maxLog) {
        boolean isG2 = id == PtauFile.LAGRANGE_TAU_G2;
        long[] scalars = new long[4 * chunk];
        long[] pts = new long[(isG2 ? 16 : 8) * chunk];
        w.beginSection(id);
        for (int log = 0; log <= maxLog; log++) {
            int n = 1 << log;
            boolean truncated = log == power + 1;
            for (int first = 0; first < n; first += chunk) {
                int k = Math.min(chunk, n - first);
                TauScalars.lagrange(log, tau, c, first, k, truncated, scalars);
                emit(w, isG2, scalars, k, pts);
            }
        }
        w.endSection();
    }

    private void emit(PtauWriter w, boolean isG2, long[] scalars, int k, long[] pts) {
        (isG2 ? g2 : g1).mulAll(scalars, 0, k, pts, 0, cfg);
        if (isG2) {
            w.g2(pts, 0, k);
        } else {
            w.g1(pts, 0, k);
        }
    }

    private PtauContribution contribution(byte[] challenge, long[] key) {
        long[] tauG1 = limbs(G1Affine.GENERATOR.mul(tau));
        long[] tauG2 = limbs(G2Affine.GENERATOR.mul(tau));
        long[] alphaG1 = limbs(G1Affine.GENERATOR.mul(alpha));
        long[] betaG1 = limbs(G1Affine.GENERATOR.mul(beta));
        long[] betaG2 = limbs(G2Affine.GENERATOR.mul(beta));
        return new PtauContribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key,
                ContributionProof.partialHash(challenge), nextChallenge.digest(), 0, CONTRIBUTION_NAME, 0, null);
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

    /** {@code TestPowersOfTau <power> <out.ptau> [seed]}: writes a prepared file and prints the time. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TestPowersOfTau <power> <out.ptau> [seed]   (INSECURE, tests only)");
            System.exit(2);
        }
        int power = Integer.parseInt(args[0]);
        String seed = args.length > 2 ? args[2] : "foldline test seed";
        long t0 = System.nanoTime();
        write(Path.of(args[1]), power, seed);
        System.out.printf("power %d written to %s in %.1f s%n", power, args[1], (System.nanoTime() - t0) / 1e9);
    }
}
