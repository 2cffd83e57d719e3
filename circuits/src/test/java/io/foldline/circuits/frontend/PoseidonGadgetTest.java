package io.foldline.circuits.frontend;

import static io.foldline.circuits.frontend.Witnesses.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.poseidon.Poseidon;
import io.foldline.crypto.poseidon.PoseidonParameters;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoseidonGadgetTest {

    private static CompiledCircuit hashCircuit(int n) {
        return Compiler.compile("poseidon" + n, api -> api.output("h",
                PoseidonGadget.hash(api, api.privateInputs("in", n))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 16})
    void matchesNativePoseidon(int n) {
        CompiledCircuit c = hashCircuit(n);
        int t = n + 1;
        int sboxes = 8 * t + PoseidonParameters.forWidth(t).partialRounds() - 1;
        // 3 products per S-box (the capacity's first folds), the output, and at most one wire per S-box for
        // an input that is a linear combination: never in round 0, which reads the inputs themselves
        int materialized = c.nConstraints() - (3 * sboxes + 1);
        assertTrue(materialized > 0 && materialized <= sboxes - n, "materialized S-box inputs: " + materialized);
        SparseMatrix b = c.r1cs().b();
        for (int row = 0; row < b.rows(); row++) {
            assertTrue(b.rowEnd(row) - b.rowStart(row) <= 2, "row " + row + " reads a linear combination in B");
        }
        SplittableRandom rng = new SplittableRandom(n);
        Fr[] in = new Fr[n];
        Map<String, Fr> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            in[i] = Fr.random(rng);
            m.put("in[" + i + "]", in[i]);
        }
        assertEquals(Poseidon.hash(in), c.solve(m).get(1));
    }

    @Test
    void circomlibVector() {
        // circomlibjs poseidon([1, 2]) (also the crypto poseidon package's example)
        Fr expected = Fr.of(new BigInteger(
                "7853200120776062878684798364095072458815029376092732009249414926327459813530"));
        assertEquals(expected, hashCircuit(2).solve(inputs("in[0]", 1, "in[1]", 2)).get(1));
    }

    @Test
    void permutationMatches() {
        CompiledCircuit c = Compiler.compile("perm3", api -> {
            Variable[] out = PoseidonGadget.permute(api, api.privateInputs("s", 3));
            for (int i = 0; i < 3; i++) {
                api.output("o" + i, out[i]);
            }
        });
        Witness w = c.solve(inputs("s[0]", 5, "s[1]", 6, "s[2]", 7));
        Fr[] expected = Poseidon.permute(Fr.of(5), Fr.of(6), Fr.of(7));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], w.get(1 + i));
        }
    }

    @Test
    void tamperedSboxOrOutputFails() {
        CompiledCircuit c = hashCircuit(2);
        Witness w = c.solve(inputs("in[0]", 1, "in[1]", 2));
        Witnesses.assertTamperFails(c, w, "poseidon2/round 30 element 0: x", Fr.of(42));
        Witnesses.assertTamperFails(c, w, "poseidon2/round 30 element 0: x^4", Fr.of(42));
        Witnesses.assertTamperFails(c, w, "poseidon2/round 64 element 2: x^5", Fr.of(42));
        Witnesses.assertTamperFails(c, w, "h", w.get(1).add(Fr.ONE));
    }
}
