package io.foldline.circuits.onnx;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.onnx.OnnxProto.Attribute;
import io.foldline.circuits.onnx.OnnxProto.Node;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A node being imported: typed access to its attributes and inputs, each failure reported as
 * {@code "m.onnx: node 4 'conv2' (Conv): ..."}.
 */
final class OpNode {
    private final String source;
    private final Node node;
    private final boolean last;
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();

    OpNode(String source, Node node, boolean last) {
        this.source = source;
        this.node = node;
        this.last = last;
        for (Attribute a : node.attributes()) {
            if (attributes.put(a.name(), a) != null) {
                throw error("attribute " + a.name() + " is given twice");
            }
        }
    }

    FormatException error(String what) {
        return new FormatException(source + ": " + node.label() + ": " + what);
    }

    String opType() {
        return node.opType();
    }

    /** Whether this is the graph's last node, the only place a head (Sigmoid, Softmax) may sit. */
    boolean isLast() {
        return last;
    }

    /** Input {@code i}, or the empty string (ONNX's "optional input left out") past the end. */
    String input(int i) {
        return i < node.inputs().size() ? node.inputs().get(i) : "";
    }

    String output() {
        return node.outputs().get(0);
    }

    /**
     * Checks the input count and that there is a first output. Further outputs (Dropout's mask, MaxPool's
     * indices) need no check: a node that read one would not be reading the live activation.
     */
    void arity(int minInputs, int maxInputs) {
        int n = node.inputs().size();
        if (n < minInputs || n > maxInputs) {
            throw error("takes " + (minInputs == maxInputs ? minInputs : minInputs + " to " + maxInputs)
                    + " inputs, has " + n);
        }
        if (node.outputs().isEmpty() || node.outputs().get(0).isEmpty()) {
            throw error("has no output");
        }
    }

    /** Refuses any attribute not named here, so that an unknown option never changes the math unseen. */
    void allowAttributes(String... names) {
        Set<String> allowed = Set.of(names);
        for (String a : attributes.keySet()) {
            if (!allowed.contains(a)) {
                throw error("attribute " + a + " is not supported"
                        + (names.length == 0 ? "" : " (known: " + String.join(", ", names) + ")"));
            }
        }
    }

    boolean has(String name) {
        return attributes.containsKey(name);
    }

    long intAttr(String name, long absent) {
        Attribute a = typed(name, Attribute.INT);
        return a == null ? absent : a.i();
    }

    float floatAttr(String name, float absent) {
        Attribute a = typed(name, Attribute.FLOAT);
        return a == null ? absent : a.f();
    }

    /** The INTS attribute {@code name}, or null when absent. */
    long[] intsAttr(String name) {
        Attribute a = typed(name, Attribute.INTS);
        return a == null ? null : a.ints();
    }

    float[] floatsAttr(String name) {
        Attribute a = typed(name, Attribute.FLOATS);
        return a == null ? null : a.floats();
    }

    String stringAttr(String name, String absent) {
        Attribute a = typed(name, Attribute.STRING);
        return a == null ? absent : new String(a.s(), StandardCharsets.UTF_8);
    }

    Tensor tensorAttr(String name) {
        Attribute a = typed(name, Attribute.TENSOR);
        if (a != null && a.t() == null) {
            throw error("attribute " + name + " has no tensor");
        }
        return a == null ? null : a.t();
    }

    /** An INT attribute that must have one of the listed values. */
    long intAttrIn(String name, long absent, long... allowed) {
        long v = intAttr(name, absent);
        if (Arrays.stream(allowed).noneMatch(x -> x == v)) {
            throw error("attribute " + name + "=" + v + " is not supported (only " + name + "="
                    + (allowed.length == 1 ? Long.toString(allowed[0]) : Arrays.toString(allowed)) + ")");
        }
        return v;
    }

    private Attribute typed(String name, int type) {
        Attribute a = attributes.get(name);
        if (a != null && a.type() != type) {
            throw error("attribute " + name + " has attribute type " + a.type() + ", expected " + type);
        }
        return a;
    }
}
