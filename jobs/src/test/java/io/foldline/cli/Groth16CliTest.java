package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Groth16 verbs end to end on x^3 + x + 5 = out (wires 1, out, x, x^2, x^3): exit codes 0, 1 and 2,
 * messages that name the bad file, no stack traces for user errors, and --help everywhere.
 */
class Groth16CliTest {
    @TempDir
    static Path dir;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void pipeline() {
        SparseMatrix.Builder a = SparseMatrix.builder();
        SparseMatrix.Builder b = SparseMatrix.builder();
        SparseMatrix.Builder c = SparseMatrix.builder();
        a.add(2, Fr.ONE).endRow();
        b.add(2, Fr.ONE).endRow();
        c.add(3, Fr.ONE).endRow();
        a.add(3, Fr.ONE).endRow();
        b.add(2, Fr.ONE).endRow();
        c.add(4, Fr.ONE).endRow();
        a.add(4, Fr.ONE).add(2, Fr.ONE).add(0, Fr.of(5)).endRow();
        b.add(0, Fr.ONE).endRow();
        c.add(1, Fr.ONE).endRow();
        R1csFile.write(new R1cs(5, 1, 0, 1, 5, a.build(), b.build(), c.build(), null), dir.resolve("cubic.r1cs"));
        WtnsFile.write(Witness.of(List.of(Fr.ONE, Fr.of(35), Fr.of(3), Fr.of(9), Fr.of(27))), dir.resolve("w.wtns"));
        WtnsFile.write(Witness.of(List.of(Fr.ONE, Fr.of(36), Fr.of(3), Fr.of(9), Fr.of(27))), dir.resolve("bad.wtns"));

        CliRun pot = run("powersoftau", "new", "4", p("pot.ptau"), "--seed", "cli test");
        assertEquals(0, pot.code(), pot.err());
        assertTrue(pot.err().contains("INSECURE"), pot.err());
        ok("groth16", "setup", p("cubic.r1cs"), p("pot.ptau"), p("c0.zkey"));
        ok("zkey", "contribute", p("c0.zkey"), p("c1.zkey"), "--name", "alice", "--entropy", "c0ffee");
        ok("zkey", "beacon", p("c1.zkey"), p("c2.zkey"), "0102030405", "10", "--name", "final");
        ok("zkey", "export", "verificationkey", p("c2.zkey"), p("vk.json"));
        ok("groth16", "prove", p("c2.zkey"), p("w.wtns"), p("proof.json"), p("public.json"));
    }

    @Test
    void validProofVerifies() throws IOException {
        CliRun r = run("groth16", "verify", p("vk.json"), p("public.json"), p("proof.json"));
        assertEquals(0, r.code(), r.err());
        assertEquals("OK", r.out().strip());
        assertEquals("[\n \"35\"\n]", Files.readString(dir.resolve("public.json")).strip());
    }

    @Test
    void tamperedInputsGiveExitOne() throws IOException {
        Files.writeString(dir.resolve("public36.json"), "[\"36\"]");
        CliRun r = run("groth16", "verify", p("vk.json"), p("public36.json"), p("proof.json"));
        assertEquals(1, r.code(), r.err());
        assertEquals("INVALID proof", r.out().strip());

        // pi_a replaced by the generator (1, 2): a valid point, a wrong proof
        String proof = Files.readString(dir.resolve("proof.json"));
        String swapped = proof.replaceFirst("\"pi_a\": \\[\\s*\"\\d+\",\\s*\"\\d+\"", "\"pi_a\": [\"1\", \"2\"");
        assertFalse(proof.equals(swapped));
        Files.writeString(dir.resolve("proof_a.json"), swapped);
        assertEquals(1, run("groth16", "verify", p("vk.json"), p("public.json"), p("proof_a.json")).code());
    }

    @Test
    void malformedInputsGiveExitTwoNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("public_big.json"),
                "[\"21888242871839275222246405745257275088548364400416034343698204186575808495617\"]");
        expectMalformed("public_big.json", "groth16", "verify", p("vk.json"), p("public_big.json"), p("proof.json"));

        Files.writeString(dir.resolve("public_two.json"), "[\"35\", \"1\"]");
        expectMalformed("public_two.json", "groth16", "verify", p("vk.json"), p("public_two.json"), p("proof.json"));

        String proof = Files.readString(dir.resolve("proof.json"));
        Files.writeString(dir.resolve("proof_off.json"),
                proof.replaceFirst("\"pi_a\": \\[\\s*\"\\d+\",\\s*\"\\d+\"", "\"pi_a\": [\"1\", \"3\""));
        expectMalformed("proof_off.json", "groth16", "verify", p("vk.json"), p("public.json"), p("proof_off.json"));

        Files.writeString(dir.resolve("vk_bad.json"), "{\"protocol\": \"groth16\"");
        expectMalformed("vk_bad.json", "groth16", "verify", p("vk_bad.json"), p("public.json"), p("proof.json"));

        expectMalformed("missing.json", "groth16", "verify", p("missing.json"), p("public.json"), p("proof.json"));
        expectMalformed("bad.wtns", "groth16", "prove", p("c2.zkey"), p("bad.wtns"), p("x.json"), p("y.json"));
        expectMalformed("bad.wtns", "groth16", "prove", p("c2.zkey"), p("bad.wtns"), p("x.json"), p("y.json"),
                "--r1cs", p("cubic.r1cs"));
        expectMalformed("cubic.r1cs", "groth16", "prove", p("cubic.r1cs"), p("w.wtns"), p("x.json"), p("y.json"));
        expectMalformed("beaconHashHex", "zkey", "beacon", p("c1.zkey"), p("x.zkey"), "xyz1", "10");
        expectMalformed("numIterationsExp", "zkey", "beacon", p("c1.zkey"), p("x.zkey"), "0102", "9");
        expectMalformed("--name", "zkey", "contribute", p("c1.zkey"), p("x.zkey"));
        expectMalformed("vk.json", "groth16", "setup", p("cubic.r1cs"), p("vk.json"), p("x.zkey"));
    }

    @Test
    void proveWithoutCheckStillWritesAnInvalidProof() {
        ok("groth16", "prove", p("c2.zkey"), p("bad.wtns"), p("proof_bad.json"), p("public_bad.json"), "--no-check");
        assertEquals(1, run("groth16", "verify", p("vk.json"), p("public_bad.json"), p("proof_bad.json")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"powersoftau new", "groth16 setup", "groth16 prove", "groth16 verify", "zkey contribute",
            "zkey beacon", "zkey export verificationkey", "groth16", "zkey", "zkey export", "powersoftau"})
    void helpExitsZero(String verb) {
        String[] argv = (verb + " --help").split(" ");
        CliRun r = run(argv);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("usage: foldline " + verb), r.out());
    }

    private static void expectMalformed(String mention, String... argv) {
        CliRun r = run(argv);
        assertEquals(2, r.code(), () -> String.join(" ", argv) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
        assertTrue(r.err().contains(mention), () -> "stderr should mention " + mention + ":\n" + r.err());
        assertFalse(r.err().contains("\tat "), () -> "no stack trace for a user error:\n" + r.err());
    }
}
