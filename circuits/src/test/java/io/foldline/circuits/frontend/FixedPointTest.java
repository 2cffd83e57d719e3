package io.foldline.circuits.frontend;

import static io.foldline.circuits.frontend.Witnesses.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedPointTest {
    private static final int NX = 16;
    private static final long[] XS = {-32768, -32767, -1000, -17, -16, -15, -1, 0, 1, 15, 16, 17, 999, 32767};
    private static final ConstraintLabel HINT = new ConstraintLabel("divByConstant", "quotient and remainder");

    private static CompiledCircuit div(long d) {
        return Compiler.compile("div" + d, api -> api.output("q",
                FixedPoint.divByConstant(api, api.privateInput("x"), d, NX)));
    }

    @Test
    void floorDivisionMatchesIntegers() {
        for (long d : new long[] {1, 2, 16, 10, 7, 1 << 20}) {
            CompiledCircuit c = div(d);
            for (long x : XS) {
                assertEquals(Fr.of(Math.floorDiv(x, d)), c.solve(inputs("x", x)).get(1), x + " / " + d);
            }
        }
    }

    @Test
    void constraintCounts() {
        assertEquals(1, div(1).nConstraints(), "d = 1 is free (output only)");
        for (int k : new int[] {1, 4, 8}) {
            assertEquals(NX + 3 + 1, div(1L << k).nConstraints(), "d = 2^" + k);
        }
        // d = 10: k = 3, m = 13, b = 4: 1 + 2 (4 + 1) + 14, plus the output
        assertEquals(1 + 10 + 14 + 1, div(10).nConstraints());
    }

    @Test
    void roundingDivision() {
        CompiledCircuit c = Compiler.compile("round", api -> api.output("q",
                FixedPoint.divRound(api, api.privateInput("x"), 8, NX)));
        for (long x : new long[] {-13, -12, -11, -4, -3, 0, 3, 4, 11, 12, 13}) {
            long expected = Math.floorDiv(x + 4, 8);
            assertEquals(Fr.of(expected), c.solve(inputs("x", x)).get(1), "round(" + x + " / 8)");
        }
    }

    @Test
    void valuesBeyondTheBoundHaveNoWitness() {
        CompiledCircuit c = div(16);
        // m = 16 - 4 = 12: a witness exists only for x in [-2^11 * 16, 2^11 * 16)
        c.solve(inputs("x", (1L << 15) - 1));
        assertThrows(UnsatisfiedConstraintException.class, () -> c.solve(inputs("x", 1L << 20)));
        assertThrows(UnsatisfiedConstraintException.class, () -> c.solve(inputs("x", -(1L << 20))));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile("wide", api ->
                FixedPoint.divByConstant(api, api.privateInput("x"), 7, 253)));
        // 2^252 * 3 is still below r (r > 1.5 * 2^253): accepted
        Compiler.compile("wideOk", api -> FixedPoint.divByConstant(api, api.privateInput("x"), 3, 253));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile("zero", api ->
                FixedPoint.divByConstant(api, api.privateInput("x"), 0, 8)));
    }

    @Test
    void cheatingQuotientsAreRejected() {
        for (long d : new long[] {16, 10}) {
            CompiledCircuit c = div(d);
            long x = -1234;
            Witness honest = c.solve(inputs("x", x));
            // tamper one hinted wire: the remainder
            Witnesses.assertTamperFails(c, honest, "divByConstant/quotient and remainder[1]", Fr.of(3));
            // consistent but out-of-range pairs: (q + 1, rem - d) and (q - 1, rem + d)
            for (long shift : new long[] {1, -1}) {
                assertCheatFails(c, x, in -> {
                    BigInteger[] qr = FixedPoint.floorDivMod(in[0], BigInteger.valueOf(d));
                    return new Fr[] {Fr.reduce(qr[0].add(BigInteger.valueOf(shift))),
                            Fr.reduce(qr[1].subtract(BigInteger.valueOf(shift * d)))};
                });
            }
            // the wrap-around attack: any remainder in [0, d) with q = (x - rem) / d mod r
            Fr dInv = Fr.of(d).inverse();
            int row = assertCheatFails(c, x, in -> {
                Fr rem = Fr.of(FixedPoint.floorDivMod(in[0], BigInteger.valueOf(d))[1].add(BigInteger.ONE)
                        .mod(BigInteger.valueOf(d)));
                return new Fr[] {in[0].sub(rem).mul(dInv), rem};
            });
            assertTrue(c.label(row).gadget().startsWith("divByConstant/quotient range"), c.label(row).toString());
        }
    }

    @Test
    void fusedReluAfterRoundingReusesTheQuotientSign() {
        CompiledCircuit c = Compiler.compile("divRoundRelu", api -> api.output("y",
                FixedPoint.divRoundRelu(api, api.privateInput("x"), 16, NX)));
        CompiledCircuit plain = Compiler.compile("divRound", api -> api.output("y",
                FixedPoint.divRound(api, api.privateInput("x"), 16, NX)));
        assertEquals(plain.nConstraints() + 1, c.nConstraints(), "ReLU costs one product on top of divRound");
        for (long x : XS) {
            if (x + 8 >= 1L << (NX - 1)) {
                continue; // x + d/2 must be a signed NX-bit value
            }
            long expected = Math.max(0, Math.floorDiv(x + 8, 16));
            assertEquals(Fr.of(expected), c.solve(inputs("x", x)).get(1), "relu(round(" + x + " / 16))");
        }
        for (long x : new long[] {-100, 100}) {
            Witness honest = c.solve(inputs("x", x));
            // the sign bit is the top bit of the quotient's range check; flipping it, or the product, fails
            Witnesses.assertTamperFails(c, honest, "divByConstant/quotient range/sign/toBits/bits of x[11]",
                    honest.get(c.wireIndex("divByConstant/quotient range/sign/toBits/bits of x[11]")).isZero()
                            ? Fr.ONE : Fr.ZERO);
            Witnesses.assertTamperFails(c, honest, "relu/sign * q", Fr.of(x > 0 ? 0 : 5));
        }
    }

    private static int assertCheatFails(CompiledCircuit c, long x, Hint cheat) {
        Witness w = c.assign(inputs("x", x), Map.of(HINT, cheat));
        assertTrue(!w.get(1).equals(c.solve(inputs("x", x)).get(1)), "the cheat must change q");
        int row = c.r1cs().firstUnsatisfied(w);
        assertTrue(row >= 0, "cheating quotient accepted");
        return row;
    }
}
