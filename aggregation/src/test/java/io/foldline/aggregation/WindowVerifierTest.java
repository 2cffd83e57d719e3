package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole windows through {@link WindowVerifier}: honest ones verify, each kind of tampering is rejected. */
class WindowVerifierTest {
    private static final String[] SIGNALS = {"h_in", "y0", "y1", "tag"};
    private static WindowVerifier verifier;
    private static DeciderFixture.Window window;
    private static DeciderProof proof;

    @BeforeAll
    static void proveOneWindowOfThree() {
        verifier = new WindowVerifier(DeciderFixture.VK_DIGEST, DeciderFixture.key().verifyingKey());
        window = DeciderFixture.fold(3, new SplittableRandom(3));
        proof = Decider.prove(DeciderFixture.key(), window.folded().instance(), window.folded().witness());
        assertTrue(accepts(window.start(), window.instances(), window.crossTerms(), proof), "the untouched window");
    }

    @Test
    void windowsOfOneTwoAndFiveVerify() {
        for (int n : new int[] {1, 2, 5}) {
            DeciderFixture.Window w = DeciderFixture.fold(n, new SplittableRandom(n));
            DeciderProof p = Decider.prove(DeciderFixture.key(), w.folded().instance(), w.folded().witness());
            assertTrue(verifier.verify(w.start(), w.instances(), w.crossTerms(), p), "window of " + n);
        }
    }

    @Test
    void rejectsAChangedInstanceCommitment() {
        assertFalse(accepts(window.start(), changeInstance(1, c -> CommittedInstance.fresh(
                c.commitment().add(G1Affine.GENERATOR), c.x())), window.crossTerms(), proof));
    }

    @Test
    void rejectsEachChangedPublicSignal() {
        for (int j = 0; j < SIGNALS.length; j++) {
            int at = j;
            List<CommittedInstance> changed = changeInstance(1, c -> {
                Fr[] x = c.x();
                x[at] = x[at].add(Fr.ONE);
                return CommittedInstance.fresh(c.commitment(), x);
            });
            assertFalse(accepts(window.start(), changed, window.crossTerms(), proof), SIGNALS[j] + " changed");
        }
    }

    @Test
    void rejectsAChangedCrossTermCommitment() {
        List<G1Affine> changed = new ArrayList<>(window.crossTerms());
        changed.set(2, changed.get(2).add(G1Affine.GENERATOR));
        assertFalse(accepts(window.start(), window.instances(), changed, proof));
    }

    @Test
    void rejectsAChangedStartingInstance() {
        CommittedInstance s = window.start();
        assertFalse(accepts(new CommittedInstance(s.commitment().add(G1Affine.GENERATOR), s.u(), s.x()),
                window.instances(), window.crossTerms(), proof), "K0 changed");
        assertFalse(accepts(new CommittedInstance(s.commitment(), s.u().add(Fr.ONE), s.x()),
                window.instances(), window.crossTerms(), proof), "u0 changed");
    }

    @Test
    void rejectsTwoSwappedInstances() {
        List<CommittedInstance> swapped = new ArrayList<>(window.instances());
        Collections.swap(swapped, 0, 1);
        assertFalse(accepts(window.start(), swapped, window.crossTerms(), proof), "instances swapped");
        List<G1Affine> crossSwapped = new ArrayList<>(window.crossTerms());
        Collections.swap(crossSwapped, 0, 1);
        assertFalse(accepts(window.start(), swapped, crossSwapped, proof), "instances and their K_T swapped");
    }

    @Test
    void rejectsADroppedInstance() {
        for (int i : new int[] {0, 2}) {
            List<CommittedInstance> instances = new ArrayList<>(window.instances());
            List<G1Affine> crossTerms = new ArrayList<>(window.crossTerms());
            instances.remove(i);
            crossTerms.remove(i);
            assertFalse(accepts(window.start(), instances, crossTerms, proof), "instance " + i + " dropped");
        }
    }

    @Test
    void rejectsADuplicatedInstance() {
        List<CommittedInstance> instances = new ArrayList<>(window.instances());
        List<G1Affine> crossTerms = new ArrayList<>(window.crossTerms());
        instances.add(2, instances.get(1));
        crossTerms.add(2, crossTerms.get(1));
        assertFalse(accepts(window.start(), instances, crossTerms, proof));
    }

    @Test
    void rejectsAChangedGroth16Proof() {
        Proof g = proof.groth16();
        Proof changed = new Proof(g.a().add(G1Affine.GENERATOR), g.b(), g.c());
        assertFalse(accepts(window.start(), window.instances(), window.crossTerms(),
                new DeciderProof(changed, proof.zeta(), proof.v(), proof.kzgProof())));
    }

    @Test
    void rejectsAChangedKzgProof() {
        assertFalse(accepts(window.start(), window.instances(), window.crossTerms(), new DeciderProof(
                proof.groth16(), proof.zeta(), proof.v(), proof.kzgProof().add(G1Affine.GENERATOR))));
    }

    @Test
    void rejectsChangedDeciderPublicInputs() {
        assertFalse(accepts(window.start(), window.instances(), window.crossTerms(), new DeciderProof(
                proof.groth16(), proof.zeta().add(Fr.ONE), proof.v(), proof.kzgProof())), "zeta changed");
        assertFalse(accepts(window.start(), window.instances(), window.crossTerms(), new DeciderProof(
                proof.groth16(), proof.zeta(), proof.v().add(Fr.ONE), proof.kzgProof())), "v changed");
        // u and x are not sent: the verifier replays them, so change the replayed instance itself
        DeciderVerifyingKey vk = DeciderFixture.key().verifyingKey();
        CommittedInstance folded = window.folded().instance();
        assertTrue(Decider.verify(vk, folded, proof), "control");
        assertFalse(Decider.verify(vk, new CommittedInstance(folded.commitment(), folded.u().add(Fr.ONE),
                folded.x()), proof), "u changed");
        for (int j = 0; j < SIGNALS.length; j++) {
            Fr[] x = folded.x();
            x[j] = x[j].add(Fr.ONE);
            assertFalse(Decider.verify(vk, new CommittedInstance(folded.commitment(), folded.u(), x), proof),
                    "x[" + j + "] changed");
        }
    }

    @Test
    void malformedWindowsAreRefusedWithAReason() {
        CommittedInstance s = window.start();
        List<CommittedInstance> one = window.instances().subList(0, 1);
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(s, List.of(), List.of(), proof));
        assertThrows(IllegalArgumentException.class,
                () -> verifier.verify(s, window.instances(), window.crossTerms().subList(0, 2), proof));
        CommittedInstance shortX = CommittedInstance.fresh(one.get(0).commitment(), new Fr[] {Fr.ONE});
        assertThrows(IllegalArgumentException.class,
                () -> verifier.verify(s, List.of(shortX), window.crossTerms().subList(0, 1), proof));
        CommittedInstance notFresh = new CommittedInstance(one.get(0).commitment(), Fr.of(2), one.get(0).x());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> verifier.verify(s, List.of(notFresh), window.crossTerms().subList(0, 1), proof));
        assertTrue(e.getMessage().contains("not fresh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WindowVerifier(new byte[31],
                DeciderFixture.key().verifyingKey()));
    }

    private static boolean accepts(CommittedInstance start, List<CommittedInstance> instances,
                                   List<G1Affine> crossTerms, DeciderProof p) {
        return verifier.verify(start, instances, crossTerms, p);
    }

    private static List<CommittedInstance> changeInstance(int i, UnaryOperator<CommittedInstance> change) {
        List<CommittedInstance> out = new ArrayList<>(window.instances());
        out.set(i, change.apply(out.get(i)));
        return out;
    }
}
