package io.foldline.circuits.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.ConstraintLabel;
import io.foldline.circuits.frontend.Hint;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A cheating prover, per layer type: every prover-computed wire of every layer, changed by one, breaks
 * a constraint; so does a requantization remainder pushed out of range with the quotient adjusted to keep
 * {@code x = q d + rem}; so do a wrong logit, class, commitment or an input beyond its range.
 */
class ModelSoundnessTest {
    private static final Fr SALT = Fr.of(99);
    private static final Fr TAG = Fr.of(7);

    private record Setup(ModelCircuit.Compiled compiled, Map<String, Fr> inputs, Witness honest) {
        CompiledCircuit circuit() {
            return compiled.circuit();
        }
    }

    private static Setup setup(FloatModel f, double lo, double hi) {
        QuantizedModel q = Quantizer.calibrate(f, TinyModels.inputs(f, 64, 3, lo, hi), QuantizerOptions.DEFAULTS).model();
        ModelCircuit.Compiled c = ModelCircuit.compile(q);
        long[] xq = q.quantizeInput(TinyModels.inputs(f, 1, 11, lo, hi).get(0), "t");
        Map<String, Fr> in = new HashMap<>();
        in.put("salt", SALT);
        in.put("tag", TAG);
        for (int i = 0; i < xq.length; i++) {
            in.put("input[" + i + "]", Fr.of(xq[i]));
        }
        return new Setup(c, in, ModelWitness.compute(c, xq, SALT, TAG).witness());
    }

    @Test
    void everyLayerWireOfTheMlpIsPinned() {
        Setup s = setup(TinyModels.mlp(Head.SOFTMAX, 3), -1, 1);
        assertEquals(List.of("dense+relu", "dense"), s.compiled().model().layers().stream().map(QLayer::kind).toList());
        assertEveryWireOfLayersPinned(s);
    }

    @Test
    void everyLayerWireOfTheCnnIsPinned() {
        Setup s = setup(TinyModels.cnn(), 0, 1);
        assertEquals(List.of("conv2d", "maxpool2d", "relu", "avgpool2d", "reshape", "dense"),
                s.compiled().model().layers().stream().map(QLayer::kind).toList());
        assertEveryWireOfLayersPinned(s);
    }

    /** Changes, by one, the first wire of every distinct name under each layer's scope and under "class". */
    private static void assertEveryWireOfLayersPinned(Setup s) {
        CompiledCircuit c = s.circuit();
        Set<String> names = new LinkedHashSet<>();
        for (int w = 1; w < c.r1cs().nWires(); w++) {
            String n = c.wireName(w);
            if (n.startsWith("layer ") || n.startsWith("class/")) {
                names.add(n);
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String n : names) {
            int wire = c.wireIndex(n);
            Witness bad = with(s.honest(), wire, s.honest().get(wire).add(Fr.ONE));
            assertTrue(c.r1cs().firstUnsatisfied(bad) >= 0, "changing " + n + " by one goes unnoticed");
            kinds.add(n.substring(0, n.indexOf('/')));
        }
        for (QLayer l : s.compiled().model().layers()) {
            if (!(l instanceof QReshape)) {
                assertTrue(kinds.stream().anyMatch(k -> k.endsWith(" " + l.kind())), "no wires for " + l.kind());
            }
        }
    }

    @Test
    void remainderOutOfRangeFailsInEveryRequantizingLayer() {
        Setup s = setup(TinyModels.cnn(), 0, 1);
        Set<String> gadgets = new LinkedHashSet<>();
        for (int w = 1; w < s.circuit().r1cs().nWires(); w++) {
            String n = s.circuit().wireName(w);
            if (n.endsWith("/divByConstant/quotient and remainder[0]")) {
                gadgets.add(n.substring(0, n.length() - "/quotient and remainder[0]".length()));
            }
        }
        assertEquals(3, gadgets.size(), "conv, average pool and dense requantize: " + gadgets);
        for (String g : gadgets) {
            ConstraintLabel label = new ConstraintLabel(g, "quotient and remainder");
            Hint cheat = in -> {
                BigInteger d = divisorOf(s, g);
                BigInteger[] qr = floorDivMod(in[0], d);
                return new Fr[] {Fr.reduce(qr[0].subtract(BigInteger.ONE)), Fr.of(qr[1].add(d))};
            };
            Witness bad = s.circuit().assign(s.inputs(), Map.of(label, cheat));
            int row = s.circuit().r1cs().firstUnsatisfied(bad);
            assertTrue(row >= 0, g + ": remainder + d, quotient - 1 goes unnoticed");
        }
    }

    @Test
    void wrongPublicOutputsFail() {
        Setup s = setup(TinyModels.mlp(Head.SOFTMAX, 3), -1, 1);
        for (String name : new String[] {"commitment", "logits[0]", "logits[2]", "class"}) {
            int wire = s.circuit().wireIndex(name);
            Witness bad = with(s.honest(), wire, s.honest().get(wire).add(Fr.ONE));
            assertTrue(s.circuit().r1cs().firstUnsatisfied(bad) >= 0, name);
        }
    }

    @Test
    void inputBeyondItsRangeHasNoWitness() {
        Setup s = setup(TinyModels.mlp(Head.SOFTMAX, 3), -1, 1);
        QuantizedModel q = s.compiled().model();
        Map<String, Fr> in = new HashMap<>(s.inputs());
        in.put("input[0]", Fr.of(q.input().range().hi() + 1));
        Witness w = s.circuit().assign(in, Map.of());
        assertTrue(s.circuit().r1cs().firstUnsatisfied(w) >= 0);
    }

    private static BigInteger divisorOf(Setup s, String gadget) {
        // conv and dense divide by 2^shift; the average pool's first window is a corner with 4 taps (later
        // windows divide by 6 or 9, where this cheat breaks the equation instead: it fails either way)
        int layer = Integer.parseInt(gadget.split(" ")[1]);
        QLayer l = s.compiled().model().layers().get(layer);
        return switch (l) {
            case QDense d -> BigInteger.ONE.shiftLeft(d.shift());
            case QConv2d c -> BigInteger.ONE.shiftLeft(c.shift());
            default -> BigInteger.valueOf(4);
        };
    }

    private static BigInteger[] floorDivMod(Fr x, BigInteger d) {
        BigInteger v = x.toBigInteger();
        if (v.compareTo(Fr.MODULUS.shiftRight(1)) > 0) {
            v = v.subtract(Fr.MODULUS);
        }
        BigInteger[] qr = v.divideAndRemainder(d);
        if (qr[1].signum() < 0) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(d);
        }
        return qr;
    }

    private static Witness with(Witness w, int wire, Fr value) {
        long[] limbs = w.values().clone();
        value.copyMontTo(limbs, 4 * wire);
        return Witness.ofMont(limbs);
    }
}
