package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code zkey export solidityverifier} and {@code zkey export soliditycalldata} on x^3 + x + 5 = out: the
 * contract's ABI, snarkjs's calldata layout (B's coordinates swapped from proof.json), and exit 2 naming the
 * file for malformed input. That snarkjs prints the same calldata is checked in the chain module's interop test.
 */
class SolidityExportCliTest {
    private static final String WORD = "\"0x([0-9a-f]{64})\"";
    private static final Pattern CALLDATA = Pattern.compile("\\[" + WORD + ", " + WORD + "\\],"
            + "\\[\\[" + WORD + ", " + WORD + "\\],\\[" + WORD + ", " + WORD + "\\]\\],"
            + "\\[" + WORD + ", " + WORD + "\\],\\[" + WORD + "\\]\n");

    @TempDir
    static Path dir;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void proof() {
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
        ok("powersoftau", "new", "4", p("pot.ptau"), "--seed", "solidity cli test");
        ok("groth16", "setup", p("cubic.r1cs"), p("pot.ptau"), p("c.zkey"));
        ok("groth16", "prove", p("c.zkey"), p("w.wtns"), p("proof.json"), p("public.json"));
    }

    @Test
    void verifierHasSnarkjsAbi() throws IOException {
        ok("zkey", "export", "solidityverifier", p("c.zkey"), p("v.sol"));
        String sol = Files.readString(dir.resolve("v.sol"));
        assertTrue(sol.contains("contract Groth16Verifier {"), sol);
        assertTrue(sol.replaceAll("\\s+", " ").contains("function verifyProof( uint256[2] calldata _pA, uint256[2][2] "
                + "calldata _pB, uint256[2] calldata _pC, uint256[1] calldata _pubSignals ) public view returns (bool)"), sol);
        ok("zkey", "export", "solidityverifier", p("c.zkey"), p("w.sol"), "--contract", "CubicVerifier");
        assertTrue(Files.readString(dir.resolve("w.sol")).contains("contract CubicVerifier {"));
    }

    @Test
    void calldataSwapsBAndPadsEveryWord() throws IOException {
        CliRun r = ok("zkey", "export", "soliditycalldata", p("public.json"), p("proof.json"));
        Matcher m = CALLDATA.matcher(r.out());
        assertTrue(m.matches(), r.out());
        JsonValue proof = JsonValue.parse(Files.readString(dir.resolve("proof.json")), "proof.json");
        String[] expected = {
            dec(proof.get("pi_a").get(0)), dec(proof.get("pi_a").get(1)),
            dec(proof.get("pi_b").get(0).get(1)), dec(proof.get("pi_b").get(0).get(0)),
            dec(proof.get("pi_b").get(1).get(1)), dec(proof.get("pi_b").get(1).get(0)),
            dec(proof.get("pi_c").get(0)), dec(proof.get("pi_c").get(1)),
            "35"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(new BigInteger(expected[i]), new BigInteger(m.group(i + 1), 16), "word " + i);
        }
    }

    @Test
    void malformedInputsGiveExitTwoNamingTheFile() throws IOException {
        String proof = Files.readString(dir.resolve("proof.json"));
        Files.writeString(dir.resolve("proof_off.json"),
                proof.replaceFirst("\"pi_a\": \\[\\s*\"\\d+\",\\s*\"\\d+\"", "\"pi_a\": [\"1\", \"3\""));
        expectMalformed("proof_off.json", "zkey", "export", "soliditycalldata", p("public.json"), p("proof_off.json"));
        Files.writeString(dir.resolve("proof_cut.json"), proof.substring(0, proof.length() / 2));
        expectMalformed("proof_cut.json", "zkey", "export", "soliditycalldata", p("public.json"), p("proof_cut.json"));
        Files.writeString(dir.resolve("public_big.json"),
                "[\"21888242871839275222246405745257275088548364400416034343698204186575808495617\"]");
        expectMalformed("public_big.json", "zkey", "export", "soliditycalldata", p("public_big.json"), p("proof.json"));
        Files.writeString(dir.resolve("public_none.json"), "[]");
        expectMalformed("public_none.json", "zkey", "export", "soliditycalldata", p("public_none.json"), p("proof.json"));
        expectMalformed("missing.json", "zkey", "export", "soliditycalldata", p("missing.json"), p("proof.json"));

        Files.write(dir.resolve("bad.zkey"), new byte[] {'z', 'k', 'e', 'y', 1, 0, 0, 0});
        expectMalformed("bad.zkey", "zkey", "export", "solidityverifier", p("bad.zkey"), p("x.sol"));
        expectMalformed("not a name", "zkey", "export", "solidityverifier", p("c.zkey"), p("x.sol"),
                "--contract", "not a name");
        assertFalse(Files.exists(dir.resolve("x.sol")), "nothing written on error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zkey export solidityverifier", "zkey export soliditycalldata"})
    void helpExitsZero(String verb) {
        CliRun r = run((verb + " --help").split(" "));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("usage: foldline " + verb), r.out());
    }

    private static String dec(JsonValue v) {
        return v.asString();
    }

    private static void expectMalformed(String mention, String... argv) {
        CliRun r = run(argv);
        assertEquals(2, r.code(), () -> String.join(" ", argv) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
        assertTrue(r.err().contains(mention), () -> "stderr should mention " + mention + ":\n" + r.err());
        assertFalse(r.err().contains("\tat "), () -> "no stack trace for a user error:\n" + r.err());
    }
}
