package io.foldline.circuits.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.FormatException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKind() {
        JsonValue v = JsonValue.parse("{\"a\": [1, -2.5e3, \"x\\u0041\\n\", true, false, null], \"b\": {}}", "t.json");
        List<JsonValue> a = v.get("a").elements(6);
        assertEquals(new BigDecimal("1"), a.get(0).asNumber());
        assertEquals(0, new BigDecimal("-2500").compareTo(a.get(1).asNumber()));
        assertEquals("xA\n", a.get(2).asString());
        assertEquals(true, a.get(3).asBoolean());
        assertEquals(false, a.get(4).asBoolean());
        assertEquals(JsonValue.Kind.NULL, a.get(5).kind());
        assertEquals(0, v.get("b").size());
        assertEquals("a[2]", a.get(2).path());
    }

    @Test
    void writesLikeSnarkjs() {
        // bfj (space: 1) output for this object, captured from node: note "[\n ]" for the empty array
        String expected = "{\n \"pi_a\": [\n  \"1\",\n  \"2\"\n ],\n \"e\": [\n ],\n \"n\": 3,\n \"s\": \"q\\\"\\u0001\"\n}";
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("pi_a", JsonValue.array(JsonValue.decimal(BigInteger.ONE), JsonValue.decimal(BigInteger.TWO)));
        m.put("e", JsonValue.array(List.of()));
        m.put("n", JsonValue.number(3));
        m.put("s", JsonValue.string("q\"\u0001"));
        JsonValue v = JsonValue.object(m);
        assertEquals(expected, JsonWriter.write(v, 1));
        assertEquals(v, JsonValue.parse(expected, "x"));
        assertEquals("{\"pi_a\":[\"1\",\"2\"],\"e\":[],\"n\":3,\"s\":\"q\\\"\\u0001\"}", v.toString());
    }

    @Test
    void errorsNameTheSourceAndThePath() {
        JsonValue v = JsonValue.parse("{\"pi_a\": [\"1\", \"0x2\", 3]}", "proof.json");
        assertEquals("proof.json: pi_a[1]: not a decimal integer (\"0x2\")",
                assertThrows(FormatException.class, () -> v.get("pi_a").get(1).asDecimalInteger()).getMessage());
        assertEquals("proof.json: pi_a[2]: not a decimal integer (found number)",
                assertThrows(FormatException.class, () -> v.get("pi_a").get(2).asDecimalInteger()).getMessage());
        assertEquals("proof.json: pi_a: expected an array of 2 elements, found 3",
                assertThrows(FormatException.class, () -> v.get("pi_a").elements(2)).getMessage());
        assertEquals("proof.json: (document): missing member \"pi_b\"",
                assertThrows(FormatException.class, () -> v.get("pi_b")).getMessage());
        assertEquals("proof.json: pi_a: expected an object, found an array",
                assertThrows(FormatException.class, () -> v.get("pi_a").get("x")).getMessage());
    }

    @Test
    void malformedTextIsRejectedWithLineAndColumn() {
        assertEquals("p.json: line 2, column 4: expected ',' or ']'",
                assertThrows(FormatException.class, () -> JsonValue.parse("[1,\n 2 3]", "p.json")).getMessage());
        for (String bad : new String[] {"", "[", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", "-", "\"abc",
                "\"\\x\"", "\"\u0001\"", "tru", "[1] 2", "{\"a\":1,\"a\":2}", "\"\\u12\""}) {
            assertThrows(FormatException.class, () -> JsonValue.parse(bad, "b.json"), bad);
        }
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        assertThrows(FormatException.class, () -> JsonValue.parse(deep, "deep.json"));
    }
}
