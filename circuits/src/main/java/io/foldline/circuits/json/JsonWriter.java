package io.foldline.circuits.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON the way snarkjs's CLI does (bfj with {@code space: 1}): one member or element per line,
 * each nesting level indented by {@code indent} spaces, {@code ": "} after a key, and no newline at the end.
 * Unlike {@code JSON.stringify}, bfj also breaks empty containers: {@code []} becomes {@code "[\n]"}
 * (closing bracket at the parent's indentation). Strings are escaped as {@code JSON.stringify} does.
 * A negative indent gives compact single-line JSON.
 */
public final class JsonWriter {
    /** snarkjs's indentation. */
    public static final int SNARKJS_INDENT = 1;

    private JsonWriter() {
    }

    public static String write(JsonValue v, int indent) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, indent, 0);
        return sb.toString();
    }

    /** Writes {@code v} in snarkjs's layout as UTF-8. */
    public static void write(JsonValue v, Path path) {
        try {
            Files.writeString(path, write(v, SNARKJS_INDENT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void append(StringBuilder sb, JsonValue v, int indent, int level) {
        switch (v.kind()) {
            case OBJECT -> container(sb, v.members().entrySet().iterator(), '{', '}', indent, level, true);
            case ARRAY -> container(sb, v.elements().iterator(), '[', ']', indent, level, false);
            case STRING -> quote(sb, v.asString());
            case NUMBER -> sb.append(number(v.asNumber()));
            case BOOLEAN -> sb.append(v.asBoolean());
            case NULL -> sb.append("null");
        }
    }

    @SuppressWarnings("unchecked")
    private static void container(StringBuilder sb, Iterator<?> it, char open, char close, int indent,
                                  int level, boolean object) {
        sb.append(open);
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, level + 1);
            Object item = it.next();
            if (object) {
                Map.Entry<String, JsonValue> e = (Map.Entry<String, JsonValue>) item;
                quote(sb, e.getKey());
                sb.append(indent < 0 ? ":" : ": ");
                append(sb, e.getValue(), indent, level + 1);
            } else {
                append(sb, (JsonValue) item, indent, level + 1);
            }
        }
        newline(sb, indent, level);
        sb.append(close);
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static String number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** JSON.stringify escapes unpaired surrogates (well-formed JSON.stringify, ES2019). */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
