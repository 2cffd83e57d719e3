package io.foldline.aggregation;

import io.foldline.circuits.r1cs.Witness;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The window's prover: folds the inferences' witnesses in the given order onto a random starting instance
 * ({@link Nifs#start}, then {@link Nifs#fresh} and {@link Nifs#fold} per inference, through a
 * {@link WindowAccumulator}) and runs the decider on the result. A stream folds the same way, one record at
 * a time, with the accumulator in its state. Immutable; one prover serves many windows.
 */
public final class WindowProver {
    /** Told after each fold ({@code done} of {@code total}) and once more when the decider starts. */
    @FunctionalInterface
    public interface Progress {
        void update(String phase, int done, int total);

        Progress NONE = (phase, done, total) -> { };
    }

    private final WindowKeys keys;
    private final Nifs nifs;

    public WindowProver(WindowKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nifs = keys.decider().nifs();
    }

    /** With fresh blinders from a SecureRandom: what production uses. */
    public WindowProof prove(List<Witness> witnesses, Progress progress) {
        return prove(witnesses, new SecureRandom(), progress);
    }

    /**
     * Folds {@code witnesses} (the model circuit's full circom witnesses) in order and decides. {@code rng}
     * draws every blinder and the starting instance: tests inject a seeded one. A witness that does not
     * satisfy the model circuit makes the decider refuse the window (IllegalArgumentException).
     */
    public WindowProof prove(List<Witness> witnesses, RandomGenerator rng, Progress progress) {
        if (witnesses.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one inference");
        }
        byte[] vkDigest = keys.vkDigest();
        WindowAccumulator acc = WindowAccumulator.start(nifs, rng);
        for (int i = 0; i < witnesses.size(); i++) {
            acc = acc.fold(nifs, vkDigest, nifs.fresh(witnesses.get(i), rng), rng);
            progress.update("fold", i + 1, witnesses.size());
        }
        progress.update("decide", 0, 1);
        WindowProof proof = acc.decide(keys.decider());
        progress.update("decide", 1, 1);
        return proof;
    }
}
