package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.interop.CircomFixtures;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.interop.SnarkjsPtau;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.VerificationKeyJson;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proofs across the two implementations on circom-compiled fixtures with snarkjs-computed witnesses: our
 * proofs on snarkjs keys pass {@code snarkjs groth16 verify}, snarkjs proofs pass ours, and snarkjs proves
 * and exports verification keys from our keys (setup, contribution, beacon) with identical results.
 */
@Tag("interop")
class Groth16InteropIT {

    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "several_publics", "poseidon3"})
    void proofsCrossVerifyOnSnarkjsKeys(String fixture, @TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile(fixture);
        Path wtns = CircomFixtures.witness(fixture);
        Path ptau = SnarkjsPtau.ptau(10);
        Path z0 = dir.resolve("z0.zkey");
        Path z1 = dir.resolve("z1.zkey");
        snarkjs(dir, "groth16", "setup", c.r1cs().toString(), ptau.toString(), z0.toString());
        snarkjs(dir, "zkey", "contribute", z0.toString(), z1.toString(), "--name=x", "-e=entropy");
        snarkjs(dir, "zkey", "export", "verificationkey", z1.toString(), "vk.json");

        Prover.Result ours = Prover.prove(ProvingKey.read(z1), WtnsFile.read(wtns), ProverOptions.defaults());
        ours.proof().toJson().write(dir.resolve("proof.json"));
        new PublicJson(ours.publicSignals()).write(dir.resolve("public.json"));
        assertSnarkjsAccepts(dir, "vk.json", "public.json", "proof.json");

        snarkjs(dir, "groth16", "prove", z1.toString(), wtns.toString(), "proof_s.json", "public_s.json");
        PreparedVerifyingKey pvk = PreparedVerifyingKey.prepare(
                VerifyingKey.of(VerificationKeyJson.read(dir.resolve("vk.json"))));
        PublicJson pub = PublicJson.read(dir.resolve("public_s.json"));
        assertEquals(ours.publicSignals(), pub.values(), "public signals");
        Proof theirs = Proof.of(ProofJson.read(dir.resolve("proof_s.json")));
        assertTrue(Verifier.verify(pvk, pub.values().toArray(Fr[]::new), theirs));
        Fr[] wrong = pub.values().toArray(Fr[]::new);
        wrong[0] = wrong[0].add(Fr.ONE);
        assertFalse(Verifier.verify(pvk, wrong, theirs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "poseidon3"})
    void snarkjsProvesWithOurKeysAndExportsOurVerificationKey(String fixture, @TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile(fixture);
        Path wtns = CircomFixtures.witness(fixture);
        Path ptau = SnarkjsPtau.ptau(10);
        Zkey z = Setup.newZkey(R1csFile.read(c.r1cs()), fixture + ".r1cs", ptau, s -> { });
        z = Phase2.contribute(z, "alice", "e".getBytes(StandardCharsets.UTF_8), new SecureRandom()).zkey();
        z = Phase2.beacon(z, new byte[] {(byte) 0xab, (byte) 0xcd}, 10, "beacon").zkey();
        Path zkey = dir.resolve("ours.zkey");
        ZkeyFile.write(z, zkey, ZkeyFile.Layout.ASCENDING);
        ExecResult v = NodeTools.snarkjs(dir, "zkey", "verify", c.r1cs().toString(), ptau.toString(), zkey.toString());
        assertTrue(v.ok() && v.stdout().contains("ZKey Ok!"), v::describe);

        VerifyingKey vk = ProvingKey.read(zkey).verifyingKey();
        Files.writeString(dir.resolve("vk_ours.json"), vk.toJson().toJson());
        snarkjs(dir, "zkey", "export", "verificationkey", zkey.toString(), "vk_theirs.json");
        assertEquals(JsonValue.parse(Files.readString(dir.resolve("vk_theirs.json")), "vk_theirs.json"),
                JsonValue.parse(Files.readString(dir.resolve("vk_ours.json")), "vk_ours.json"));
        assertEquals(Files.readString(dir.resolve("vk_theirs.json")).strip(),
                Files.readString(dir.resolve("vk_ours.json")).strip(), "same text");

        snarkjs(dir, "groth16", "prove", zkey.toString(), wtns.toString(), "proof.json", "public.json");
        assertSnarkjsAccepts(dir, "vk_ours.json", "public.json", "proof.json");
        PublicJson pub = PublicJson.read(dir.resolve("public.json"));
        assertTrue(Verifier.verify(PreparedVerifyingKey.prepare(vk), pub.values().toArray(Fr[]::new),
                Proof.of(ProofJson.read(dir.resolve("proof.json")))));
    }

    private static void assertSnarkjsAccepts(Path dir, String vk, String pub, String proof) {
        ExecResult r = NodeTools.snarkjs(dir, "groth16", "verify", vk, pub, proof);
        assertTrue(r.ok() && r.stdout().contains("OK"), r::describe);
    }

    private static void snarkjs(Path dir, String... args) {
        NodeTools.snarkjs(dir, args).requireOk();
    }
}
