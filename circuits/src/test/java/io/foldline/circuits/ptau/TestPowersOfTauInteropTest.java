package io.foldline.circuits.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.interop.CircomFixtures;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.crypto.msm.MsmConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snarkjs accepts our generated ptau files, and computes the same Lagrange sections from them. */
@Tag("interop")
class TestPowersOfTauInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        NodeTools.requireTools();
    }

    @Test
    void snarkjsVerifiesTheFileIncludingTheProofOfKnowledgeAndLagrangeSections() {
        Path p = dir.resolve("pot5.ptau");
        TestPowersOfTau.write(p, 5, "interop verify");
        ExecResult r = NodeTools.snarkjs(dir, "powersoftau", "verify", p.toString());
        assertTrue(r.ok() && r.stdout().contains("Powers of Tau Ok!") && !r.stdout().contains("WARN"), r::describe);
    }

    @Test
    void snarkjsPreparePhase2GivesTheSameFile() throws Exception {
        Path raw = dir.resolve("pot6_raw.ptau");
        Path ours = dir.resolve("pot6_ours.ptau");
        Path theirs = dir.resolve("pot6_snarkjs.ptau");
        MsmConfig cfg = MsmConfig.defaults();
        // odd chunk sizes make every section and Lagrange block span several partial chunks
        TestPowersOfTau.write(raw, 6, "interop prepare", false, cfg, 7);
        TestPowersOfTau.write(ours, 6, "interop prepare", true, cfg, 5);
        NodeTools.snarkjs(dir, "powersoftau", "prepare", "phase2", raw.toString(), theirs.toString()).requireOk();
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void groth16SetupOnOurFilePassesZkeyVerifyAndProves() {
        CircomFixtures.Compiled c = CircomFixtures.compile("several_publics");
        Path wtns = CircomFixtures.witness(c, CircomFixtures.input("several_publics"));
        Path ptau = dir.resolve("pot8.ptau");
        TestPowersOfTau.write(ptau, 8, "interop setup");
        Path z0 = dir.resolve("c0.zkey");
        NodeTools.snarkjs(dir, "groth16", "setup", c.r1cs().toString(), ptau.toString(), z0.toString()).requireOk();
        ExecResult v = NodeTools.snarkjs(dir, "zkey", "verify", c.r1cs().toString(), ptau.toString(), z0.toString());
        assertTrue(v.ok() && v.stdout().contains("ZKey Ok!"), v::describe);
        NodeTools.snarkjs(dir, "zkey", "export", "verificationkey", z0.toString(), "vk.json").requireOk();
        NodeTools.snarkjs(dir, "groth16", "prove", z0.toString(), wtns.toString(), "proof.json", "public.json")
                .requireOk();
        ExecResult ok = NodeTools.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.ok() && ok.stdout().contains("OK"), ok::describe);
    }
}
