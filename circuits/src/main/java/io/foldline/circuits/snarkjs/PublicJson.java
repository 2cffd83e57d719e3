package io.foldline.circuits.snarkjs;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The public signals of a proof as snarkjs writes {@code public.json}: an array of decimal strings, each
 * below r, in circom's order (public outputs, then public inputs).
 */
public record PublicJson(List<Fr> values) {
    public PublicJson {
        values = List.copyOf(values);
    }

    public static PublicJson parse(String json, String source) {
        List<Fr> out = new ArrayList<>();
        for (JsonValue e : JsonValue.parse(json, source).elements()) {
            out.add(JsonPoints.readFr(e));
        }
        return new PublicJson(out);
    }

    public static PublicJson read(Path path) {
        return parse(JsonFiles.read(path), String.valueOf(path.getFileName()));
    }

    public JsonValue toJsonValue() {
        List<JsonValue> l = new ArrayList<>();
        for (Fr v : values) {
            l.add(JsonValue.decimal(v.toBigInteger()));
        }
        return JsonValue.array(l);
    }

    public String toJson() {
        return JsonWriter.write(toJsonValue(), JsonWriter.SNARKJS_INDENT);
    }

    public void write(Path path) {
        JsonWriter.write(toJsonValue(), path);
    }
}
