package io.foldline.circuits.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.snarkjs.R1csFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {
    private static ModelCircuit.Compiled compiled;
    private static ModelCircuit.Compiled other;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        FloatModel f = TinyModels.mlp(Head.SOFTMAX, 3);
        List<double[]> cal = TinyModels.inputs(f, 32, 5, -1, 1);
        compiled = ModelCircuit.compile(Quantizer.calibrate(f, cal, QuantizerOptions.DEFAULTS).model());
        other = ModelCircuit.compile(Quantizer.calibrate(f, cal, QuantizerOptions.DEFAULTS.withInputBits(20)).model());
        assertNotEquals(compiled.circuit().r1cs().nConstraints(), other.circuit().r1cs().nConstraints());
    }

    private Path source() throws IOException {
        Path p = dir.resolve("tiny.onnx");
        Files.write(p, new byte[] {8, 7, 18, 3});
        return p;
    }

    @Test
    void writeThenLoadGivesTheSameModelAndCircuit() throws IOException {
        Path out = dir.resolve("pkg");
        ModelPackage.write(out, compiled, source(), "# report\n", false);
        for (String f : List.of("circuit.r1cs", "model.json", "model.onnx", "report.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(source()), Files.readAllBytes(out.resolve("model.onnx")));
        assertEquals("# report\n", Files.readString(out.resolve("report.md")));
        ModelPackage loaded = ModelPackage.load(out);
        assertEquals(QuantizedModelJson.write(compiled.model()), QuantizedModelJson.write(loaded.model()));
        assertEquals(compiled.circuit().r1cs(), loaded.compiled().circuit().r1cs());
        assertEquals(List.of(), leftovers(), "no temporary folders remain");
    }

    @Test
    void aFailureMidWriteLeavesNoFolder() {
        Path out = dir.resolve("pkg");
        // model.json and circuit.r1cs are written before the source is copied, which fails
        FormatException e = assertThrows(FormatException.class,
                () -> ModelPackage.write(out, compiled, dir.resolve("missing.onnx"), "r", false));
        assertTrue(e.getMessage().contains("missing.onnx"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers(), "the partial folder is removed");
    }

    @Test
    void aNonEmptyFolderNeedsForceAndIsReplacedOnlyWhenItIsAPackage() throws IOException {
        Path out = dir.resolve("pkg");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        FormatException e = assertThrows(FormatException.class,
                () -> ModelPackage.write(out, compiled, source(), "r", false));
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("--force"), e.getMessage());
        FormatException notPackage = assertThrows(FormatException.class,
                () -> ModelPackage.write(out, compiled, source(), "r", true));
        assertTrue(notPackage.getMessage().contains("not a compiled-model folder"), notPackage.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "left untouched");

        Path pkg = dir.resolve("pkg2");
        ModelPackage.write(pkg, compiled, source(), "first", false);
        Files.writeString(pkg.resolve("extra.txt"), "old");
        ModelPackage.write(pkg, other, source(), "second", true);
        assertEquals("second", Files.readString(pkg.resolve("report.md")));
        assertFalse(Files.exists(pkg.resolve("extra.txt")), "the old folder is replaced as a whole");
        assertEquals(QuantizedModelJson.write(other.model()), QuantizedModelJson.write(ModelPackage.load(pkg).model()));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anEmptyFolderIsFilled() throws IOException {
        Path out = Files.createDirectories(dir.resolve("empty"));
        ModelPackage.write(out, compiled, source(), "r", false);
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
    }

    @Test
    void aCircuitThatDoesNotMatchTheModelIsRefused() throws IOException {
        Path out = dir.resolve("pkg");
        ModelPackage.write(out, compiled, source(), "r", false);
        R1csFile.write(other.circuit().r1cs(), out.resolve("circuit.r1cs"));
        FormatException e = assertThrows(FormatException.class, () -> ModelPackage.load(out));
        assertTrue(e.getMessage().contains("circuit.r1cs does not match model.json")
                && e.getMessage().contains("recompile"), e.getMessage());
    }

    @Test
    void oneChangedWeightIsAMismatchEvenWithTheSameSizes() throws IOException {
        Path out = dir.resolve("pkg");
        ModelPackage.write(out, compiled, source(), "r", false);
        QuantizedModel m = compiled.model();
        List<QLayer> layers = new ArrayList<>(m.layers());
        QDense d = (QDense) layers.get(0);
        long[] w = d.weight().clone();
        w[0] += 1;
        layers.set(0, new QDense(d.inputs(), d.outputs(), w, d.bias(), d.weightExponent(), d.shift(), d.relu(),
                d.outExponent()));
        QuantizedModel changed = new QuantizedModel(m.name(), m.inputShape(), m.input(), layers, m.head());
        Files.writeString(out.resolve("model.json"), QuantizedModelJson.write(changed), StandardCharsets.UTF_8);
        FormatException e = assertThrows(FormatException.class, () -> ModelPackage.load(out));
        assertTrue(e.getMessage().contains("different constraints"), e.getMessage());
    }

    @Test
    void aFolderWithoutModelJsonIsNotAPackage() throws IOException {
        Path out = Files.createDirectories(dir.resolve("x"));
        FormatException e = assertThrows(FormatException.class, () -> ModelPackage.load(out));
        assertTrue(e.getMessage().contains("model.json is missing"), e.getMessage());
    }

    /** Hidden partial or old folders left in the temp dir. */
    private List<String> leftovers() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
