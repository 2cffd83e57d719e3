package io.foldline.circuits.snarkjs;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Groth16 proof in snarkjs's {@code proof.json}: members {@code pi_a}, {@code pi_b}, {@code pi_c},
 * {@code protocol: "groth16"}, {@code curve: "bn128"}, in that order, bfj-indented by one space:
 * <pre>
 * {"pi_a": [x, y, "1"], "pi_b": [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]], "pi_c": [x, y, "1"], ...}
 * </pre>
 * Reading checks that A and C lie on the curve and B in G2.
 */
public record ProofJson(G1Affine a, G2Affine b, G1Affine c) {
    public static final String PROTOCOL = "groth16";
    public static final String CURVE = "bn128";

    public ProofJson {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
    }

    public static ProofJson parse(String json, String source) {
        JsonValue v = JsonValue.parse(json, source);
        expectProtocol(v);
        return new ProofJson(JsonPoints.readG1(v.get("pi_a")), JsonPoints.readG2(v.get("pi_b")),
                JsonPoints.readG1(v.get("pi_c")));
    }

    public static ProofJson read(Path path) {
        return parse(JsonFiles.read(path), String.valueOf(path.getFileName()));
    }

    public JsonValue toJsonValue() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("pi_a", JsonPoints.g1(a));
        m.put("pi_b", JsonPoints.g2(b));
        m.put("pi_c", JsonPoints.g1(c));
        m.put("protocol", JsonValue.string(PROTOCOL));
        m.put("curve", JsonValue.string(CURVE));
        return JsonValue.object(m);
    }

    /** The exact text snarkjs writes. */
    public String toJson() {
        return JsonWriter.write(toJsonValue(), JsonWriter.SNARKJS_INDENT);
    }

    public void write(Path path) {
        JsonWriter.write(toJsonValue(), path);
    }

    static void expectProtocol(JsonValue v) {
        if (v.has("protocol") && !PROTOCOL.equals(v.get("protocol").asString())) {
            throw v.get("protocol").error("expected \"" + PROTOCOL + "\", found \"" + v.get("protocol").asString() + "\"");
        }
        if (v.has("curve") && !CURVE.equals(v.get("curve").asString())) {
            throw v.get("curve").error("expected \"" + CURVE + "\", found \"" + v.get("curve").asString() + "\"");
        }
    }
}
