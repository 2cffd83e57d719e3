package io.foldline.circuits.frontend;

import static io.foldline.circuits.frontend.Witnesses.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTest {

    /** Declared out of circom's order on purpose: private, output, public. */
    private static final Circuit CUBIC = api -> {
        Variable x = api.privateInput("x");
        Variable x3 = api.mul(api.mul(x, x, "x^2"), x, "x^3");
        api.output("out", x3.add(x).add(5));
        api.publicInput("tag");
    };

    @Test
    void wiresFollowCircomsOrder() {
        CompiledCircuit c = Compiler.compile("cubic", CUBIC);
        R1cs r = c.r1cs();
        assertEquals(1, r.nPubOut());
        assertEquals(1, r.nPubIn());
        assertEquals(1, r.nPrvIn());
        assertEquals(6, r.nWires());
        assertEquals(List.of("one", "out", "tag", "x"), List.of(c.wireName(0), c.wireName(1), c.wireName(2),
                c.wireName(3)));
        assertEquals(List.of("tag", "x"), c.inputNames());
        assertEquals(3, c.nConstraints());
        Witness w = c.solve(inputs("x", 3, "tag", 77));
        assertEquals(List.of(Fr.ONE, Fr.of(35), Fr.of(77), Fr.of(3), Fr.of(9), Fr.of(27)),
                List.of(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4), w.get(5)));
        assertEquals(List.of(Fr.of(35), Fr.of(77)), c.publicSignals(w));
    }

    @Test
    void solverNamesTheFirstViolatedConstraint() {
        CompiledCircuit c = Compiler.compile("checked", api -> {
            Variable x = api.privateInput("x");
            Variable y = api.publicInput("y");
            try (Api.Scope s = api.gadget("square")) {
                api.assertEqual(api.mul(x, x, "x^2"), y, "x^2 equals y");
            }
        });
        c.solve(inputs("x", 5, "y", 25));
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> c.solve(inputs("x", 5, "y", 24)));
        assertEquals(new ConstraintLabel("square", "x^2 equals y"), e.label());
        assertEquals(1, e.row());
        assertTrue(e.getMessage().contains("x^2 equals y") && e.getMessage().contains("square"), e.getMessage());
        assertEquals(new ConstraintLabel("square", "x^2"), c.label(0));
    }

    @Test
    void constantsFold() {
        CompiledCircuit c = Compiler.compile("folded", api -> {
            Variable x = api.privateInput("x");
            Variable six = api.mul(api.constant(2), api.constant(3));
            assertTrue(six.isConstant());
            assertEquals(Fr.of(6), six.constantValue());
            Variable y = api.mul(x, six).add(api.mul(api.constant(4), x));
            api.assertEqual(six, api.constant(6), "6 = 6");
            api.assertBoolean(api.constant(1), "1 is boolean");
            api.assertEqual(y.sub(x.mul(10)), api.constant(0), "10x - 10x = 0");
            api.assertEqual(x.add(x).sub(x.mul(2)), Variable.constant(0), "lc cancels");
        });
        assertEquals(0, c.nConstraints());
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile("false", api ->
                api.assertEqual(api.constant(1), api.constant(2), "1 = 2")));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile("false", api ->
                api.assertBoolean(api.constant(2), "2 is boolean")));
    }

    @Test
    void linearCombinationsMergeTerms() {
        Variable[] v = new Variable[2];
        Compiler.compile("lc", api -> {
            v[0] = api.privateInput("a");
            v[1] = api.privateInput("b");
        });
        Variable a = v[0];
        Variable b = v[1];
        assertEquals(b, a.add(b).sub(a));
        assertEquals(a.mul(3).add(b), a.add(b).add(a.mul(2)));
        assertEquals(Variable.constant(0), a.sub(a));
        assertEquals(a.neg(), a.mul(Fr.ONE.neg()));
        assertFalse(a.add(1).isConstant());
    }

    @Test
    void linearInOnePassEqualsChainedAdds() {
        Compiler.compile("linear", api -> {
            Variable[] x = api.privateInputs("x", 5);
            Variable[] xs = {x[3], x[0].add(x[1]), x[3].mul(2).add(7), x[4], x[2].sub(x[0])};
            Fr[] c = {Fr.of(5), Fr.of(-2), Fr.of(3), Fr.ZERO, Fr.of(2)};
            Variable chained = Variable.constant(11);
            for (int k = 0; k < xs.length; k++) {
                chained = chained.add(xs[k].mul(c[k]));
            }
            assertEquals(chained, Variable.linear(Fr.of(11), c, xs));
            // 5 x3 - 2 x0 - 2 x1 + 6 x3 + 21 + 2 x2 - 2 x0 + 11: x3 merges, x4's zero weight drops
            assertEquals(Variable.constant(32).add(x[0].mul(-4)).add(x[1].mul(-2)).add(x[2].mul(2)).add(x[3].mul(11)),
                    Variable.linear(Fr.of(11), c, xs));
        });
    }

    @Test
    void hintOutputsMustBeConstrained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compiler.compile("loose",
                api -> {
                    Variable x = api.privateInput("x");
                    try (Api.Scope s = api.gadget("sloppy")) {
                        Variable[] h = api.hint("half", 2, in -> new Fr[] {in[0], Fr.ZERO}, x);
                        api.assertEqual(h[0], x, "first is x");
                    }
                }));
        assertTrue(e.getMessage().contains("sloppy") && e.getMessage().contains("half[1]"), e.getMessage());
    }

    @Test
    void hintsRunAndOverridesPlayACheatingProver() {
        CompiledCircuit c = Compiler.compile("inverse", api -> {
            Variable x = api.privateInput("x");
            Variable inv = api.hint("inverse", 1, in -> new Fr[] {in[0].inverse()}, x)[0];
            api.assertProduct(x, inv, api.constant(1), "x * inv = 1");
            api.output("inv", inv);
        });
        Witness w = c.solve(inputs("x", 7));
        assertEquals(Fr.of(7).inverse(), c.publicSignals(w).get(0));
        Witness cheat = c.assign(inputs("x", 7), Map.of(new ConstraintLabel("circuit", "inverse"),
                in -> new Fr[] {Fr.of(5)}));
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class, () -> c.check(cheat));
        assertEquals("x * inv = 1", e.label().purpose());
        Witnesses.assertTamperFails(c, w, "circuit/inverse[0]", Fr.of(3));
    }

    @Test
    void badInputsAndScopesAreReported() {
        CompiledCircuit c = Compiler.compile("cubic", CUBIC);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> c.solve(inputs("x", 1)));
        assertTrue(missing.getMessage().contains("tag"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.solve(inputs("x", 1, "tag", 2, "z", 3)));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile("dup", api -> {
            api.privateInput("a");
            api.publicInput("a");
        }));
        assertThrows(IllegalStateException.class, () -> Compiler.compile("open", api -> api.gadget("never closed")));
        CompiledCircuit wrongArity = Compiler.compile("arity", api -> {
            Variable x = api.privateInput("x");
            api.assertEqual(api.hint("two", 1, in -> new Fr[] {in[0], in[0]}, x)[0], x, "is x");
        });
        assertThrows(IllegalStateException.class, () -> wrongArity.solve(inputs("x", 1)));
    }
}
