package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.interop.CircomFixtures;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.interop.SnarkjsPtau;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our readers and writers against files made by circom and snarkjs: same bytes out as in. */
@Tag("interop")
class SnarkjsFilesInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        NodeTools.requireTools();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "several_publics", "poseidon3"})
    void circomR1csAndWitnessRoundTripAndSatisfy(String name) throws Exception {
        CircomFixtures.Compiled c = CircomFixtures.compile(name);
        Path wtns = CircomFixtures.witness(c, CircomFixtures.input(name));
        R1cs r = R1csFile.read(c.r1cs());
        Witness w = WtnsFile.read(wtns);
        assertEquals(r.nWires(), w.size());
        assertEquals(-1, r.firstUnsatisfied(w), "circom's witness satisfies the constraints as we read them");
        assertTrue(r.nConstraints() > 0);

        Path r1csCopy = dir.resolve(name + ".r1cs");
        R1csFile.write(r, r1csCopy);
        assertArrayEquals(Files.readAllBytes(c.r1cs()), Files.readAllBytes(r1csCopy));
        Path wtnsCopy = dir.resolve(name + ".wtns");
        WtnsFile.write(w, wtnsCopy);
        assertArrayEquals(Files.readAllBytes(wtns), Files.readAllBytes(wtnsCopy));

        List<java.math.BigInteger> values = CircomFixtures.witnessValues(wtns, dir);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), w.get(i).toBigInteger(), "witness value " + i);
        }
    }

    @Test
    void snarkjsAcceptsAnR1csAndWitnessWeBuilt() {
        Path r1cs = dir.resolve("mul.r1cs");
        Path wtns = dir.resolve("mul.wtns");
        R1csFile.write(R1csFileTest.multiplier(), r1cs);
        WtnsFile.write(Witness.of(List.of(Fr.ONE, Fr.of(33), Fr.of(3), Fr.of(11))), wtns);
        ExecResult ok = NodeTools.snarkjs(dir, "wtns", "check", r1cs.toString(), wtns.toString());
        assertTrue(ok.ok() && ok.stdout().contains("WITNESS IS CORRECT"), ok::describe);
        WtnsFile.write(Witness.of(List.of(Fr.ONE, Fr.of(34), Fr.of(3), Fr.of(11))), wtns);
        ExecResult bad = NodeTools.snarkjs(dir, "wtns", "check", r1cs.toString(), wtns.toString());
        assertTrue(!bad.stdout().contains("WITNESS IS CORRECT"), bad::describe);
    }

    @Test
    void snarkjsPtauRoundTrips() throws Exception {
        Path ptau = SnarkjsPtau.ptau(8);
        Path copy = dir.resolve("copy.ptau");
        try (PtauFile f = PtauFile.open(ptau); PtauWriter w = PtauWriter.create(copy, f.power(), f.ceremonyPower(), true)) {
            int n = 1 << f.power();
            copySection(w, 2, f.tauG1(0, 2 * n - 1), false);
            copySection(w, 3, f.tauG2(0, n), true);
            copySection(w, 4, f.alphaTauG1(0, n), false);
            copySection(w, 5, f.betaTauG1(0, n), false);
            copySection(w, 6, f.betaG2(), true);
            List<PtauContribution> cs = f.contributions();
            assertEquals(1, cs.size());
            assertEquals("foldline test contribution", cs.get(0).name());
            w.contributions(cs);
            w.beginSection(12);
            for (int k = 0; k <= f.power() + 1; k++) {
                long[] block = f.lagrangeTauG1(k);
                w.g1(block, 0, block.length / 8);
            }
            w.endSection();
            w.beginSection(13);
            for (int k = 0; k <= f.power(); k++) {
                long[] block = f.lagrangeTauG2(k);
                w.g2(block, 0, block.length / 16);
            }
            w.endSection();
            w.beginSection(14);
            for (int k = 0; k <= f.power(); k++) {
                long[] block = f.lagrangeAlphaTauG1(k);
                w.g1(block, 0, block.length / 8);
            }
            w.endSection();
            w.beginSection(15);
            for (int k = 0; k <= f.power(); k++) {
                long[] block = f.lagrangeBetaTauG1(k);
                w.g1(block, 0, block.length / 8);
            }
            w.endSection();
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(ptau), Files.readAllBytes(copy));
    }

    private static void copySection(PtauWriter w, int id, long[] pts, boolean g2) {
        w.beginSection(id);
        if (g2) {
            w.g2(pts, 0, pts.length / 16);
        } else {
            w.g1(pts, 0, pts.length / 8);
        }
        w.endSection();
    }

    @Test
    void snarkjsZkeyAndJsonFilesRoundTrip() throws Exception {
        CircomFixtures.Compiled c = CircomFixtures.compile("several_publics");
        Path wtns = CircomFixtures.witness(c, CircomFixtures.input("several_publics"));
        Path ptau = SnarkjsPtau.ptau(8);
        Path z0 = dir.resolve("c_0000.zkey");
        Path z1 = dir.resolve("c_0001.zkey");
        NodeTools.snarkjs(dir, "groth16", "setup", c.r1cs().toString(), ptau.toString(), z0.toString()).requireOk();
        NodeTools.snarkjs(dir, "zkey", "contribute", z0.toString(), z1.toString(), "--name=interop",
                "-e=interop entropy").requireOk();
        NodeTools.snarkjs(dir, "zkey", "export", "verificationkey", z1.toString(), "vk.json").requireOk();
        NodeTools.snarkjs(dir, "groth16", "prove", z1.toString(), wtns.toString(), "proof.json", "public.json")
                .requireOk();

        Zkey fresh = ZkeyFile.read(z0);
        Path copy0 = dir.resolve("copy0.zkey");
        ZkeyFile.write(fresh, copy0);
        assertArrayEquals(Files.readAllBytes(z0), Files.readAllBytes(copy0));
        Zkey contributed = ZkeyFile.read(z1);
        assertEquals("interop", contributed.contributions().get(0).name());
        Path copy1 = dir.resolve("copy1.zkey");
        ZkeyFile.write(contributed, copy1, ZkeyFile.Layout.ASCENDING);
        assertArrayEquals(Files.readAllBytes(z1), Files.readAllBytes(copy1));

        String vkText = Files.readString(dir.resolve("vk.json"));
        VerificationKeyJson vk = VerificationKeyJson.read(dir.resolve("vk.json"));
        assertEquals(vkText, vk.toJson());
        assertEquals(vk, VerificationKeyJson.of(contributed));
        String proofText = Files.readString(dir.resolve("proof.json"));
        assertEquals(proofText, ProofJson.read(dir.resolve("proof.json")).toJson());
        String publicText = Files.readString(dir.resolve("public.json"));
        PublicJson pub = PublicJson.read(dir.resolve("public.json"));
        assertEquals(contributed.nPublic(), pub.values().size());
        assertEquals(publicText, pub.toJson());

        Path proof2 = dir.resolve("proof2.json");
        ProofJson.read(dir.resolve("proof.json")).write(proof2);
        ExecResult ok = NodeTools.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", proof2.toString());
        assertTrue(ok.ok() && ok.stdout().contains("OK"), ok::describe);

        int at = vkText.indexOf("\"vk_alphabeta_12\"");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d+)\"").matcher(vkText);
        assertTrue(m.find(at));
        String bumped = new java.math.BigInteger(m.group(1)).add(java.math.BigInteger.ONE).toString();
        String tampered = vkText.substring(0, m.start(1)) + bumped + vkText.substring(m.end(1));
        FormatException e = assertThrows(FormatException.class, () -> VerificationKeyJson.parse(tampered, "vk.json"));
        assertEquals("vk.json: vk_alphabeta_12: is not e(vk_alpha_1, vk_beta_2)", e.getMessage());
    }
}
