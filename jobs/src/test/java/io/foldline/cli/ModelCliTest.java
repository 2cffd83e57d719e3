package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model verbs as a user types them, on the small digits MLP fixture (64 inputs, 10 logits, no head):
 * compile, witness, eval, and every kind of bad input giving exit 2, a message naming the problem, no
 * stack trace, and no half-written output folder.
 */
class ModelCliTest {
    private static final Path MODELS = Path.of("../circuits/src/test/resources/models");
    private static final int LOGITS = 10;

    @TempDir
    static Path dir;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    static String fixture(String name) {
        return MODELS.resolve(name).toString();
    }

    @BeforeAll
    static void compile() {
        CliRun r = ok("model", "compile", fixture("digits_mlp.onnx"), "--calibration",
                fixture("digits_mlp.calibration.json"), "--out", p("digits"));
        assertTrue(r.out().contains("constraints:") && r.out().contains("report.md"), r.out());
    }

    /** The first test row as an input file, with {@code change} applied to it and the given extra members. */
    private static Path request(String name, int drop, double replace, String extra) throws IOException {
        JsonValue test = JsonValue.parse(Files.readString(MODELS.resolve("digits_mlp.test.json")), "test");
        List<JsonValue> row = test.get("inputs").elements().get(0).elements();
        String values = row.stream().skip(drop).map(v -> String.valueOf(v.asNumber().doubleValue()))
                .collect(Collectors.joining(", "));
        if (!Double.isNaN(replace)) {
            values = replace + values.substring(values.indexOf(','));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"input\": [" + values + "]" + extra + "}");
        return p;
    }

    @Test
    void compileWritesTheWholePackage() {
        for (String f : List.of("circuit.r1cs", "model.json", "model.onnx", "report.md")) {
            assertTrue(Files.isRegularFile(dir.resolve("digits").resolve(f)), f);
        }
        assertTrue(R1csFile.read(dir.resolve("digits/circuit.r1cs")).nConstraints() > 0);
    }

    @Test
    void witnessWritesTheWitnessAndPublicSignalsWithTheTagLast() throws IOException {
        Path in = request("row.json", 0, Double.NaN, ", \"tag\": \"77\"");
        CliRun r = ok("model", "witness", p("digits"), in.toString(), p("w.wtns"), p("public.json"));
        assertTrue(Files.isRegularFile(dir.resolve("w.wtns")));
        List<Fr> pub = PublicJson.read(dir.resolve("public.json")).values();
        assertEquals(1 + LOGITS + 1, pub.size(), "commitment, 10 logits, tag (no head, so no class)");
        assertEquals(Fr.of(77), pub.get(pub.size() - 1));
        assertEquals(R1csFile.read(dir.resolve("digits/circuit.r1cs")).nWires(), WtnsFile.read(dir.resolve("w.wtns")).size());
        assertTrue(r.out().contains("logits (dequantized)"), r.out());
        Path salt = dir.resolve("public.salt");
        assertTrue(Files.isRegularFile(salt) && r.out().contains("public.salt"), "a drawn salt is kept: " + r.out());
        assertFalse(r.out().contains(Files.readString(salt).strip()), "the secret salt is not printed");
    }

    @Test
    void theSameSaltGivesTheSameCommitment() throws IOException {
        Path in = request("salted.json", 0, Double.NaN, ", \"salt\": \"0x1234\"");
        ok("model", "witness", p("digits"), in.toString(), p("s1.wtns"), p("s1.json"));
        ok("model", "witness", p("digits"), in.toString(), p("s2.wtns"), p("s2.json"));
        assertEquals(PublicJson.read(dir.resolve("s1.json")), PublicJson.read(dir.resolve("s2.json")));
        assertFalse(Files.exists(dir.resolve("s1.salt")), "no salt file when the input has a salt");
    }

    @Test
    void evalPrintsBothAccuracies() {
        CliRun r = ok("model", "eval", p("digits"), fixture("digits_mlp.test.json"));
        assertTrue(r.out().contains("float accuracy (onnxruntime):") && r.out().contains("quantized accuracy"), r.out());
        assertTrue(r.out().contains("(360 inputs") || r.out().contains("/360)"), r.out());
        assertFalse(r.out().contains("n/a"), r.out());
    }

    @Test
    void evalWithoutLabelsSaysSo() throws IOException {
        Path data = dir.resolve("unlabelled.json");
        String row = Files.readString(request("u.json", 0, Double.NaN, ""));
        Files.writeString(data, "{\"inputs\": [" + row.substring(row.indexOf('['), row.lastIndexOf(']') + 1) + "]}");
        CliRun r = ok("model", "eval", p("digits"), data.toString());
        assertTrue(r.out().contains("n/a (no labels)") && r.out().contains("class agreement"), r.out());
    }

    @Test
    void anUnsupportedOpIsNamed() {
        expectUserError(List.of("Tanh"), "tanh_out", "model", "compile", fixture("unsupported_tanh.onnx"),
                "--calibration", fixture("digits_mlp.calibration.json"), "--out", p("tanh_out"));
    }

    @Test
    void aMalformedOnnxFileIsNamed() throws IOException {
        byte[] junk = new byte[300];
        new Random(3).nextBytes(junk);
        Files.write(dir.resolve("junk.onnx"), junk);
        expectUserError(List.of("junk.onnx"), "junk_out", "model", "compile", p("junk.onnx"),
                "--calibration", fixture("digits_mlp.calibration.json"), "--out", p("junk_out"));
    }

    @Test
    void calibrationOfTheWrongShapeIsNamed() throws IOException {
        Files.writeString(dir.resolve("cal3.json"), "{\"inputs\": [[1, 2, 3]]}");
        expectUserError(List.of("cal3.json", "inputs[0] has 3 values"), "cal3_out", "model", "compile",
                fixture("digits_mlp.onnx"), "--calibration", p("cal3.json"), "--out", p("cal3_out"));
    }

    @Test
    void anInputOfTheWrongShapeIsNamed() throws IOException {
        Path in = request("short.json", 1, Double.NaN, "");
        expectUserError(List.of("short.json", "63 values"), null, "model", "witness", p("digits"), in.toString(),
                p("x.wtns"), p("x.json"));
        assertFalse(Files.exists(dir.resolve("x.wtns")) || Files.exists(dir.resolve("x.json")));
    }

    @Test
    void anInputOutsideTheCalibratedRangeIsNamed() throws IOException {
        Path in = request("huge.json", 0, 1e6, "");
        expectUserError(List.of("huge.json", "input[0]", "outside the range"), null, "model", "witness",
                p("digits"), in.toString(), p("y.wtns"), p("y.json"));
        assertFalse(Files.exists(dir.resolve("y.wtns")) || Files.exists(dir.resolve("y.json")));
    }

    @Test
    void aNonEmptyOutFolderNeedsForce() throws IOException {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "x");
        expectUserError(List.of(out.toString(), "--force"), null, "model", "compile", fixture("digits_mlp.onnx"),
                "--calibration", fixture("digits_mlp.calibration.json"), "--out", out.toString());
        assertEquals(List.of("keep.txt"), Files.list(out).map(q -> q.getFileName().toString()).toList());
    }

    @Test
    void aFolderThatIsNotAPackageIsNamed() {
        expectUserError(List.of("model.json is missing"), null, "model", "eval", dir.toString(),
                fixture("digits_mlp.test.json"));
    }

    @Test
    void everyVerbHasHelpWithAnExample() {
        for (String verb : List.of("compile", "witness", "eval")) {
            CliRun r = ok("model", verb, "--help");
            assertTrue(r.out().contains("example: foldline model " + verb), r.out());
        }
    }

    private static void expectUserError(List<String> mentions, String mustNotExist, String... argv) {
        CliRun r = run(argv);
        assertEquals(2, r.code(), () -> String.join(" ", argv) + "\n" + r.err());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), () -> "should name " + m + ":\n" + r.err());
        }
        assertFalse(r.err().contains("\tat "), () -> "no stack trace for a user error:\n" + r.err());
        if (mustNotExist != null) {
            assertFalse(Files.exists(dir.resolve(mustNotExist)), mustNotExist + " must not be half-written");
        }
    }
}
