package io.foldline.circuits.quant;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.json.JsonValue;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The two JSON documents users hand to the model commands (README, "Model files"): an input
 * {@code {"input": [...], "salt": "...", "tag": "..."}} and a dataset or calibration set
 * {@code {"inputs": [[...], ...], "labels": [...]}}. Floats are flattened row-major in the model's input
 * shape. Salt and tag are field elements given as a decimal string, a {@code 0x} hex string or a JSON
 * integer, below the BN254 scalar field modulus r.
 */
public final class ModelInputs {
    private ModelInputs() {
    }

    /** One inference request: the float input, its commitment salt and its tag. */
    public record Request(double[] input, Fr salt, Fr tag) {
    }

    /** Inputs and, when the file has them, one label per input (else null). */
    public record Dataset(List<double[]> inputs, int[] labels) {
    }

    /** Reads an input file; a missing salt is drawn from {@code rng}, a missing tag is 0. */
    public static Request readRequest(Path file, RandomGenerator rng) {
        JsonValue root = parse(file);
        double[] input = floats(root.get("input"));
        Fr salt = root.has("salt") ? field(root.get("salt")) : Fr.random(rng);
        Fr tag = root.has("tag") ? field(root.get("tag")) : Fr.ZERO;
        return new Request(input, salt, tag);
    }

    public static Dataset readDataset(Path file) {
        JsonValue root = parse(file);
        List<double[]> inputs = new ArrayList<>();
        for (JsonValue row : root.get("inputs").elements()) {
            inputs.add(floats(row));
        }
        if (inputs.isEmpty()) {
            throw root.get("inputs").error("no inputs");
        }
        int[] labels = null;
        if (root.has("labels") && !root.get("labels").isNull()) {
            List<JsonValue> l = root.get("labels").elements();
            if (l.size() != inputs.size()) {
                throw root.get("labels").error(l.size() + " labels for " + inputs.size() + " inputs");
            }
            labels = new int[l.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) l.get(i).asLong(0, Integer.MAX_VALUE);
            }
        }
        return new Dataset(inputs, labels);
    }

    /** Checks that every input has {@code size} values, naming the first that does not. */
    public static void requireSize(Dataset d, int size, Path file, String model) {
        for (int i = 0; i < d.inputs().size(); i++) {
            if (d.inputs().get(i).length != size) {
                throw new FormatException(file + ": inputs[" + i + "] has " + d.inputs().get(i).length
                        + " values; model " + model + " takes " + size);
            }
        }
    }

    private static JsonValue parse(Path file) {
        try {
            return JsonValue.parse(Files.readString(file, StandardCharsets.UTF_8), String.valueOf(file));
        } catch (IOException e) {
            throw new FormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static double[] floats(JsonValue v) {
        List<JsonValue> l = v.elements();
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            double d = l.get(i).asNumber().doubleValue();
            if (!Double.isFinite(d)) {
                throw l.get(i).error("not a finite number");
            }
            out[i] = d;
        }
        return out;
    }

    private static Fr field(JsonValue v) {
        BigInteger x;
        if (v.kind() == JsonValue.Kind.NUMBER) {
            try {
                x = v.asNumber().toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw v.error("not an integer");
            }
        } else {
            String s = v.asString().trim();
            try {
                x = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
            } catch (NumberFormatException e) {
                throw v.error("not a decimal or 0x-hex integer: \"" + s + "\"");
            }
        }
        if (x.signum() < 0 || x.compareTo(Fr.MODULUS) >= 0) {
            throw v.error("must be in [0, r) where r is the BN254 scalar field modulus");
        }
        return Fr.of(x);
    }
}
