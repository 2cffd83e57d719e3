package io.foldline.circuits.json;

import io.foldline.circuits.FormatException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for RFC 8259 JSON. Strict: no comments, no trailing commas, no duplicate keys,
 * nesting limited to {@link #MAX_DEPTH} so hostile input cannot overflow the stack. Errors give the line
 * and column.
 */
final class JsonParser {
    static final int MAX_DEPTH = 512;

    private final String text;
    private final String source;
    private int pos;
    private int depth;

    JsonParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    JsonValue parseDocument() {
        skipWhitespace();
        JsonValue v = parseValue("");
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected text after the document");
        }
        return v;
    }

    private JsonValue parseValue(String path) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject(path);
            case '[' -> parseArray(path);
            case '"' -> new JsonValue(JsonValue.Kind.STRING, parseString(), source, path);
            case 't' -> literal("true", JsonValue.Kind.BOOLEAN, Boolean.TRUE, path);
            case 'f' -> literal("false", JsonValue.Kind.BOOLEAN, Boolean.FALSE, path);
            case 'n' -> literal("null", JsonValue.Kind.NULL, null, path);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield new JsonValue(JsonValue.Kind.NUMBER, parseNumber(), source, path);
                }
                throw error("unexpected character '" + c + "', expected a value");
            }
        };
    }

    private JsonValue parseObject(String path) {
        enter();
        pos++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a member name in quotes");
                }
                int keyAt = pos;
                String key = parseString();
                if (members.containsKey(key)) {
                    pos = keyAt;
                    throw error("duplicate member \"" + key + "\"");
                }
                skipWhitespace();
                expectChar(':');
                skipWhitespace();
                members.put(key, parseValue(path.isEmpty() ? key : path + "." + key));
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }
        depth--;
        return new JsonValue(JsonValue.Kind.OBJECT, Collections.unmodifiableMap(members), source, path);
    }

    private JsonValue parseArray(String path) {
        enter();
        pos++; // [
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                elements.add(parseValue(path + "[" + elements.size() + "]"));
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or ']'");
                }
            }
        }
        depth--;
        return new JsonValue(JsonValue.Kind.ARRAY, Collections.unmodifiableList(elements), source, path);
    }

    private String parseString() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(parseHex4());
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
                }
            }
        }
    }

    private char parseHex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private BigDecimal parseNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected in exponent");
            }
            digits();
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("number out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue.Kind kind, Object value, String path) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token, expected " + word);
        }
        pos += word.length();
        return new JsonValue(kind, value, source, path);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void expectChar(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private FormatException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String where = source.isEmpty() ? "" : source + ": ";
        return new FormatException(where + "line " + line + ", column " + col + ": " + what);
    }
}
