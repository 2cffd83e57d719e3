package io.foldline.circuits.json;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable JSON value. Values that come from {@link #parse} know their source name and their path
 * ({@code pi_a[1]}, {@code vk_beta_2[0][1]}), so every typed accessor fails with a {@link FormatException}
 * that says where and what: {@code "proof.json: pi_a[1]: not a decimal integer"}. Objects keep their key
 * order. Numbers are kept exactly (BigDecimal).
 */
public final class JsonValue {
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    public static final JsonValue NULL = new JsonValue(Kind.NULL, null, "", "");
    public static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE, "", "");
    public static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE, "", "");

    private final Kind kind;
    private final Object value; // Map<String, JsonValue>, List<JsonValue>, String, BigDecimal, Boolean, null
    private final String source;
    private final String path;

    JsonValue(Kind kind, Object value, String source, String path) {
        this.kind = kind;
        this.value = value;
        this.source = source;
        this.path = path;
    }

    /** Parses a whole document; {@code source} (a file name) prefixes every error message. */
    public static JsonValue parse(String text, String source) {
        return new JsonParser(text, source).parseDocument();
    }

    /** Reads and parses a whole file; errors name the file (its name, as {@link #parse}'s source). */
    public static JsonValue read(Path file) {
        try {
            return parse(Files.readString(file), String.valueOf(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static JsonValue string(String s) {
        return new JsonValue(Kind.STRING, Objects.requireNonNull(s), "", "");
    }

    public static JsonValue number(long v) {
        return new JsonValue(Kind.NUMBER, BigDecimal.valueOf(v), "", "");
    }

    public static JsonValue number(BigDecimal v) {
        return new JsonValue(Kind.NUMBER, Objects.requireNonNull(v), "", "");
    }

    /** A decimal string, the way snarkjs writes field elements and big integers. */
    public static JsonValue decimal(BigInteger v) {
        return string(v.toString());
    }

    public static JsonValue array(List<JsonValue> elements) {
        return new JsonValue(Kind.ARRAY, List.copyOf(elements), "", "");
    }

    public static JsonValue array(JsonValue... elements) {
        return array(List.of(elements));
    }

    /** An object with the given members in iteration order. */
    public static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(new LinkedHashMap<>(members)), "", "");
    }

    public Kind kind() {
        return kind;
    }

    /** Where this value sits in its document, e.g. {@code IC[2][0]}; empty for the root. */
    public String path() {
        return path;
    }

    public FormatException error(String what) {
        String where = source.isEmpty() ? "" : source + ": ";
        return new FormatException(where + (path.isEmpty() ? "(document)" : path) + ": " + what);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean has(String key) {
        return members().containsKey(key);
    }

    /** The member {@code key} of this object (missing is an error). */
    public JsonValue get(String key) {
        JsonValue v = members().get(key);
        if (v == null) {
            throw error("missing member \"" + key + "\"");
        }
        return v;
    }

    /** Element {@code i} of this array. */
    public JsonValue get(int i) {
        List<JsonValue> l = elements();
        if (i < 0 || i >= l.size()) {
            throw error("expected an element at index " + i + ", array has " + l.size());
        }
        return l.get(i);
    }

    public int size() {
        return kind == Kind.OBJECT ? members().size() : elements().size();
    }

    @SuppressWarnings("unchecked")
    public List<JsonValue> elements() {
        expect(Kind.ARRAY);
        return (List<JsonValue>) value;
    }

    /** This array, which must have exactly {@code n} elements. */
    public List<JsonValue> elements(int n) {
        List<JsonValue> l = elements();
        if (l.size() != n) {
            throw error("expected an array of " + n + " elements, found " + l.size());
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    public Map<String, JsonValue> members() {
        expect(Kind.OBJECT);
        return (Map<String, JsonValue>) value;
    }

    public String asString() {
        expect(Kind.STRING);
        return (String) value;
    }

    public BigDecimal asNumber() {
        expect(Kind.NUMBER);
        return (BigDecimal) value;
    }

    public boolean asBoolean() {
        expect(Kind.BOOLEAN);
        return (Boolean) value;
    }

    /** A non-negative integer written as a decimal string ("123", as snarkjs writes big integers). */
    public BigInteger asDecimalInteger() {
        if (kind != Kind.STRING || !DECIMAL.matcher((String) value).matches()) {
            throw error("not a decimal integer" + (kind == Kind.STRING ? " (\"" + abbreviate((String) value) + "\")"
                    : " (found " + kind.name().toLowerCase() + ")"));
        }
        return new BigInteger((String) value);
    }

    /** A JSON number that is an integer in [min, max]. */
    public long asLong(long min, long max) {
        BigDecimal d = asNumber();
        try {
            long v = d.longValueExact();
            if (v < min || v > max) {
                throw error("integer " + v + " outside [" + min + ", " + max + "]");
            }
            return v;
        } catch (ArithmeticException e) {
            throw error("not an integer: " + d.toPlainString());
        }
    }

    /** An array of decimal-string integers. */
    public List<BigInteger> asDecimalIntegers() {
        List<BigInteger> out = new ArrayList<>();
        for (JsonValue v : elements()) {
            out.add(v.asDecimalInteger());
        }
        return out;
    }

    private void expect(Kind k) {
        if (kind != k) {
            throw error("expected " + article(k) + ", found " + article(kind));
        }
    }

    private static String article(Kind k) {
        return switch (k) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "a " + k.name().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Structural equality (kind and content; number scale ignored), independent of source and path. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JsonValue v) || v.kind != kind) {
            return false;
        }
        if (kind == Kind.NUMBER) {
            return ((BigDecimal) value).compareTo((BigDecimal) v.value) == 0;
        }
        return Objects.equals(value, v.value);
    }

    @Override
    public int hashCode() {
        return kind == Kind.NUMBER ? ((BigDecimal) value).stripTrailingZeros().hashCode() : Objects.hashCode(value);
    }

    /** Compact JSON; see {@link JsonWriter} for snarkjs's indented layout. */
    @Override
    public String toString() {
        return JsonWriter.write(this, -1);
    }
}
