package io.foldline.circuits.frontend;

import static io.foldline.circuits.frontend.Witnesses.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BitsTest {
    private static final int N = 6;

    private static CompiledCircuit toBits(int n) {
        return Compiler.compile("toBits" + n, api -> {
            Variable x = api.privateInput("x");
            Variable[] b = Bits.toBits(api, x, n);
            for (int i = 0; i < n; i++) {
                api.output("b" + i, b[i]);
            }
        });
    }

    @Test
    void decomposesEveryValueInRange() {
        CompiledCircuit c = toBits(N);
        assertEquals(N + 1 + N, c.nConstraints(), "n booleans + 1 recomposition + n output copies");
        for (long x = 0; x < 1 << N; x++) {
            Witness w = c.solve(inputs("x", x));
            for (int i = 0; i < N; i++) {
                assertEquals(Fr.of((x >> i) & 1), w.get(1 + i), "bit " + i + " of " + x);
            }
        }
    }

    @Test
    void rejectsValuesOutOfRange() {
        CompiledCircuit c = toBits(N);
        for (Fr x : new Fr[] {Fr.of(1 << N), Fr.of(-1), Fr.of(1000), Fr.of(BigInteger.ONE.shiftLeft(200))}) {
            UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                    () -> c.solve(inputs("x", x)));
            assertEquals(new ConstraintLabel("toBits", "bits recompose x"), e.label());
        }
        CompiledCircuit wide = Compiler.compile("range253", api -> Bits.rangeCheck(api, api.privateInput("x"), 253));
        assertEquals(254, wide.nConstraints());
        wide.solve(inputs("x", Fr.of(BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE))));
        assertThrows(UnsatisfiedConstraintException.class,
                () -> wide.solve(inputs("x", Fr.of(BigInteger.ONE.shiftLeft(253)))));
        assertThrows(IllegalArgumentException.class, () -> toBits(254));
    }

    @Test
    void tamperedBitFails() {
        CompiledCircuit c = Compiler.compile("bits", api -> Bits.rangeCheck(api, api.privateInput("x"), N));
        Witness w = c.solve(inputs("x", 0b101101));
        int flip = Witnesses.assertTamperFails(c, w, "rangeCheck/toBits/bits of x[1]", Fr.ONE);
        assertEquals("bits recompose x", c.label(flip).purpose());
        int two = Witnesses.assertTamperFails(c, w, "rangeCheck/toBits/bits of x[0]", Fr.of(2));
        assertEquals(new ConstraintLabel("rangeCheck/toBits", "bit 0 is boolean"), c.label(two));
        // clearing the top bit breaks the recomposition
        Witnesses.assertTamperFails(c, w, "rangeCheck/toBits/bits of x[5]", Fr.ZERO);
    }

    @Test
    void constantsFoldAndFailEarly() {
        CompiledCircuit c = Compiler.compile("const", api -> {
            Variable[] b = Bits.toBits(api, api.constant(5), 4);
            assertEquals(Variable.constant(1), b[0]);
            assertEquals(Variable.constant(0), b[1]);
        });
        assertEquals(0, c.nConstraints());
        assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile("big", api -> Bits.toBits(api, api.constant(16), 4)));
    }

    @Test
    void booleanOperatorsFollowTruthTables() {
        CompiledCircuit c = Compiler.compile("logic", api -> {
            Variable a = api.privateInput("a");
            Variable b = api.privateInput("b");
            api.output("and", Bits.and(api, a, b));
            api.output("or", Bits.or(api, a, b));
            api.output("xor", Bits.xor(api, a, b));
            api.output("not", Bits.not(api, a));
        });
        // 2 boolean checks (once each: later gadgets know a and b are boolean), 3 products, 4 outputs
        assertEquals(2 + 3 + 4, c.nConstraints());
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                Witness w = c.solve(inputs("a", a, "b", b));
                assertEquals(Fr.of(a & b), w.get(1));
                assertEquals(Fr.of(a | b), w.get(2));
                assertEquals(Fr.of(a ^ b), w.get(3));
                assertEquals(Fr.of(1 - a), w.get(4));
            }
        }
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> c.solve(inputs("a", 2, "b", 0)));
        assertEquals(new ConstraintLabel("and", "left operand is boolean"), e.label());
    }
}
