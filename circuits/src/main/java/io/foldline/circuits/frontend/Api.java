package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Circuit} builds with: it declares inputs and outputs, emits constraints
 * {@code A * B = C} between {@link Variable}s, registers hints, and names each constraint by the gadget
 * scope it was emitted in (see {@link #gadget}). Operations whose operands are constants fold to
 * constants and emit nothing. Not thread-safe; one instance per compilation.
 */
public final class Api {
    enum Kind { ONE, OUTPUT, PUBLIC, PRIVATE, INTERNAL }

    record Wire(Kind kind, String name) {
    }

    record Constraint(Variable a, Variable b, Variable c, ConstraintLabel label) {
    }

    final List<Wire> wires = new ArrayList<>();
    final List<Constraint> constraints = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** Hint output wire id -> the hint's label, for the unconstrained-hint check. */
    final Map<Integer, ConstraintLabel> hintWires = new HashMap<>();
    private final Set<Integer> booleans = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Deque<String> scope = new ArrayDeque<>();

    Api() {
        wires.add(new Wire(Kind.ONE, "one"));
    }

    /** A gadget scope: constraints and hints created until {@link Scope#close()} carry its name. */
    public Scope gadget(String name) {
        Objects.requireNonNull(name, "name");
        scope.addLast(name);
        return new Scope(scope.size());
    }

    /** Closes a gadget scope; try-with-resources keeps scopes nested. */
    public final class Scope implements AutoCloseable {
        private final int depth;

        private Scope(int depth) {
            this.depth = depth;
        }

        @Override
        public void close() {
            if (scope.size() != depth) {
                throw new IllegalStateException("gadget scopes closed out of order at " + gadgetPath());
            }
            scope.removeLast();
        }
    }

    public Variable publicInput(String name) {
        return newWire(Kind.PUBLIC, checkName(name));
    }

    public Variable privateInput(String name) {
        return newWire(Kind.PRIVATE, checkName(name));
    }

    /** {@code n} public inputs named {@code name[0] .. name[n-1]}. */
    public Variable[] publicInputs(String name, int n) {
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = publicInput(name + "[" + i + "]");
        }
        return v;
    }

    public Variable[] privateInputs(String name, int n) {
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = privateInput(name + "[" + i + "]");
        }
        return v;
    }

    /**
     * Declares a public output wire equal to {@code value} (one constraint {@code value * 1 = out}, as a
     * circom output signal costs) and returns it.
     */
    public Variable output(String name, Variable value) {
        Variable out = newWire(Kind.OUTPUT, checkName(name));
        steps.add(new Step.Linear(out.singleWire(), value));
        emit(value, Variable.constant(1), out, "output " + name);
        return out;
    }

    /**
     * {@code value} as one wire: itself when it is a constant or a single wire, else a new wire and one
     * constraint {@code value * 1 = w}. Worth it for a long linear combination that several constraints read,
     * each of which then carries one term instead of all of them.
     */
    public Variable wire(Variable value, String purpose) {
        if (value.isConstant() || value.singleWire() > 0) {
            return value;
        }
        Variable w = newWire(Kind.INTERNAL, label(purpose).path());
        steps.add(new Step.Linear(w.singleWire(), value));
        emit(value, Variable.constant(1), w, purpose);
        return w;
    }

    public Variable constant(long c) {
        return Variable.constant(c);
    }

    public Variable constant(Fr c) {
        return Variable.constant(c);
    }

    public Variable mul(Variable a, Variable b) {
        return mul(a, b, "product");
    }

    /** {@code a * b}: free when either side is constant, else one constraint and one new wire. */
    public Variable mul(Variable a, Variable b, String purpose) {
        if (a.isConstant()) {
            return b.mul(a.constantValue());
        }
        if (b.isConstant()) {
            return a.mul(b.constantValue());
        }
        Variable w = newWire(Kind.INTERNAL, label(purpose).path());
        steps.add(new Step.Product(w.singleWire(), a, b));
        emit(a, b, w, purpose);
        return w;
    }

    public void assertEqual(Variable a, Variable b, String purpose) {
        Variable d = a.sub(b);
        if (d.isConstant()) {
            requireConstant(d.constantValue().isZero(), purpose);
            return;
        }
        emit(d, Variable.constant(1), Variable.ZERO, purpose);
    }

    /** {@code b * (b - 1) = 0}; afterwards {@code b} counts as boolean for {@link #isBoolean}. */
    public void assertBoolean(Variable b, String purpose) {
        if (b.isConstant()) {
            Fr v = b.constantValue();
            requireConstant(v.isZero() || v.isOne(), purpose);
            return;
        }
        if (isBoolean(b)) {
            return;
        }
        emit(b, b.sub(Variable.constant(1)), Variable.ZERO, purpose);
        if (b.singleWire() > 0) {
            booleans.add(b.singleWire());
        }
    }

    /** The raw constraint {@code a * b = c}. */
    public void assertProduct(Variable a, Variable b, Variable c, String purpose) {
        if (a.isConstant() || b.isConstant()) {
            assertEqual(mul(a, b), c, purpose);
            return;
        }
        emit(a, b, c, purpose);
    }

    /** Whether v is known to be 0 or 1: a 0/1 constant, or w or 1 - w for an asserted-boolean wire w. */
    public boolean isBoolean(Variable v) {
        if (v.isConstant()) {
            Fr c = v.constantValue();
            return c.isZero() || c.isOne();
        }
        int w = v.singleWire();
        if (w < 0) {
            w = Variable.constant(1).sub(v).singleWire();
        }
        return w > 0 && booleans.contains(w);
    }

    /**
     * {@code nOutputs} new private wires that the prover fills with {@code hint} applied to the inputs'
     * values. The caller must constrain every one of them; the compiler refuses a hint output that takes
     * part in no constraint.
     */
    public Variable[] hint(String purpose, int nOutputs, Hint hint, Variable... inputs) {
        ConstraintLabel l = label(purpose);
        int[] ids = new int[nOutputs];
        Variable[] out = new Variable[nOutputs];
        for (int i = 0; i < nOutputs; i++) {
            out[i] = newWire(Kind.INTERNAL, l.path() + "[" + i + "]");
            ids[i] = out[i].singleWire();
            hintWires.put(ids[i], l);
        }
        steps.add(new Step.HintCall(ids, inputs.clone(), hint, l));
        return out;
    }

    /** Constraints emitted so far: callers measure what a part of a circuit costs by the difference. */
    public int constraintCount() {
        return constraints.size();
    }

    /** The current gadget path, {@code "circuit"} at the top level. */
    public String gadgetPath() {
        return scope.isEmpty() ? "circuit" : String.join("/", scope);
    }

    private ConstraintLabel label(String purpose) {
        return new ConstraintLabel(gadgetPath(), purpose);
    }

    private void emit(Variable a, Variable b, Variable c, String purpose) {
        constraints.add(new Constraint(a, b, c, label(purpose)));
    }

    private void requireConstant(boolean holds, String purpose) {
        if (!holds) {
            throw new IllegalArgumentException("constraint " + label(purpose) + " is false for constants: "
                    + "no witness can satisfy the circuit");
        }
    }

    private Variable newWire(Kind kind, String name) {
        wires.add(new Wire(kind, name));
        return Variable.wire(wires.size() - 1);
    }

    private String checkName(String name) {
        if (name == null || name.isEmpty() || !names.add(name)) {
            throw new IllegalArgumentException("input/output name is empty or declared twice: " + name);
        }
        return name;
    }
}
