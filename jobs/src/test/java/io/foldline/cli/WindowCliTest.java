package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.DeciderCircuit;
import io.foldline.aggregation.RelaxedR1cs;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window verbs as a user types them, on the smallest fixture model (credit_logreg: 30 inputs, one
 * logit and its class): setup on an insecure test ptau, prove three rows, verify; then every way the files
 * can be wrong. Slow: the decider of even this model is about 68k constraints (a ptau of power 17 and a
 * Groth16 setup of a minute or two on a small machine).
 */
@Tag("slow")
class WindowCliTest {
    private static final Path MODELS = Path.of("../circuits/src/test/resources/models");
    private static final String DATASET = "credit_logreg.test.json";
    private static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
    private static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");
    private static final int ROWS = 3;

    @TempDir
    static Path dir;
    static int power;
    static byte[] proof;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void setupAndProve() throws IOException {
        ok("model", "compile", MODELS.resolve("credit_logreg.onnx").toString(), "--calibration",
                MODELS.resolve("credit_logreg.calibration.json").toString(), "--out", p("credit"));
        // the power Groth16 needs for the decider: 2^power >= constraints + public signals + 1
        CompiledCircuit decider = DeciderCircuit.compile(
                new RelaxedR1cs(R1csFile.read(dir.resolve("credit/circuit.r1cs"))));
        int rows = decider.nConstraints() + decider.r1cs().nPublic() + 1;
        power = 32 - Integer.numberOfLeadingZeros(rows - 1);
        TestPowersOfTau.write(dir.resolve("pot.ptau"), power, "window cli test");
        CliRun s = ok("window", "setup", p("credit"), p("pot.ptau"), p("credit/window"));
        assertTrue(s.out().contains("window keys of credit_logreg"), s.out());
        CliRun r = ok("window", "prove", p("credit"), MODELS.resolve(DATASET).toString(), p("w.proof"),
                "--limit", String.valueOf(ROWS));
        assertTrue(r.out().contains("window of " + ROWS + " inferences"), r.out());
        assertTrue(r.err().contains("fold " + ROWS + "/" + ROWS), r.err());
        proof = Files.readAllBytes(dir.resolve("w.proof"));
    }

    @Test
    void setupWritesTheFourFilesAndNothingElse() throws IOException {
        try (var s = Files.list(dir.resolve("credit/window"))) {
            assertEquals(List.of("commitment_key.bin", "decider.zkey", "verification_key.json", "window_vk.bin"),
                    s.map(f -> f.getFileName().toString()).sorted().toList());
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no hidden leftovers");
        }
    }

    @Test
    void theWindowVerifies() {
        CliRun r = run("window", "verify", p("credit/window"), p("w.proof"));
        assertEquals(0, r.code(), r.err());
        assertEquals("OK", r.out().strip());
    }

    @Test
    void publicJsonListsTheRowsTagsAndTheOutputsModelWitnessComputes() throws IOException {
        JsonValue pub = JsonValue.parse(Files.readString(dir.resolve("w.proof.public.json")), "public");
        List<JsonValue> instances = pub.get("instances").elements();
        assertEquals(ROWS, instances.size());
        for (int i = 0; i < ROWS; i++) {
            assertEquals(tag(DATASET + "#" + i).toString(), instances.get(i).get("tag").asString(), "row " + i);
        }
        // the same row through 'model witness': its outputs must be what the window proved
        JsonValue test = JsonValue.parse(Files.readString(MODELS.resolve(DATASET)), "test");
        String row1 = test.get("inputs").elements().get(1).elements().stream()
                .map(v -> v.asNumber().toPlainString()).collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("row1.json"), "{\"input\": [" + row1 + "], \"salt\": \"5\"}");
        ok("model", "witness", p("credit"), p("row1.json"), p("row1.wtns"), p("row1.public.json"));
        List<Fr> single = PublicJson.read(dir.resolve("row1.public.json")).values();
        List<String> expected = single.subList(1, single.size() - 1).stream()
                .map(f -> f.toBigInteger().toString()).toList();
        assertEquals(expected, instances.get(1).get("outputs").elements().stream().map(JsonValue::asString).toList());
        assertFalse(instances.get(1).get("h_in").asString().equals(single.getFirst().toBigInteger().toString()),
                "a fresh random salt, not the one of row1.json");
    }

    @Test
    void aChangedInputCommitmentDoesNotVerify() throws IOException {
        byte[] b = proof.clone();
        b[xOffset(1, 0) + 31] ^= 1; // h_in of instance 1, still below r
        assertEquals(1, verify(b, "h_in.proof").code());
    }

    @Test
    void anotherFoldCommitmentOnTheCurveDoesNotVerify() throws IOException {
        byte[] b = proof.clone();
        int y = instanceOffset(1) + 32; // K_1 -> -K_1: p - y
        BigInteger negated = P.subtract(new BigInteger(1, Arrays.copyOfRange(b, y, y + 32)));
        byte[] word = negated.toByteArray();
        Arrays.fill(b, y, y + 32, (byte) 0);
        System.arraycopy(word, Math.max(0, word.length - 32), b, y + 32 - Math.min(32, word.length),
                Math.min(32, word.length));
        CliRun r = verify(b, "neg.proof");
        assertEquals(1, r.code(), r.err());
        assertEquals("INVALID window proof", r.out().strip());
    }

    @Test
    void aCommitmentOffTheCurveIsMalformedAndNamed() throws IOException {
        byte[] b = proof.clone();
        b[instanceOffset(0) + 31] ^= 1; // K_0.x
        CliRun r = verify(b, "off.proof");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("off.proof") && r.err().contains("instance[0].K"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aTruncatedFileIsMalformedAndNamesTheLength() throws IOException {
        CliRun r = verify(Arrays.copyOf(proof, proof.length - 1), "short.proof");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("short.proof") && r.err().contains("length") && r.err().contains("truncated"),
                r.err());
    }

    @Test
    void aMissingKeysFolderNamesBothFoldersAndTheSetup() {
        CliRun r = run("window", "prove", p("credit"), MODELS.resolve(DATASET).toString(), p("x.proof"), "--keys",
                p("nokeys"), "--limit", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(p("nokeys")) && r.err().contains(p("credit"))
                && r.err().contains("foldline window setup"), r.err());
        assertFalse(Files.exists(dir.resolve("x.proof")));
        CliRun v = run("window", "verify", p("nokeys"), p("w.proof"));
        assertEquals(2, v.code());
        assertTrue(v.err().contains(p("nokeys")), v.err());
    }

    @Test
    void aPtauTooSmallNamesThePowerNeededAndWritesNothing() {
        TestPowersOfTau.write(dir.resolve("pot4.ptau"), 4, "too small");
        CliRun r = run("window", "setup", p("credit"), p("pot4.ptau"), p("small-keys"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pot4.ptau") && r.err().contains("need power " + power), r.err());
        assertFalse(Files.exists(dir.resolve("small-keys")));
    }

    @Test
    void setupRefusesAFolderInUse() {
        CliRun r = run("window", "setup", p("credit"), p("pot.ptau"), p("credit"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not empty"), r.err());
    }

    private static CliRun verify(byte[] bytes, String name) throws IOException {
        Files.write(dir.resolve(name), bytes);
        return run("window", "verify", p("credit/window"), p(name));
    }

    /** Number of public signals, from the header (bytes 8..12). */
    private static int nPublic() {
        return ((proof[8] & 0xff) << 24) | ((proof[9] & 0xff) << 16) | ((proof[10] & 0xff) << 8) | (proof[11] & 0xff);
    }

    /** Offset of instance i's K (the layout of the aggregation package's documentation). */
    private static int instanceOffset(int i) {
        int n = nPublic();
        return 16 + 96 + 32 * n + i * (128 + 32 * n);
    }

    private static int xOffset(int instance, int j) {
        return instanceOffset(instance) + 64 + 32 * j;
    }

    /** keccak256 of the UTF-8 id, mod r. */
    private static BigInteger tag(String id) {
        return new BigInteger(1, Keccak256.digest(id.getBytes(StandardCharsets.UTF_8))).mod(R);
    }
}
