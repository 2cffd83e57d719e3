package io.foldline.crypto.poseidon;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * circomlib's Poseidon parameters for one state width t = 2..17 (1..16 inputs): x^5 S-box, 8 full rounds,
 * the partial round counts of circomlibjs, and the round constants and MDS matrix generated on first use
 * from the Grain LFSR (see {@link GrainConstants}). Immutable and shared; in-circuit gadgets read the
 * constants through {@link #roundConstant} and {@link #mds}.
 */
public final class PoseidonParameters {
    public static final int MIN_WIDTH = 2;
    public static final int MAX_WIDTH = 17;
    public static final int FULL_ROUNDS = 8;
    /** circomlibjs N_ROUNDS_P for t = 2..17 (Poseidon paper table 2/8, rounded up; see package-info). */
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

    private static final AtomicReferenceArray<PoseidonParameters> CACHE = new AtomicReferenceArray<>(MAX_WIDTH + 1);

    private final int t;
    private final int partialRounds;
    private final Fr[] roundConstants;
    private final Fr[][] mds;
    /** The same permutation rearranged for speed, in Montgomery limbs. */
    final OptimizedRounds optimized;

    private PoseidonParameters(int t) {
        this.t = t;
        this.partialRounds = PARTIAL_ROUNDS[t - MIN_WIDTH];
        GrainConstants g = GrainConstants.generate(Fr.MODULUS, t, FULL_ROUNDS, partialRounds);
        roundConstants = new Fr[g.roundConstants.length];
        for (int i = 0; i < roundConstants.length; i++) {
            roundConstants[i] = Fr.of(g.roundConstants[i]);
        }
        mds = new Fr[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                mds[i][j] = Fr.of(g.mds[i][j]);
            }
        }
        optimized = OptimizedRounds.derive(this);
    }

    /** Parameters for a state of {@code t} field elements, which hashes {@code t - 1} inputs. */
    public static PoseidonParameters forWidth(int t) {
        if (t < MIN_WIDTH || t > MAX_WIDTH) {
            throw new CryptoException("Poseidon: state width t must be in [" + MIN_WIDTH + ", " + MAX_WIDTH
                    + "], got " + t);
        }
        PoseidonParameters p = CACHE.get(t);
        if (p == null) {
            // Two threads may both generate; the results are equal and one wins.
            CACHE.compareAndSet(t, null, new PoseidonParameters(t));
            p = CACHE.get(t);
        }
        return p;
    }

    public int width() {
        return t;
    }

    public int fullRounds() {
        return FULL_ROUNDS;
    }

    public int partialRounds() {
        return partialRounds;
    }

    public int rounds() {
        return FULL_ROUNDS + partialRounds;
    }

    /** The constant added to state element {@code i} at the start of round {@code round} (circomlibjs C[t-2][round*t+i]). */
    public Fr roundConstant(int round, int i) {
        checkIndex(round, rounds(), "round");
        checkIndex(i, t, "state index");
        return roundConstants[round * t + i];
    }

    /** Entry (row, col) of the MDS matrix; the linear layer is new[row] = sum over col of mds(row, col) * old[col]. */
    public Fr mds(int row, int col) {
        checkIndex(row, t, "mds row");
        checkIndex(col, t, "mds column");
        return mds[row][col];
    }

    /** The round constants as circomlibjs lists them, round-major. */
    public Fr[] roundConstants() {
        return roundConstants.clone();
    }

    private static void checkIndex(int v, int bound, String what) {
        if (v < 0 || v >= bound) {
            throw new CryptoException("Poseidon: " + what + " " + v + " outside [0, " + bound + ")");
        }
    }
}
