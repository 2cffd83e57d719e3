package io.foldline.circuits.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compiled gadget circuit goes through our Groth16 setup, prover and verifier. */
class FrontendGroth16Test {

    @Test
    void compiledCircuitProvesAndVerifies(@TempDir Path dir) {
        SampleCircuit circuit = new SampleCircuit(false);
        CompiledCircuit c = Compiler.compile("sample", circuit);
        int domain = c.nConstraints() + c.r1cs().nPublic() + 1;
        int power = 32 - Integer.numberOfLeadingZeros(domain - 1);
        Path ptau = dir.resolve("test.ptau");
        TestPowersOfTau.write(ptau, power, "frontend groth16 test");
        ProvingKey pk = ProvingKey.of(Setup.newZkey(c.r1cs(), "sample.r1cs", ptau, s -> { }), "sample.zkey");
        PreparedVerifyingKey pvk = PreparedVerifyingKey.prepare(pk.verifyingKey());

        Witness w = c.solve(SampleCircuit.inputs(-9, 11, 4, 12345));
        Prover.Result r = Prover.prove(pk, w, ProverOptions.defaults());
        List<Fr> expected = circuit.expected(-9, 11, 4, 12345);
        assertEquals(expected, r.publicSignals());
        assertTrue(Verifier.verify(pvk, expected.toArray(Fr[]::new), r.proof()));

        Fr[] wrongOutput = expected.toArray(Fr[]::new);
        wrongOutput[0] = wrongOutput[0].add(Fr.ONE);
        assertFalse(Verifier.verify(pvk, wrongOutput, r.proof()));
        Fr[] wrongTag = expected.toArray(Fr[]::new);
        wrongTag[2] = Fr.of(12346);
        assertFalse(Verifier.verify(pvk, wrongTag, r.proof()));
    }
}
