package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Windows of digits_mlp's test rows: prove, write, read back and verify. Prints the sizes and times (the
 * report's numbers; never asserted). Slow as a whole: the decider's Groth16 setup (106k constraints, domain
 * 2^17) takes about a minute on a small machine, and every test here shares it.
 */
@Tag("slow")
class DigitsWindowTest {
    @Test
    void mlpWindowsOfOneTwoAndSixteenVerify() {
        ModelWindowFixture mlp = ModelWindowFixture.of("digits_mlp");
        for (int n : new int[] {1, 2, 16}) {
            proveAndVerify(mlp, n);
        }
    }

    @Test
    void aWindowWithAnInferenceOfAnotherTagDoesNotVerify() {
        ModelWindowFixture mlp = ModelWindowFixture.of("digits_mlp");
        WindowProof p = new WindowProver(mlp.keys).prove(mlp.witnesses(3, 2), new SplittableRandom(5),
                WindowProver.Progress.NONE);
        Fr[] x = p.instances().get(1).x();
        x[x.length - 1] = x[x.length - 1].add(Fr.ONE);
        List<CommittedInstance> changed = List.of(p.instances().get(0),
                CommittedInstance.fresh(p.instances().get(1).commitment(), x));
        assertFalse(mlp.keys.verifier().verify(new WindowProof(p.start(), changed, p.crossTerms(), p.decider())));
    }

    @Test
    void foldCostBesideOneStandaloneProof() {
        ModelWindowFixture mlp = ModelWindowFixture.of("digits_mlp");
        ProvingKey pk = ProvingKey.of(Setup.newZkey(mlp.compiled.circuit().r1cs(), "digits_mlp", mlp.ptau,
                line -> { }), "digits_mlp");
        Witness w = mlp.result(0).witness();
        Prover.prove(pk, w, ProverOptions.defaults());
        long t0 = System.nanoTime();
        int reps = 3;
        Prover.Result r = null;
        for (int i = 0; i < reps; i++) {
            r = Prover.prove(pk, w, ProverOptions.defaults());
        }
        double proofMs = (System.nanoTime() - t0) / 1e6 / reps;
        assertTrue(Verifier.verify(pk.preparedVerifyingKey(), mlp.compiled.circuit().publicSignals(w)
                .toArray(Fr[]::new), r.proof()));
        WindowProof p = proveAndVerify(mlp, 16);
        assertEquals(16, p.size());
        System.out.printf("digits_mlp: one standalone Groth16 proof %.1f ms (mean of %d)%n", proofMs, reps);
    }

    @Test
    void mlpWindowOf256Verifies() {
        proveAndVerify(ModelWindowFixture.of("digits_mlp"), 256);
    }

    static WindowProof proveAndVerify(ModelWindowFixture model, int n) {
        List<Witness> witnesses = model.witnesses(0, n);
        long[] decideStart = new long[1];
        long t0 = System.nanoTime();
        WindowProof p = new WindowProver(model.keys).prove(witnesses, new SplittableRandom(n), (phase, done, t) -> {
            if (phase.equals("decide") && done == 0) {
                decideStart[0] = System.nanoTime();
            }
        });
        long t1 = System.nanoTime();
        byte[] bytes = WindowProofFile.encode(p);
        WindowProof back = WindowProofFile.decode(bytes, model.name + ".proof");
        long t2 = System.nanoTime();
        boolean ok = model.keys.verifier().verify(back);
        long t3 = System.nanoTime();
        assertTrue(ok, model.name + " window of " + n);
        System.out.printf("%s N=%d: folds %.1f ms (%.1f ms per inference), decider %.1f ms, verify %.1f ms, "
                        + "%d bytes%n", model.name, n, (decideStart[0] - t0) / 1e6, (decideStart[0] - t0) / 1e6 / n,
                (t1 - decideStart[0]) / 1e6, (t3 - t2) / 1e6, bytes.length);
        return p;
    }
}
