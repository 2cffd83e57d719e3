package io.foldline.circuits.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * The part of onnx.proto that Foldline reads, decoded by {@link OnnxDecoder}. Each value keeps its field
 * path ({@code graph.node[3]}) for error messages. Arrays are not copied: these values live only inside
 * one import.
 */
final class OnnxProto {
    private OnnxProto() {
    }

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int BOOL = 9;
    static final int DOUBLE = 11;

    record Model(long irVersion, List<OpsetId> opsets, Graph graph) {
    }

    record OpsetId(String domain, long version) {
    }

    record Graph(String name, List<Node> nodes, List<Tensor> initializers, List<ValueInfo> inputs,
                 List<ValueInfo> outputs) {
    }

    record Node(int index, String name, String opType, String domain, List<String> inputs, List<String> outputs,
                List<Attribute> attributes, String path) {
        /** How errors name the node: {@code node 4 'conv2' (Conv)}, or {@code node 4 (Conv)} when unnamed. */
        String label() {
            return "node " + index + (name.isEmpty() ? "" : " '" + name + "'") + " (" + opType + ")";
        }
    }

    /** AttributeProto; {@code type} is its AttributeType (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS). */
    record Attribute(String name, int type, float f, long i, byte[] s, Tensor t, float[] floats, long[] ints) {
        static final int FLOAT = 1;
        static final int INT = 2;
        static final int STRING = 3;
        static final int TENSOR = 4;
        static final int FLOATS = 6;
        static final int INTS = 7;
    }

    /**
     * A TensorProto with its data decoded: {@code values} for FLOAT and DOUBLE tensors (floats widened
     * exactly), {@code int64s} for INT64 and BOOL tensors; the other array is null.
     */
    record Tensor(String name, int dataType, long[] dims, double[] values, long[] int64s, String path) {
        long count() {
            return values != null ? values.length : int64s.length;
        }

        String describe() {
            return "'" + name + "' " + Arrays.toString(dims);
        }
    }

    /** A ValueInfoProto; {@code shape} is null when the type carries no shape. */
    record ValueInfo(String name, int elemType, List<Dim> shape, String path) {
    }

    /** One TensorShapeProto.Dimension: a known size, or a symbolic (or unknown) one with {@code value < 0}. */
    record Dim(long value, String param) {
        boolean known() {
            return value >= 0;
        }

        @Override
        public String toString() {
            return known() ? Long.toString(value) : param.isEmpty() ? "?" : param;
        }
    }
}
