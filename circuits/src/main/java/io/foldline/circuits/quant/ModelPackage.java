package io.foldline.circuits.quant;

import io.foldline.circuits.AtomicFolder;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.R1csFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A compiled-model folder, what {@code foldline model compile} writes and the other model verbs read:
 * {@code model.json} (the quantized model, the source of truth), {@code circuit.r1cs} (its circuit, for
 * snarkjs and the Groth16 setup), {@code model.onnx} (a copy of the float model, so that evaluation can
 * run it with onnxruntime) and {@code report.md} ({@link ModelReport}).
 *
 * <p>Writing is all or nothing: the files go into a fresh hidden sibling folder, which is renamed onto the
 * target only when complete, so a failure never leaves a half-written package under the real name. An
 * existing target is replaced only with {@code force} and only when it is empty or itself a package (it
 * has a {@code model.json}), and only after the new one is complete.
 */
public record ModelPackage(Path dir, ModelCircuit.Compiled compiled) {
    public static final String CIRCUIT = "circuit.r1cs";
    public static final String MODEL = "model.json";
    public static final String SOURCE = "model.onnx";
    public static final String REPORT = "report.md";

    public QuantizedModel model() {
        return compiled.model();
    }

    /** The copy of the float ONNX model the package was compiled from. */
    public Path source() {
        return dir.resolve(SOURCE);
    }

    public Path report() {
        return dir.resolve(REPORT);
    }

    /**
     * Fails unless {@code out} can receive a package: it does not exist, is an empty folder, or (with
     * {@code force}) is a folder holding an earlier package. Called before the expensive work, and again by
     * {@link #write}.
     */
    public static void checkTarget(Path out, boolean force) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new FormatException(out + ": exists and is not a folder; choose another --out");
        }
        if (AtomicFolder.isEmpty(out)) {
            return;
        }
        if (!force) {
            throw new FormatException(out + ": folder exists and is not empty; pass --force to replace it");
        }
        if (!Files.isRegularFile(out.resolve(MODEL))) {
            throw new FormatException(out + ": not a compiled-model folder (no " + MODEL
                    + "); --force replaces only an earlier package, so remove it yourself if you mean to");
        }
    }

    /**
     * Writes the package of {@code compiled} to {@code out}, with a copy of {@code source} and the report
     * text; nothing appears under {@code out} unless every file was written.
     */
    public static ModelPackage write(Path out, ModelCircuit.Compiled compiled, Path source, String report,
                                     boolean force) {
        checkTarget(out, force);
        AtomicFolder.write(out, tmp -> {
            QuantizedModelJson.write(compiled.model(), tmp.resolve(MODEL));
            R1csFile.write(compiled.circuit().r1cs(), tmp.resolve(CIRCUIT));
            copySource(source, tmp.resolve(SOURCE));
            Files.writeString(tmp.resolve(REPORT), report, StandardCharsets.UTF_8);
        }, () -> checkTarget(out, force)); // it may have changed while we compiled
        return new ModelPackage(out, compiled);
    }

    private static void copySource(Path source, Path to) throws IOException {
        try {
            Files.copy(source, to);
        } catch (NoSuchFileException e) {
            throw new FormatException(source + ": no such file", e);
        }
    }

    /**
     * Reads a package: {@code model.json}, then recompiles the circuit and requires it to equal
     * {@code circuit.r1cs}, so that a witness computed here fits the key a user set up from that file.
     */
    public static ModelPackage load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir + ": no such folder (expected the --out folder of 'model compile')");
        }
        for (String f : new String[] {MODEL, CIRCUIT}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new FormatException(dir + ": not a compiled-model folder: " + f + " is missing");
            }
        }
        QuantizedModel model = QuantizedModelJson.read(dir.resolve(MODEL));
        ModelCircuit.Compiled compiled = ModelCircuit.compile(model);
        R1cs stored = R1csFile.read(dir.resolve(CIRCUIT));
        String mismatch = difference(compiled.circuit().r1cs(), stored);
        if (mismatch != null) {
            throw new FormatException(dir.resolve(CIRCUIT) + " does not match " + MODEL + " (" + mismatch
                    + "): recompile the model with 'foldline model compile'");
        }
        return new ModelPackage(dir, compiled);
    }

    /** What differs between the circuit of model.json and the stored one, or null when nothing does. */
    static String difference(R1cs expected, R1cs stored) {
        if (expected.nConstraints() != stored.nConstraints()) {
            return stored.nConstraints() + " constraints, model.json compiles to " + expected.nConstraints();
        }
        if (expected.nWires() != stored.nWires()) {
            return stored.nWires() + " wires, model.json compiles to " + expected.nWires();
        }
        if (expected.nPubOut() != stored.nPubOut() || expected.nPubIn() != stored.nPubIn()
                || expected.nPrvIn() != stored.nPrvIn()) {
            return stored.nPublic() + " public signals and " + stored.nPrvIn() + " private inputs, model.json "
                    + "compiles to " + expected.nPublic() + " and " + expected.nPrvIn();
        }
        if (!expected.a().equals(stored.a()) || !expected.b().equals(stored.b()) || !expected.c().equals(stored.c())) {
            return "the same sizes but different constraints";
        }
        for (int w = 0; w < expected.nWires(); w++) {
            if (expected.label(w) != stored.label(w)) {
                return "wire " + w + " has label " + stored.label(w) + ", expected " + expected.label(w);
            }
        }
        return null;
    }
}
