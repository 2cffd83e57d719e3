package io.foldline.circuits.frontend;

import static io.foldline.circuits.frontend.Witnesses.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import org.junit.jupiter.api.Test;

class SignedTest {
    private static final int N = 8;
    private static final long[] SAMPLES = {-128, -127, -100, -2, -1, 0, 1, 2, 63, 64, 126, 127};

    private static CompiledCircuit unary(String name, java.util.function.BiFunction<Api, Variable, Variable> g) {
        return Compiler.compile(name, api -> api.output("y", g.apply(api, api.privateInput("x"))));
    }

    private static CompiledCircuit binary(String name, Gadget2 g) {
        return Compiler.compile(name, api -> api.output("y", g.apply(api, api.privateInput("a"),
                api.privateInput("b"))));
    }

    interface Gadget2 {
        Variable apply(Api api, Variable a, Variable b);
    }

    @Test
    void signOfEverySignedByte() {
        CompiledCircuit c = unary("sign", (api, x) -> Signed.isNegative(api, x, N));
        assertEquals(N + 1 + 1, c.nConstraints(), "n + 1 for the sign, 1 for the output");
        for (long x = -128; x < 128; x++) {
            assertEquals(Fr.of(x < 0 ? 1 : 0), c.solve(inputs("x", x)).get(1), "x = " + x);
        }
        for (long x : new long[] {128, -129, 1000, -1000}) {
            assertThrows(UnsatisfiedConstraintException.class, () -> c.solve(inputs("x", x)), "x = " + x);
        }
    }

    @Test
    void tamperedSignBitFails() {
        CompiledCircuit c = unary("sign", (api, x) -> Signed.isNonNegative(api, x, N));
        for (long x : new long[] {-5, 5}) {
            Witness w = c.solve(inputs("x", x));
            String top = "sign/toBits/bits of x[" + (N - 1) + "]";
            Witnesses.assertTamperFails(c, w, top, Fr.ONE.sub(w.get(c.wireIndex(top))));
            Witnesses.assertTamperFails(c, w, "y", Fr.ONE.sub(w.get(1)));
        }
    }

    @Test
    void lessThanAndMax() {
        CompiledCircuit lt = binary("lt", (api, a, b) -> Signed.lessThan(api, a, b, N));
        CompiledCircuit max = binary("max", (api, a, b) -> Signed.max(api, a, b, N));
        assertEquals(N + 2 + 1, lt.nConstraints());
        assertEquals(N + 3 + 1, max.nConstraints());
        for (long a : SAMPLES) {
            for (long b : SAMPLES) {
                assertEquals(Fr.of(a < b ? 1 : 0), lt.solve(inputs("a", a, "b", b)).get(1), a + " < " + b);
                assertEquals(Fr.of(Math.max(a, b)), max.solve(inputs("a", a, "b", b)).get(1), "max " + a + " " + b);
            }
        }
        Witness w = max.solve(inputs("a", -7, "b", 9));
        Witnesses.assertTamperFails(max, w, "y", Fr.of(-7));
        String ltBit = "max/lessThan/sign/toBits/bits of x[" + N + "]";
        Witnesses.assertTamperFails(max, w, ltBit, Fr.ONE.sub(w.get(max.wireIndex(ltBit))));
        Witnesses.assertTamperFails(max, w, "max/select/c * (a - b)", Fr.ZERO);
    }

    @Test
    void selectChecksItsSelectorOnlyWhenNeeded() {
        CompiledCircuit loose = Compiler.compile("select", api -> api.output("y",
                Signed.select(api, api.privateInput("c"), api.privateInput("a"), api.privateInput("b"))));
        assertEquals(1 + 1 + 1, loose.nConstraints(), "boolean check, product, output");
        assertEquals(Fr.of(4), loose.solve(inputs("c", 1, "a", 4, "b", 9)).get(1));
        assertEquals(Fr.of(9), loose.solve(inputs("c", 0, "a", 4, "b", 9)).get(1));
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> loose.solve(inputs("c", 2, "a", 4, "b", 9)));
        assertEquals(new ConstraintLabel("select", "selector is boolean"), e.label());
        CompiledCircuit known = Compiler.compile("selectBit", api -> {
            Variable c = Bits.toBits(api, api.privateInput("c"), 1)[0];
            api.output("y", Signed.select(api, c, api.privateInput("a"), api.privateInput("b")));
        });
        assertEquals(2 + 1 + 1, known.nConstraints(), "toBits(1), product, output");
    }

    @Test
    void reluOfSignedBytes() {
        CompiledCircuit c = unary("relu", (api, x) -> Signed.relu(api, x, N));
        assertEquals(N + 2 + 1, c.nConstraints());
        for (long x = -128; x < 128; x++) {
            assertEquals(Fr.of(Math.max(x, 0)), c.solve(inputs("x", x)).get(1), "relu " + x);
        }
        for (long x : new long[] {-3, 3}) {
            Witness w = c.solve(inputs("x", x));
            Witnesses.assertTamperFails(c, w, "y", Fr.of(x > 0 ? 0 : x));
            String top = "relu/sign/toBits/bits of x[" + (N - 1) + "]";
            Witnesses.assertTamperFails(c, w, top, Fr.ONE.sub(w.get(c.wireIndex(top))));
        }
        assertEquals(0, Compiler.compile("constRelu", api -> assertEquals(Variable.constant(0),
                Signed.relu(api, api.constant(-5), N))).nConstraints());
    }
}
