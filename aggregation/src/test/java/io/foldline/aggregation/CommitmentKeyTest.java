package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.kzg.Kzg;
import io.foldline.crypto.kzg.Srs;
import io.foldline.crypto.msm.MsmConfig;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommitmentKeyTest {
    private static final int NW = 3;
    private static final int M = 4;
    private static final Srs SRS = Srs.insecureForTests(NW + M + 3, Circuits.TAU);
    private static final CommitmentKey KEY = new CommitmentKey(SRS, NW, M, MsmConfig.defaults());

    @Test
    void layoutPutsWAndEInDisjointRangesWithABlinderAfterEach() {
        assertEquals(NW, KEY.wBlinderIndex());
        assertEquals(NW + 1, KEY.eOffset());
        assertEquals(NW + 1 + M, KEY.eBlinderIndex());
        assertEquals(NW + M + 2, KEY.size());
        SplittableRandom rng = new SplittableRandom(7);
        long[] w = FieldVectors.random(NW, rng);
        long[] e = FieldVectors.random(M, rng);
        Fr rW = Fr.random(rng);
        Fr rE = Fr.random(rng);
        // with tau known the commitment is one scalar times G1: sum of every coefficient times its power
        Fr s = Fr.ZERO;
        for (int j = 0; j < NW; j++) {
            s = s.add(FieldVectors.get(w, j).mul(Circuits.TAU.pow(j)));
        }
        s = s.add(rW.mul(Circuits.TAU.pow(NW)));
        for (int j = 0; j < M; j++) {
            s = s.add(FieldVectors.get(e, j).mul(Circuits.TAU.pow(NW + 1 + j)));
        }
        s = s.add(rE.mul(Circuits.TAU.pow(NW + 1 + M)));
        assertEquals(G1Affine.GENERATOR.mul(s), KEY.commit(w, rW, e, rE));
        // the ranges add up, and the decider's polynomial is the same vector
        assertEquals(KEY.commitW(w, rW).toJacobian().add(KEY.commitE(e, rE).toJacobian()).toAffine(),
                KEY.commit(w, rW, e, rE));
        RelaxedWitness witness = RelaxedWitness.ofMont(w, rW, e, rE);
        assertEquals(Kzg.commit(SRS, KEY.coefficients(witness), KEY.size(), MsmConfig.defaults()), KEY.commit(witness));
        // negative control: swapping the blinders moves them to other powers and changes the commitment
        assertNotEquals(KEY.commit(w, rE, e, rW), KEY.commit(w, rW, e, rE));
    }

    @Test
    void theSameWitnessCommittedTwiceGivesDifferentCommitments() {
        CompiledCircuit c = Circuits.poseidon();
        Nifs nifs = Circuits.nifs(c.r1cs());
        Witness w = Circuits.poseidonWitness(c, 3, 4, 5);
        SecureRandom rng = new SecureRandom();
        Nifs.InstanceWitness first = nifs.fresh(w, rng);
        Nifs.InstanceWitness second = nifs.fresh(w, rng);
        assertNotEquals(first.instance().commitment(), second.instance().commitment());
        assertEquals(first.instance().x().length, second.instance().x().length);
        assertEquals(nifs.key().commit(first.witness()), first.instance().commitment());
        // control: the difference is the blinder alone, so equal randomness gives equal commitments
        assertEquals(nifs.fresh(w, new SplittableRandom(9)).instance(),
                nifs.fresh(w, new SplittableRandom(9)).instance());
        // and the E range hides too
        long[] e = FieldVectors.random(M, new SplittableRandom(3));
        assertNotEquals(KEY.commitE(e, Fr.random(rng)), KEY.commitE(e, Fr.random(rng)));
    }

    @Test
    void aFreshInstanceCommitsOnlyTheWRange() {
        Nifs nifs = Circuits.nifs(Circuits.square());
        Nifs.InstanceWitness f = nifs.fresh(Circuits.squareWitness(2, 4), new SplittableRandom(5));
        assertTrue(f.witness().isFresh());
        assertEquals(Fr.ONE, f.instance().u());
        // Com(W, rW, 0, 0) = (x + rW tau) G1 for the square circuit
        Fr s = Fr.of(2).add(f.witness().rW().mul(Circuits.TAU));
        assertEquals(G1Affine.GENERATOR.mul(s), f.instance().commitment());
    }

    @Test
    void refusesAnSrsTooShortForBothRangesAndBlinders() {
        Srs shortSrs = Srs.insecureForTests(NW + M + 1, Circuits.TAU);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CommitmentKey(shortSrs, NW, M, MsmConfig.defaults()));
        assertTrue(e.getMessage().contains("need " + (NW + M + 2)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KEY.commitW(new long[4 * (NW + 1)], Fr.ZERO));
    }
}
