package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NifsTest {
    private static final CompiledCircuit CIRCUIT = Circuits.poseidon();
    private static final Nifs NIFS = Circuits.nifs(CIRCUIT.r1cs());
    private static final byte[] VK = R1csDigest.of(CIRCUIT.r1cs());

    @Test
    void everyFoldKeepsTheRelationTheCommitmentAndTheVerifiersView() {
        RandomGenerator rng = new SplittableRandom(11);
        Nifs.InstanceWitness acc = NIFS.start(rng);
        assertSound(acc);
        CommittedInstance replayed = acc.instance();
        for (int i = 0; i < 5; i++) {
            Witness w = Circuits.poseidonWitness(CIRCUIT, 3 + i, 100 + 7L * i, i * i);
            Nifs.InstanceWitness fresh = NIFS.fresh(w, rng);
            assertSound(fresh);
            Nifs.FoldResult step = NIFS.fold(VK, acc, fresh, rng);
            acc = step.folded();
            assertSound(acc);
            replayed = Nifs.verify(VK, replayed, fresh.instance(), step.crossTerm());
            assertEquals(acc.instance(), replayed, "the verifier's replay of fold " + i);
            // u counts r_1 + r_2 + ... on top of the random start: never 1 again
            assertNotEquals(Fr.ONE, acc.instance().u());
        }
    }

    @Test
    void aBadFreshInstanceLeavesTheFoldUnsatisfied() {
        RandomGenerator rng = new SplittableRandom(12);
        Witness good = Circuits.poseidonWitness(CIRCUIT, 2, 3, 4);
        long[] limbs = good.values().clone();
        int internal = CIRCUIT.r1cs().nWires() - 1;
        Fr.ONE.add(good.get(internal)).copyMontTo(limbs, 4 * internal);
        Witness bad = Witness.ofMont(limbs);
        assertTrue(CIRCUIT.r1cs().firstUnsatisfied(bad) >= 0, "precondition: the changed witness is unsatisfied");

        Nifs.InstanceWitness acc = NIFS.start(rng);
        Nifs.FoldResult folded = NIFS.fold(VK, acc, NIFS.fresh(bad, rng), rng);
        assertEquals(NIFS.key().commit(folded.witness()), folded.instance().commitment(), "the fold itself is honest");
        assertTrue(NIFS.relation().firstUnsatisfied(folded.instance(), folded.witness()) >= 0);
        // and a good instance folded on top does not repair it
        Nifs.FoldResult next = NIFS.fold(VK, folded.folded(), NIFS.fresh(good, rng), rng);
        assertTrue(NIFS.relation().firstUnsatisfied(next.instance(), next.witness()) >= 0);
        // control: the same folds with the good witness in place of the bad one hold
        Nifs.FoldResult control = NIFS.fold(VK, acc, NIFS.fresh(good, rng), rng);
        assertEquals(-1, NIFS.relation().firstUnsatisfied(control.instance(), control.witness()));
    }

    @Test
    void aFreshInstanceWithAChangedPublicOutputLeavesTheFoldUnsatisfied() {
        RandomGenerator rng = new SplittableRandom(13);
        Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.poseidonWitness(CIRCUIT, 5, 6, 7), rng);
        Fr[] x = fresh.instance().x();
        x[0] = x[0].add(Fr.ONE);
        CommittedInstance lying = CommittedInstance.fresh(fresh.instance().commitment(), x);
        Nifs.FoldResult folded = NIFS.fold(VK, NIFS.start(rng).instance(), NIFS.start(rng).witness(), lying,
                fresh.witness(), rng);
        assertTrue(NIFS.relation().firstUnsatisfied(folded.instance(), folded.witness()) >= 0);
    }

    @Test
    void aBadStartingInstanceLeavesTheFoldUnsatisfied() {
        RandomGenerator rng = new SplittableRandom(17);
        Nifs.InstanceWitness start = NIFS.start(rng);
        long[] e = start.witness().e().clone();
        Fr.ONE.add(start.witness().e(0)).copyMontTo(e, 0);
        RelaxedWitness badW = RelaxedWitness.ofMont(start.witness().w(), start.witness().rW(), e, start.witness().rE());
        CommittedInstance badU = new CommittedInstance(NIFS.key().commit(badW), start.instance().u(),
                start.instance().x());
        Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.poseidonWitness(CIRCUIT, 1, 1, 1), rng);
        Nifs.FoldResult folded = NIFS.fold(VK, badU, badW, fresh.instance(), fresh.witness(), rng);
        assertEquals(0, NIFS.relation().firstUnsatisfied(folded.instance(), folded.witness()));
    }

    @Test
    void theSameInputFoldedTwiceGivesDifferentCommitments() {
        Nifs.InstanceWitness acc = NIFS.start(new SplittableRandom(14));
        Witness w = Circuits.poseidonWitness(CIRCUIT, 8, 9, 10);
        SecureRandom rng = new SecureRandom();
        Nifs.FoldResult first = NIFS.fold(VK, acc, NIFS.fresh(w, rng), rng);
        Nifs.FoldResult second = NIFS.fold(VK, acc, NIFS.fresh(w, rng), rng);
        assertNotEquals(first.crossTerm(), second.crossTerm());
        assertNotEquals(first.instance().commitment(), second.instance().commitment());
        assertTrue(NIFS.relation().isSatisfied(first.instance(), first.witness()));
        assertTrue(NIFS.relation().isSatisfied(second.instance(), second.witness()));
        // control: with the same randomness the fold is deterministic
        Nifs.FoldResult again = NIFS.fold(VK, acc, NIFS.fresh(w, new SplittableRandom(2)), new SplittableRandom(3));
        Nifs.FoldResult same = NIFS.fold(VK, acc, NIFS.fresh(w, new SplittableRandom(2)), new SplittableRandom(3));
        assertEquals(again.instance(), same.instance());
    }

    @Test
    void aChangedCrossTermCommitmentReplaysToAnInstanceTheWitnessDoesNotOpen() {
        RandomGenerator rng = new SplittableRandom(15);
        Nifs.InstanceWitness acc = NIFS.start(rng);
        Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.poseidonWitness(CIRCUIT, 1, 2, 3), rng);
        Nifs.FoldResult step = NIFS.fold(VK, acc, fresh, rng);
        G1Affine forged = step.crossTerm().add(G1Affine.GENERATOR);
        CommittedInstance replayed = Nifs.verify(VK, acc.instance(), fresh.instance(), forged);
        assertNotEquals(step.instance(), replayed);
        assertNotEquals(NIFS.key().commit(step.witness()), replayed.commitment());
    }

    @Test
    void refusesToFoldAnInstanceThatIsNotFresh() {
        RandomGenerator rng = new SplittableRandom(16);
        Nifs.InstanceWitness acc = NIFS.start(rng);
        Nifs.InstanceWitness other = NIFS.start(rng);
        assertThrows(IllegalArgumentException.class, () -> NIFS.fold(VK, acc, other, rng));
        assertThrows(IllegalArgumentException.class,
                () -> Nifs.verify(VK, acc.instance(), other.instance(), G1Affine.GENERATOR));
        Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.poseidonWitness(CIRCUIT, 1, 2, 3), rng);
        RelaxedWitness withE = RelaxedWitness.ofMont(fresh.witness().w(), fresh.witness().rW(),
                other.witness().e(), Fr.ZERO);
        assertThrows(IllegalArgumentException.class,
                () -> NIFS.fold(VK, acc.instance(), acc.witness(), fresh.instance(), withE, rng));
        assertThrows(IllegalArgumentException.class, () -> NIFS.fold(new byte[31], acc, fresh, rng));
    }

    private static void assertSound(Nifs.InstanceWitness pair) {
        assertEquals(-1, NIFS.relation().firstUnsatisfied(pair.instance(), pair.witness()));
        assertEquals(NIFS.key().commit(pair.witness()), pair.instance().commitment());
    }
}
