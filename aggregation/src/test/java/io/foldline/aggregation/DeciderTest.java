package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.UnsatisfiedConstraintException;
import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.kzg.Kzg;
import io.foldline.crypto.msm.MsmConfig;
import io.foldline.crypto.poseidon.Poseidon;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeciderTest {
    private static final String ZETA_CHECK = "zeta/zeta = Poseidon chain over (tag, u, x, W, rW, rE)";
    private static final String V_CHECK = "evaluate/v = P(zeta)";

    @Test
    void theCircuitTakesOnlyTheWitnessPrivatelyAndAgreesWithTheNativeTwin() {
        CompiledCircuit model = Circuits.poseidon();
        Nifs nifs = Circuits.nifs(model.r1cs());
        byte[] vk = R1csDigest.of(model.r1cs());
        RandomGenerator rng = new SplittableRandom(21);
        Nifs.InstanceWitness acc = nifs.start(rng);
        for (int i = 0; i < 2; i++) {
            acc = nifs.fold(vk, acc, nifs.fresh(Circuits.poseidonWitness(model, 2 + i, 5, 7 * i), rng), rng).folded();
        }
        CommittedInstance u = acc.instance();
        RelaxedWitness w = acc.witness();
        CompiledCircuit decider = DeciderCircuit.compile(nifs.relation());
        assertEquals(nifs.relation().nWitness() + 2, decider.r1cs().nPrvIn(), "W, rW, rE and nothing else");
        assertEquals(nifs.relation().nPublic() + 3, decider.r1cs().nPublic(), "u, x, zeta, v");

        Fr zeta = Decider.zeta(u.u(), u.x(), w.w(), w.rW(), w.rE());
        Fr v = Decider.evaluate(w, zeta);
        assertEquals(powerSum(nifs.key().coefficients(w), zeta), v, "P(zeta) over the CommitmentKey layout");
        decider.solve(DeciderCircuit.inputs(u.u(), u.x(), zeta, v, w.w(), w.rW(), w.rE()));

        UnsatisfiedConstraintException badZeta = assertThrows(UnsatisfiedConstraintException.class, () ->
                decider.solve(DeciderCircuit.inputs(u.u(), u.x(), zeta.add(Fr.ONE), v, w.w(), w.rW(), w.rE())));
        assertEquals(ZETA_CHECK, badZeta.label().path(), badZeta.getMessage());
        UnsatisfiedConstraintException badV = assertThrows(UnsatisfiedConstraintException.class, () ->
                decider.solve(DeciderCircuit.inputs(u.u(), u.x(), zeta, v.add(Fr.ONE), w.w(), w.rW(), w.rE())));
        assertEquals(V_CHECK, badV.label().path(), badV.getMessage());
        report("poseidon test circuit", nifs.relation(), decider);
    }

    @Test
    void zetaIsTheDocumentedChainAndCoversEveryWitnessEntry() {
        // the model-shaped circuit absorbs 18 elements: one call over 16, one over (h, the last 2)
        RelaxedR1cs relation = new RelaxedR1cs(DeciderFixture.MODEL.r1cs());
        assertEquals(18, Decider.absorbedLength(relation.nPublic(), relation.nWitness()));
        RandomGenerator rng = new SplittableRandom(22);
        Fr u = Fr.random(rng);
        Fr[] x = {Fr.random(rng), Fr.random(rng), Fr.random(rng), Fr.random(rng)};
        long[] w = FieldVectors.random(relation.nWitness(), rng);
        Fr rW = Fr.random(rng);
        Fr rE = Fr.random(rng);
        Fr[] first = new Fr[16];
        // the tag written out independently: the ASCII of "foldline.decider.v1" as a big-endian integer
        first[0] = Fr.of(new BigInteger("666f6c646c696e652e646563696465722e7631", 16));
        first[1] = u;
        System.arraycopy(x, 0, first, 2, 4);
        for (int i = 0; i < 10; i++) {
            first[6 + i] = FieldVectors.get(w, i);
        }
        Fr expected = Poseidon.hash(Poseidon.hash(first), rW, rE);
        Fr zeta = Decider.zeta(u, x, w, rW, rE);
        assertEquals(expected, zeta);

        assertNotEquals(zeta, Decider.zeta(u, x, w, rW, rE.add(Fr.ONE)), "rE");
        assertNotEquals(zeta, Decider.zeta(u, x, w, rW.add(Fr.ONE), rE), "rW");
        assertNotEquals(zeta, Decider.zeta(u.add(Fr.ONE), x, w, rW, rE), "u");
        long[] w2 = w.clone();
        FieldVectors.get(w, 9).add(Fr.ONE).copyMontTo(w2, 4 * 9);
        assertNotEquals(zeta, Decider.zeta(u, x, w2, rW, rE), "the last W entry");
    }

    /**
     * THE FORGERY that an unbound zeta lets through (DESIGN.md section 4, "Why zeta must come from the
     * witness"). A window folds an inference whose witness is wrong, so the folded {@code (K, u, x)} has no
     * witness that satisfies the relaxed rows and opens K: the decider must not be provable. The cheating
     * prover did the folding, so it knows the committed coefficients P. Against a decider whose evaluation
     * point {@code zeta0} is drawn from K alone (here Poseidon of K's coordinates), it picks any {@code W'},
     * sets {@code E' = (A z')(B z') - u (C z')} so that every row holds (relaxed R1CS is satisfiable by choosing
     * E), and solves for its last coefficient {@code rE'} (the E blinder, weight {@code zeta0^(N-1)}) so that
     * {@code P'(zeta0) = P(zeta0)}; the honest KZG opening of K at {@code zeta0} then vouches for P'. In our
     * decider zeta is Poseidon over {@code (u, x, W', rW', rE')} inside the circuit: the forged witness yields
     * its own zeta, at which P' and P differ, so the circuit refuses {@code zeta0} and the KZG check refuses
     * the circuit's zeta.
     */
    @Test
    void aForgedWitnessMatchingThePolynomialAtAPointFixedByKAloneIsRejected() {
        DeciderKey key = DeciderFixture.key();
        DeciderVerifyingKey vk = key.verifyingKey();
        Nifs nifs = key.nifs();
        RelaxedR1cs relation = key.relation();
        CommitmentKey ck = key.commitmentKey();
        RandomGenerator rng = new SplittableRandom(23);
        Witness bad = changeLastWire(Circuits.modelShapedWitness(DeciderFixture.MODEL, 4, 77));
        assertTrue(DeciderFixture.MODEL.r1cs().firstUnsatisfied(bad) >= 0, "precondition: a wrong inference");
        Nifs.FoldResult step = nifs.fold(DeciderFixture.VK_DIGEST, nifs.start(rng), nifs.fresh(bad, rng), rng);
        CommittedInstance folded = step.instance();
        RelaxedWitness honest = step.witness();
        assertFalse(relation.isSatisfied(folded, honest));
        assertThrows(IllegalArgumentException.class, () -> Decider.prove(key, folded, honest));

        // the attack on a decider with zeta0 drawn from K alone
        Fr zeta0 = Poseidon.hash(Fr.reduce(folded.commitment().x().toBigInteger()),
                Fr.reduce(folded.commitment().y().toBigInteger()));
        long[] p = ck.coefficients(honest);
        Kzg.Opening atZeta0 = Kzg.open(ck.srs(), folded.commitment(), p, ck.size(), zeta0, MsmConfig.defaults());
        assertTrue(Kzg.verify(vk.kzgSrs(), atZeta0), "K opens to P(zeta0) at zeta0");
        long[] w = FieldVectors.random(relation.nWitness(), rng);
        Fr rW = Fr.random(rng);
        long[] e = relation.errorTerm(folded.u(), folded.x(), w);
        Fr rest = Decider.evaluate(RelaxedWitness.ofMont(w, rW, e, Fr.ZERO), zeta0);
        Fr rE = atZeta0.value().sub(rest).mul(zeta0.pow(ck.size() - 1).inverse());
        RelaxedWitness forged = RelaxedWitness.ofMont(w, rW, e, rE);
        assertTrue(relation.isSatisfied(folded, forged), "the forged W', E' satisfy every row");
        assertEquals(atZeta0.value(), Decider.evaluate(forged, zeta0), "and P'(zeta0) = P(zeta0)");

        // our circuit fixes zeta from the forged witness: it is not zeta0, so zeta0 cannot be proved
        Fr zeta = Decider.zeta(folded.u(), folded.x(), w, rW, rE);
        assertNotEquals(zeta0, zeta);
        UnsatisfiedConstraintException refused = assertThrows(UnsatisfiedConstraintException.class,
                () -> Decider.groth16Proof(key, folded.u(), folded.x(), zeta0, atZeta0.value(), forged));
        assertEquals(ZETA_CHECK, refused.label().path(), refused.getMessage());

        // at the circuit's own zeta the Groth16 proof exists, but K does not open to P'(zeta) there
        Fr v = Decider.evaluate(forged, zeta);
        Proof g = Decider.groth16Proof(key, folded.u(), folded.x(), zeta, v, forged);
        Kzg.Opening honestAtZeta = Kzg.open(ck.srs(), folded.commitment(), p, ck.size(), zeta, MsmConfig.defaults());
        assertNotEquals(v, honestAtZeta.value(), "P'(zeta) != P(zeta)");
        assertFalse(Decider.verify(vk, folded, new DeciderProof(g, zeta, v, honestAtZeta.proof())));
        Kzg.Opening forgedQuotient = Kzg.open(ck.srs(), folded.commitment(), ck.coefficients(forged), ck.size(),
                zeta, MsmConfig.defaults());
        assertFalse(Decider.verify(vk, folded, new DeciderProof(g, zeta, v, forgedQuotient.proof())));
        assertFalse(Decider.verify(vk, folded, new DeciderProof(g, zeta, honestAtZeta.value(),
                honestAtZeta.proof())), "K's true value at zeta is not what the circuit proved");
    }

    @Test
    void aPtauTooSmallForTheDeciderIsRefusedByName(@TempDir Path dir) {
        Path small = dir.resolve("pot6.ptau");
        TestPowersOfTau.write(small, 6, "decider too small");
        FormatException e = assertThrows(FormatException.class,
                () -> Decider.setup(DeciderFixture.MODEL.r1cs(), small));
        assertTrue(e.getMessage().contains("pot6.ptau") && e.getMessage().contains("power 6"), e.getMessage());
    }

    @Test
    void theModelShapedDeciderSizeIsReported() {
        RelaxedR1cs relation = new RelaxedR1cs(DeciderFixture.MODEL.r1cs());
        report("model-shaped test circuit", relation, DeciderFixture.key().circuit());
    }

    private static void report(String what, RelaxedR1cs relation, CompiledCircuit decider) {
        int n = relation.nWitness();
        int m = relation.nRows();
        System.out.println("decider of the " + what + ": n = " + n + " witness entries, m = " + m + " rows: "
                + decider.nConstraints() + " constraints (53n + 3m = " + (53 * n + 3 * m) + ")");
        // DESIGN.md's 40n + 3m counted 3 constraints per S-box; the gadget also makes a mixed S-box input one
        // wire (a faster setup), ~53 per absorbed element. A loose bound: the first call and the constant tag
        // make small circuits differ
        assertTrue(decider.nConstraints() < 56 * n + 4 * m + 1000, decider.nConstraints() + " constraints");
    }

    private static Fr powerSum(long[] coeffs, Fr z) {
        Fr sum = Fr.ZERO;
        for (int i = 0; i < coeffs.length / 4; i++) {
            sum = sum.add(Fr.fromMont(coeffs, 4 * i).mul(z.pow(i)));
        }
        return sum;
    }

    private static Witness changeLastWire(Witness good) {
        long[] limbs = good.values().clone();
        int last = good.size() - 1;
        good.get(last).add(Fr.ONE).copyMontTo(limbs, 4 * last);
        return Witness.ofMont(limbs);
    }
}
