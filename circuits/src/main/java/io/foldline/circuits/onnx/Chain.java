package io.foldline.circuits.onnx;

import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of an import while it walks the nodes in order: the one live activation (its name and its
 * shape without the batch axis), the constants seen so far (initializers and Constant nodes) and the
 * layers built. Every node must read the live activation, so a graph that branches fails at the first
 * node that reads anything else.
 */
final class Chain {
    private final Map<String, Tensor> constants = new HashMap<>();
    private final List<FloatLayer> layers = new ArrayList<>();
    private final long opset;
    private String current;
    private int[] shape;
    private Head head = Head.NONE;
    /** Whether the live activation is the plain output of the last layer, a Dense or Conv2d (foldable). */
    private boolean linearOnTop;

    Chain(List<Tensor> initializers, String input, int[] shape, long opset) {
        for (Tensor t : initializers) {
            constants.put(t.name(), t);
        }
        this.current = input;
        this.shape = shape.clone();
        this.opset = opset;
    }

    /** The version of the default ONNX operator set the model imports. */
    long opset() {
        return opset;
    }

    String current() {
        return current;
    }

    int[] shape() {
        return shape.clone();
    }

    List<FloatLayer> layers() {
        return List.copyOf(layers);
    }

    Head head() {
        return head;
    }

    boolean isConstant(String name) {
        return constants.containsKey(name);
    }

    void addConstant(String name, Tensor t) {
        constants.put(name, t);
    }

    /** Checks that input {@code i} of {@code n} is the live activation. */
    void activation(OpNode n, int i) {
        String in = n.input(i);
        if (!in.equals(current)) {
            String what = isConstant(in) ? "a constant" : "not the output of the previous node";
            throw n.error("input " + i + " '" + in + "' is " + what + " (expected '" + current
                    + "'): only a chain of nodes, each reading the previous one's output, is supported");
        }
    }

    /** Input {@code i} of {@code n}, which must be a constant; null when the input is left out. */
    Tensor optionalConstant(OpNode n, int i, String role) {
        String in = n.input(i);
        if (in.isEmpty()) {
            return null;
        }
        Tensor t = constants.get(in);
        if (t == null) {
            throw n.error("input " + i + " (" + role + ") '" + in
                    + "' must be an initializer or the output of a Constant node");
        }
        return t;
    }

    Tensor constant(OpNode n, int i, String role) {
        Tensor t = optionalConstant(n, i, role);
        if (t == null) {
            throw n.error("input " + i + " (" + role + ") is missing");
        }
        return t;
    }

    /** Appends a layer reading the live activation; its output becomes the live activation. */
    void push(OpNode n, FloatLayer layer) {
        if (FloatLayer.size(layer.inShape()) != FloatLayer.size(shape)) {
            throw n.error("the layer expects " + Arrays.toString(layer.inShape()) + " but receives "
                    + Arrays.toString(shape));
        }
        layers.add(layer);
        shape = layer.outShape();
        current = n.output();
        linearOnTop = layer instanceof Dense || layer instanceof Conv2d;
    }

    /** A node that leaves the values as they are (Identity, Dropout). */
    void pass(OpNode n) {
        current = n.output();
    }

    /** The last layer, for folding {@code n} into it; it must be a Dense or Conv2d right before {@code n}. */
    FloatLayer foldTarget(OpNode n, String why) {
        if (!linearOnTop) {
            throw n.error(why);
        }
        return layers.get(layers.size() - 1);
    }

    /** Replaces the last layer by its folded version; the output of {@code n} becomes the live activation. */
    void replaceLast(OpNode n, FloatLayer folded) {
        layers.set(layers.size() - 1, folded);
        current = n.output();
    }

    void setHead(OpNode n, Head h) {
        head = h;
        current = n.output();
        linearOnTop = false;
    }
}
