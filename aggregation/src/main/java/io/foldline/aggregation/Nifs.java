package io.foldline.aggregation;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Nova's non-interactive folding scheme (Kothapalli, Setty, Tzialla, CRYPTO 2022, construction 3) for one
 * circuit, specialised to folding a fresh instance ({@code u = 1, E = 0}) into a running relaxed one, with
 * the commitments and transcript of the package documentation. The life-cycle is the API:
 * {@link #start} (the random starting instance), {@link #fresh} (an inference's instance), {@link #fold}
 * (the prover) and {@link #verify} (what a verifier replays: one scalar multiplication). Immutable.
 */
public final class Nifs {
    private final RelaxedR1cs relation;
    private final CommitmentKey key;

    /** A committed instance with the witness that opens it. */
    public record InstanceWitness(CommittedInstance instance, RelaxedWitness witness) {
        public InstanceWitness {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(witness, "witness");
        }
    }

    /** The folded pair and the proof of the fold: the commitment {@code K_T} to the cross term. */
    public record FoldResult(CommittedInstance instance, RelaxedWitness witness, G1Affine crossTerm) {
        public InstanceWitness folded() {
            return new InstanceWitness(instance, witness);
        }
    }

    public Nifs(RelaxedR1cs relation, CommitmentKey key) {
        this.relation = Objects.requireNonNull(relation, "relation");
        this.key = Objects.requireNonNull(key, "key");
        if (key.nW() != relation.nWitness() || key.nRows() != relation.nRows()) {
            throw new IllegalArgumentException("the commitment key is for W of " + key.nW() + " and E of "
                    + key.nRows() + " entries, the circuit has " + relation.nWitness() + " and " + relation.nRows());
        }
    }

    public RelaxedR1cs relation() {
        return relation;
    }

    public CommitmentKey key() {
        return key;
    }

    /**
     * The random starting instance that masks the window's folded witness: uniform {@code W, u, x} and
     * blinders, and the {@code E} that makes them satisfy the relation.
     */
    public InstanceWitness start(RandomGenerator rng) {
        long[] w = FieldVectors.random(relation.nWitness(), rng);
        Fr u = Fr.random(rng);
        Fr[] x = new Fr[relation.nPublic()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Fr.random(rng);
        }
        long[] e = relation.errorTerm(u, x, w);
        RelaxedWitness witness = RelaxedWitness.wrap(w, Fr.random(rng), e, Fr.random(rng));
        return new InstanceWitness(new CommittedInstance(key.commit(witness), u, x), witness);
    }

    /**
     * The instance of one inference from its circom witness: {@code u = 1}, {@code E = 0} with E's blinder 0,
     * {@code K = Com(W, rW, 0, 0)} with a fresh {@code rW}. The witness is not checked here: an unsatisfied
     * one makes every later fold unsatisfied, which the decider then cannot prove.
     */
    public InstanceWitness fresh(Witness circomWitness, RandomGenerator rng) {
        Fr[] x = relation.publicPart(circomWitness);
        long[] w = relation.privatePart(circomWitness);
        Fr rW = Fr.random(rng);
        RelaxedWitness witness = RelaxedWitness.wrap(w, rW, new long[4 * relation.nRows()], Fr.ZERO);
        return new InstanceWitness(CommittedInstance.fresh(key.commitW(w, rW), x), witness);
    }

    /** Folds the fresh pair into the accumulator; {@code rng} draws the cross term's blinder. */
    public FoldResult fold(byte[] vkDigest, CommittedInstance acc, RelaxedWitness accWitness,
                           CommittedInstance fresh, RelaxedWitness freshWitness, RandomGenerator rng) {
        requireFresh(fresh);
        if (!freshWitness.isFresh()) {
            throw new IllegalArgumentException("the witness to fold in is not fresh: its E or E's blinder is not 0");
        }
        long[] t = relation.crossTerm(acc.u(), acc.x(), accWitness.w(), fresh.x(), freshWitness.w());
        Fr rT = Fr.random(rng);
        G1Affine crossTerm = key.commitE(t, rT);
        Fr r = FoldTranscript.challenge(vkDigest, acc, fresh, crossTerm);
        RelaxedWitness folded = RelaxedWitness.wrap(
                FieldVectors.addScaled(accWitness.w(), r, freshWitness.w()),
                accWitness.rW().add(r.mul(freshWitness.rW())),
                FieldVectors.addScaled(accWitness.e(), r, t),
                accWitness.rE().add(r.mul(rT)));
        return new FoldResult(combine(acc, fresh, crossTerm, r), folded, crossTerm);
    }

    public FoldResult fold(byte[] vkDigest, InstanceWitness acc, InstanceWitness fresh, RandomGenerator rng) {
        return fold(vkDigest, acc.instance(), acc.witness(), fresh.instance(), fresh.witness(), rng);
    }

    /**
     * The verifier's side of one fold: the folded instance, from the public data alone. {@code fresh.u()}
     * must be 1; that is what makes a fresh instance's {@code E} range unable to cheat.
     */
    public static CommittedInstance verify(byte[] vkDigest, CommittedInstance acc, CommittedInstance fresh,
                                           G1Affine crossTerm) {
        requireFresh(fresh);
        return combine(acc, fresh, crossTerm, FoldTranscript.challenge(vkDigest, acc, fresh, crossTerm));
    }

    /** {@code K' = K + r (K_i + K_T)}, {@code u' = u + r}, {@code x' = x + r x_i}. */
    private static CommittedInstance combine(CommittedInstance acc, CommittedInstance fresh, G1Affine crossTerm,
                                             Fr r) {
        G1Jacobian k = acc.commitment().toJacobian()
                .add(fresh.commitment().toJacobian().add(crossTerm.toJacobian()).mul(r));
        Fr[] x = acc.x();
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i].add(r.mul(fresh.x(i)));
        }
        return new CommittedInstance(k.toAffine(), acc.u().add(r), x);
    }

    private static void requireFresh(CommittedInstance fresh) {
        if (!fresh.u().isOne()) {
            throw new IllegalArgumentException("the instance to fold in must be fresh (u = 1), got u = " + fresh.u());
        }
    }
}
