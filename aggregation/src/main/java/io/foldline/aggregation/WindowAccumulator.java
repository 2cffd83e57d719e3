package io.foldline.aggregation;

import io.foldline.crypto.bn254.G1Affine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A window being folded, one inference at a time (the aggregation of a streaming window): the random
 * starting instance {@code U0}, the running folded instance with its witness {@code (W, rW, E, rE)}, and
 * in fold order every fresh instance and the cross-term commitment {@code K_T} of its fold. {@link #start}
 * opens a window, {@link #fold} adds an inference, {@link #decide} closes it into a {@link WindowProof}.
 * {@link WindowProver} is this loop over a list; a stream operator keeps the accumulator in its state
 * between records ({@link WindowAccumulatorBytes} gives its bytes). Immutable: {@code fold} returns a new
 * accumulator.
 *
 * <p>The running witness is secret (it opens the folded commitment): nothing here prints it, and its
 * bytes belong in the aggregator's own state only.
 */
public final class WindowAccumulator {
    private final CommittedInstance start;
    private final Nifs.InstanceWitness running;
    private final List<CommittedInstance> instances;
    private final List<G1Affine> crossTerms;

    WindowAccumulator(CommittedInstance start, Nifs.InstanceWitness running, List<CommittedInstance> instances,
                      List<G1Affine> crossTerms) {
        this.start = Objects.requireNonNull(start, "start");
        this.running = Objects.requireNonNull(running, "running");
        if (instances.size() != crossTerms.size()) {
            throw new IllegalArgumentException(instances.size() + " instances but " + crossTerms.size()
                    + " cross terms: one per fold");
        }
        this.instances = Collections.unmodifiableList(new ArrayList<>(instances));
        this.crossTerms = Collections.unmodifiableList(new ArrayList<>(crossTerms));
    }

    /** A new window: the random starting instance of {@link Nifs#start}, no inference yet. */
    public static WindowAccumulator start(Nifs nifs, RandomGenerator rng) {
        Nifs.InstanceWitness u0 = nifs.start(rng);
        return new WindowAccumulator(u0.instance(), u0, List.of(), List.of());
    }

    public static WindowAccumulator start(WindowKeys keys, RandomGenerator rng) {
        return start(keys.decider().nifs(), rng);
    }

    /**
     * Folds one fresh inference ({@link Nifs#fresh}) into the window, after the ones already folded: the
     * fold order is the order of the calls, and the window proof lists the instances in that order.
     * {@code rng} draws the cross term's blinder.
     */
    public WindowAccumulator fold(Nifs nifs, byte[] vkDigest, Nifs.InstanceWitness fresh, RandomGenerator rng) {
        Nifs.FoldResult step = nifs.fold(vkDigest, running, fresh, rng);
        List<CommittedInstance> is = new ArrayList<>(instances.size() + 1);
        is.addAll(instances);
        is.add(fresh.instance());
        List<G1Affine> ts = new ArrayList<>(crossTerms.size() + 1);
        ts.addAll(crossTerms);
        ts.add(step.crossTerm());
        return new WindowAccumulator(start, step.folded(), is, ts);
    }

    public WindowAccumulator fold(WindowKeys keys, Nifs.InstanceWitness fresh, RandomGenerator rng) {
        return fold(keys.decider().nifs(), keys.vkDigest(), fresh, rng);
    }

    /**
     * The window proof: the decider on the running instance. Refuses an empty window (a window proof holds
     * at least one inference) and, through {@link Decider#prove}, a running witness that does not satisfy
     * the relaxed relation (IllegalArgumentException).
     */
    public WindowProof decide(DeciderKey key) {
        if (instances.isEmpty()) {
            throw new IllegalStateException("the window holds no inference: nothing to decide");
        }
        DeciderProof proof = Decider.prove(key, running.instance(), running.witness());
        return new WindowProof(start, instances, crossTerms, proof);
    }

    /** The number of inferences folded so far. */
    public int size() {
        return instances.size();
    }

    /** {@code U0}, what the verifier replays from. */
    public CommittedInstance startInstance() {
        return start;
    }

    /** The folded instance so far; {@code U0} before the first fold. */
    public CommittedInstance runningInstance() {
        return running.instance();
    }

    /** The secret witness of {@link #runningInstance}: for the decider and the state's bytes. */
    RelaxedWitness runningWitness() {
        return running.witness();
    }

    /** The fresh instances in fold order (unmodifiable). */
    public List<CommittedInstance> instances() {
        return instances;
    }

    /** The {@code K_T} of each fold, in fold order (unmodifiable). */
    public List<G1Affine> crossTerms() {
        return crossTerms;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowAccumulator a && start.equals(a.start) && running.equals(a.running)
                && instances.equals(a.instances) && crossTerms.equals(a.crossTerms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, running.instance(), instances, crossTerms);
    }

    /** Sizes and the public part only: the running witness is secret. */
    @Override
    public String toString() {
        return "WindowAccumulator[" + instances.size() + " folded, running " + running.instance() + ", "
                + running.witness() + "]";
    }
}
