package io.foldline.circuits.onnx;

import io.foldline.circuits.model.Head;
import io.foldline.circuits.model.Relu;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The supported ONNX operators, by op_type, and the small ones that need no file of their own. */
final class Ops {
    /** What one operator does to the chain being built. */
    @FunctionalInterface
    interface Op {
        void apply(OpNode n, Chain chain);
    }

    private static final Map<String, Op> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("Gemm", LinearOps::gemm);
        SUPPORTED.put("MatMul", LinearOps::matMul);
        SUPPORTED.put("Add", LinearOps::add);
        SUPPORTED.put("BatchNormalization", LinearOps::batchNormalization);
        SUPPORTED.put("Conv", WindowOps::conv);
        SUPPORTED.put("MaxPool", WindowOps::maxPool);
        SUPPORTED.put("AveragePool", WindowOps::averagePool);
        SUPPORTED.put("Relu", Ops::relu);
        SUPPORTED.put("Flatten", ShapeOps::flatten);
        SUPPORTED.put("Reshape", ShapeOps::reshape);
        SUPPORTED.put("Identity", ShapeOps::identity);
        SUPPORTED.put("Dropout", ShapeOps::dropout);
        SUPPORTED.put("Constant", ShapeOps::constant);
        SUPPORTED.put("Sigmoid", Ops::sigmoid);
        SUPPORTED.put("Softmax", Ops::softmax);
    }

    private Ops() {
    }

    static Op get(OpNode n) {
        Op op = SUPPORTED.get(n.opType());
        if (op == null) {
            throw n.error("op " + n.opType() + " is not supported; supported: "
                    + String.join(", ", SUPPORTED.keySet()));
        }
        return op;
    }

    private static void relu(OpNode n, Chain chain) {
        n.allowAttributes();
        n.arity(1, 1);
        chain.activation(n, 0);
        chain.push(n, new Relu(chain.shape()));
    }

    private static void sigmoid(OpNode n, Chain chain) {
        n.allowAttributes();
        n.arity(1, 1);
        chain.activation(n, 0);
        head(n, chain, Head.SIGMOID);
    }

    /**
     * Softmax must cover every logit, as {@link Head#SOFTMAX} does: from opset 13 it runs along one axis
     * (default -1), so every other non-batch axis must have size 1; before 13 it runs over the axes from
     * {@code axis} (default 1) on, so the non-batch axes before it must have size 1.
     */
    private static void softmax(OpNode n, Chain chain) {
        n.allowAttributes("axis");
        n.arity(1, 1);
        chain.activation(n, 0);
        int[] shape = chain.shape();
        int rank = shape.length + 1;
        boolean perAxis = chain.opset() >= 13;
        long axis = n.intAttr("axis", perAxis ? -1 : 1);
        long a = axis < 0 ? axis + rank : axis;
        boolean covers = a >= 1 && a < rank;
        for (int i = 1; covers && i < rank; i++) {
            if (shape[i - 1] != 1 && (perAxis ? i != a : i < a)) {
                covers = false;
            }
        }
        if (!covers) {
            throw n.error("attribute axis=" + axis + " on [batch, " + Arrays.toString(shape).substring(1)
                    + " (opset " + chain.opset() + ") is not a softmax over all the logits, which is the only"
                    + " one supported");
        }
        head(n, chain, Head.SOFTMAX);
    }

    private static void head(OpNode n, Chain chain, Head head) {
        if (!n.isLast()) {
            throw n.error(n.opType() + " is supported only as the last node of the graph (the head), but"
                    + " other nodes follow it");
        }
        chain.setHead(n, head);
    }
}
