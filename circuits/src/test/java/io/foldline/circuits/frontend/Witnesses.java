package io.foldline.circuits.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: input maps, and tampering with one wire checked through the R1CS itself. */
final class Witnesses {
    private Witnesses() {
    }

    /** {@code inputs("x", 3, "y", -2)}: names and long values, negative values as r - |v|. */
    static Map<String, Fr> inputs(Object... kv) {
        Map<String, Fr> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Fr f ? f : Fr.of(((Number) v).longValue()));
        }
        return m;
    }

    static Witness with(Witness w, int wire, Fr value) {
        long[] limbs = w.values().clone();
        value.copyMontTo(limbs, 4 * wire);
        return Witness.ofMont(limbs);
    }

    /**
     * Sets the named wire to {@code value} and asserts that the R1CS rejects the result (the honest
     * witness must satisfy it first); returns the first violated row.
     */
    static int assertTamperFails(CompiledCircuit c, Witness honest, String wireName, Fr value) {
        assertTrue(c.r1cs().firstUnsatisfied(honest) < 0, "honest witness must satisfy " + c.name());
        int wire = c.wireIndex(wireName);
        assertTrue(wire > 0, "no wire named " + wireName + " in " + c.name());
        assertTrue(!honest.get(wire).equals(value), "tampering must change the wire");
        int row = c.r1cs().firstUnsatisfied(with(honest, wire, value));
        assertTrue(row >= 0, "tampered wire " + wireName + " = " + value + " still satisfies " + c.name());
        return row;
    }
}
