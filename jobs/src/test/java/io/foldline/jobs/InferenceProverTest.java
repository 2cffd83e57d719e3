package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.prove.InferenceProver;
import io.foldline.jobs.prove.ProofBytes;
import io.foldline.schemas.InferenceRequest;
import io.foldline.schemas.ProvenInference;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One request proved as the job proves it, checked with the verifying key and the reference runtime. */
@Tag("slow")
class InferenceProverTest {
    @TempDir
    static Path dir;
    static ModelSpec spec;

    @BeforeAll
    static void setUp() {
        spec = TestModels.digits(dir, true);
    }

    @Test
    void proofVerifiesWithTheSignalsItCarries() {
        double[] x = TestModels.digitsRows().get(3);
        InferenceRequest req = Requests.request("req-3", TestModels.DIGITS, 1000, x);
        ModelPackage pkg = DeployedModels.pkg(spec);
        ProvingKey pk = DeployedModels.provingKey(spec);
        ProvenInference p = InferenceProver.prove(req, pkg, pk, new SecureRandom());

        long[] logits = pkg.model().infer(pkg.model().quantizeInput(x, "row 3")).logits();
        assertEquals(Arrays.stream(logits).boxed().toList(), p.getOutputs());
        BigInteger tag = new BigInteger(1, Keccak256.digest("req-3".getBytes(StandardCharsets.UTF_8))).mod(Fr.MODULUS);
        assertArrayEquals(Fr.of(tag).toBytesBE(), bytes(p.getTag()));
        assertEquals(256, p.getProof().remaining());

        Proof proof = ProofBytes.decode(bytes(p.getProof()), "test");
        Fr[] signals = InferenceProver.publicSignals(p);
        assertTrue(Verifier.verify(pk.preparedVerifyingKey(), signals, proof));
        signals[1] = signals[1].add(Fr.ONE); // a different first logit
        assertFalse(Verifier.verify(pk.preparedVerifyingKey(), signals, proof));
    }

    @Test
    void givenSaltIsTheCommitmentSalt() {
        double[] x = TestModels.digitsRows().get(0);
        byte[] salt = Fr.random(new SplittableRandom(5)).toBytesBE();
        InferenceRequest a = Requests.request("a", TestModels.DIGITS, 1, x);
        a.setSalt(ByteBuffer.wrap(salt));
        InferenceRequest b = Requests.request("b", TestModels.DIGITS, 2, x);
        b.setSalt(ByteBuffer.wrap(salt));
        ModelPackage pkg = DeployedModels.pkg(spec);
        ProvingKey pk = DeployedModels.provingKey(spec);
        ProvenInference pa = InferenceProver.prove(a, pkg, pk, new SecureRandom());
        ProvenInference pb = InferenceProver.prove(b, pkg, pk, new SecureRandom());
        assertEquals(pa.getCommitment(), pb.getCommitment());
        assertFalse(pa.getTag().equals(pb.getTag()));
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
