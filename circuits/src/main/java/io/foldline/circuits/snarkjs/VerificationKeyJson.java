package io.foldline.circuits.snarkjs;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import io.foldline.crypto.bn254.Fq12;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Groth16 verification key as {@code snarkjs zkey export verificationkey} writes it: members
 * {@code protocol, curve, nPublic, vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, vk_alphabeta_12, IC}
 * in that order. {@code vk_alphabeta_12} is e(alpha, beta) in Fq12, computed on writing and checked on
 * reading; {@code nPublic} must equal the number of IC points minus one.
 */
public record VerificationKeyJson(G1Affine alpha1, G2Affine beta2, G2Affine gamma2, G2Affine delta2,
                                  List<G1Affine> ic) {
    public VerificationKeyJson {
        Objects.requireNonNull(alpha1, "alpha1");
        Objects.requireNonNull(beta2, "beta2");
        Objects.requireNonNull(gamma2, "gamma2");
        Objects.requireNonNull(delta2, "delta2");
        ic = List.copyOf(ic);
        if (ic.isEmpty()) {
            throw new IllegalArgumentException("IC needs at least the constant term");
        }
    }

    /** The verification key inside a proving key. */
    public static VerificationKeyJson of(Zkey z) {
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= z.nPublic(); i++) {
            ic.add(G1Affine.fromLimbs(z.ic(), 8 * i));
        }
        return new VerificationKeyJson(G1Affine.fromLimbs(z.alpha1(), 0), Points.g2(z.beta2(), 0),
                Points.g2(z.gamma2(), 0), Points.g2(z.delta2(), 0), ic);
    }

    public int nPublic() {
        return ic.size() - 1;
    }

    public Fq12 alphaBeta() {
        return Pairing.pair(alpha1, beta2);
    }

    public static VerificationKeyJson parse(String json, String source) {
        JsonValue v = JsonValue.parse(json, source);
        ProofJson.expectProtocol(v);
        List<G1Affine> ic = JsonPoints.readG1s(v.get("IC"));
        if (ic.isEmpty()) {
            throw v.get("IC").error("expected at least one point");
        }
        if (v.has("nPublic") && v.get("nPublic").asLong(0, Integer.MAX_VALUE) != ic.size() - 1) {
            throw v.get("nPublic").error(v.get("nPublic").asNumber() + " public inputs but IC has " + ic.size()
                    + " points (expected nPublic + 1)");
        }
        VerificationKeyJson vk = new VerificationKeyJson(JsonPoints.readG1(v.get("vk_alpha_1")),
                JsonPoints.readG2(v.get("vk_beta_2")), JsonPoints.readG2(v.get("vk_gamma_2")),
                JsonPoints.readG2(v.get("vk_delta_2")), ic);
        if (v.has("vk_alphabeta_12") && !JsonPoints.readFq12(v.get("vk_alphabeta_12")).equals(vk.alphaBeta())) {
            throw v.get("vk_alphabeta_12").error("is not e(vk_alpha_1, vk_beta_2)");
        }
        return vk;
    }

    public static VerificationKeyJson read(Path path) {
        return parse(JsonFiles.read(path), String.valueOf(path.getFileName()));
    }

    public JsonValue toJsonValue() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("protocol", JsonValue.string(ProofJson.PROTOCOL));
        m.put("curve", JsonValue.string(ProofJson.CURVE));
        m.put("nPublic", JsonValue.number(nPublic()));
        m.put("vk_alpha_1", JsonPoints.g1(alpha1));
        m.put("vk_beta_2", JsonPoints.g2(beta2));
        m.put("vk_gamma_2", JsonPoints.g2(gamma2));
        m.put("vk_delta_2", JsonPoints.g2(delta2));
        m.put("vk_alphabeta_12", JsonPoints.fq12(alphaBeta()));
        List<JsonValue> l = new ArrayList<>();
        for (G1Affine p : ic) {
            l.add(JsonPoints.g1(p));
        }
        m.put("IC", JsonValue.array(l));
        return JsonValue.object(m);
    }

    public String toJson() {
        return JsonWriter.write(toJsonValue(), JsonWriter.SNARKJS_INDENT);
    }

    public void write(Path path) {
        JsonWriter.write(toJsonValue(), path);
    }
}
