package io.foldline.circuits.onnx;

import io.foldline.circuits.onnx.OnnxProto.Attribute;
import io.foldline.circuits.onnx.OnnxProto.Dim;
import io.foldline.circuits.onnx.OnnxProto.Graph;
import io.foldline.circuits.onnx.OnnxProto.Model;
import io.foldline.circuits.onnx.OnnxProto.Node;
import io.foldline.circuits.onnx.OnnxProto.OpsetId;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import io.foldline.circuits.onnx.OnnxProto.ValueInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes the subset of onnx.proto (ONNX 1.x, {@code onnx/onnx.proto3}) listed in the package docs from the
 * protobuf wire format into {@link OnnxProto} values. Fields it does not know are skipped.
 */
final class OnnxDecoder {
    private static final ProtoSchema MODEL = ProtoSchema.of().field(1, "ir_version").field(2, "producer_name")
            .field(3, "producer_version").field(4, "domain").field(5, "model_version").field(6, "doc_string")
            .field(7, "graph").repeated(8, "opset_import").repeated(14, "metadata_props")
            .repeated(20, "training_info").repeated(25, "functions");
    private static final ProtoSchema OPSET = ProtoSchema.of().field(1, "domain").field(2, "version");
    private static final ProtoSchema GRAPH = ProtoSchema.of().repeated(1, "node").field(2, "name")
            .repeated(5, "initializer").field(10, "doc_string").repeated(11, "input").repeated(12, "output")
            .repeated(13, "value_info").repeated(15, "sparse_initializer");
    private static final ProtoSchema NODE = ProtoSchema.of().repeated(1, "input").repeated(2, "output")
            .field(3, "name").field(4, "op_type").repeated(5, "attribute").field(6, "doc_string")
            .field(7, "domain");
    private static final ProtoSchema ATTRIBUTE = ProtoSchema.of().field(1, "name").field(2, "f").field(3, "i")
            .field(4, "s").field(5, "t").field(6, "g").repeated(7, "floats").repeated(8, "ints")
            .repeated(9, "strings").repeated(10, "tensors").repeated(11, "graphs").field(20, "type");
    private static final ProtoSchema TENSOR = ProtoSchema.of().repeated(1, "dims").field(2, "data_type")
            .field(3, "segment").repeated(4, "float_data").repeated(5, "int32_data").repeated(6, "string_data")
            .repeated(7, "int64_data").field(8, "name").field(9, "raw_data").repeated(10, "double_data")
            .repeated(13, "external_data").field(14, "data_location");
    private static final ProtoSchema VALUE_INFO = ProtoSchema.of().field(1, "name").field(2, "type");
    private static final ProtoSchema TYPE = ProtoSchema.of().field(1, "tensor_type");
    private static final ProtoSchema TYPE_TENSOR = ProtoSchema.of().field(1, "elem_type").field(2, "shape");
    private static final ProtoSchema SHAPE = ProtoSchema.of().repeated(1, "dim");
    private static final ProtoSchema DIM = ProtoSchema.of().field(1, "dim_value").field(2, "dim_param");

    private static final Map<Integer, String> DATA_TYPES = Map.ofEntries(Map.entry(0, "UNDEFINED"),
            Map.entry(1, "FLOAT"), Map.entry(2, "UINT8"), Map.entry(3, "INT8"), Map.entry(4, "UINT16"),
            Map.entry(5, "INT16"), Map.entry(6, "INT32"), Map.entry(7, "INT64"), Map.entry(8, "STRING"),
            Map.entry(9, "BOOL"), Map.entry(10, "FLOAT16"), Map.entry(11, "DOUBLE"), Map.entry(12, "UINT32"),
            Map.entry(13, "UINT64"), Map.entry(16, "BFLOAT16"));

    private OnnxDecoder() {
    }

    static Model model(String source, byte[] bytes) {
        ProtoMessage m = ProtoMessage.parse(source, bytes, MODEL);
        List<OpsetId> opsets = new ArrayList<>();
        for (ProtoMessage o : m.messages(8, OPSET)) {
            opsets.add(new OpsetId(o.string(1), o.int64(2, 0)));
        }
        ProtoMessage g = m.message(7, GRAPH);
        if (g == null) {
            throw m.error("no graph (field 7): not an ONNX model");
        }
        return new Model(m.int64(1, 0), opsets, graph(g));
    }

    private static Graph graph(ProtoMessage g) {
        if (g.has(15)) {
            throw g.error("sparse initializers are not supported");
        }
        List<Node> nodes = new ArrayList<>();
        List<ProtoMessage> raw = g.messages(1, NODE);
        for (int i = 0; i < raw.size(); i++) {
            nodes.add(node(i, raw.get(i)));
        }
        List<Tensor> initializers = new ArrayList<>();
        for (ProtoMessage t : g.messages(5, TENSOR)) {
            initializers.add(tensor(t));
        }
        return new Graph(g.string(2), nodes, initializers, valueInfos(g.messages(11, VALUE_INFO)),
                valueInfos(g.messages(12, VALUE_INFO)));
    }

    private static Node node(int index, ProtoMessage n) {
        List<Attribute> attributes = new ArrayList<>();
        for (ProtoMessage a : n.messages(5, ATTRIBUTE)) {
            attributes.add(attribute(a));
        }
        return new Node(index, n.string(3), n.string(4), n.string(7), n.strings(1), n.strings(2), attributes,
                n.path());
    }

    private static Attribute attribute(ProtoMessage a) {
        int type = a.int32(20, 0);
        if (type == 0) {
            type = inferType(a); // writers before IR version 2 left the type out
        }
        ProtoMessage t = a.message(5, TENSOR);
        return new Attribute(a.string(1), type, a.float32(2, 0f), a.int64(3, 0), a.bytes(4),
                t == null ? null : tensor(t), a.floats(7), a.int64s(8));
    }

    private static int inferType(ProtoMessage a) {
        int[][] fieldToType = {{2, Attribute.FLOAT}, {3, Attribute.INT}, {4, Attribute.STRING},
            {5, Attribute.TENSOR}, {7, Attribute.FLOATS}, {8, Attribute.INTS}};
        for (int[] ft : fieldToType) {
            if (a.has(ft[0])) {
                return ft[1];
            }
        }
        return 0;
    }

    static Tensor tensor(ProtoMessage t) {
        String name = t.string(8);
        if (t.int32(14, 0) == 1 || t.has(13)) {
            throw t.error("tensor '" + name + "' keeps its data in an external file (data_location EXTERNAL),"
                    + " which is not supported: save the model with all tensors inside the .onnx file");
        }
        if (t.has(3)) {
            throw t.error("tensor '" + name + "' is segmented, which is not supported");
        }
        long[] dims = t.int64s(1);
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw t.error("tensor '" + name + "' has a negative dimension " + d);
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw t.error("tensor '" + name + "' has too many elements");
            }
        }
        int type = t.int32(2, 0);
        int typedField = switch (type) {
            case OnnxProto.FLOAT -> 4;
            case OnnxProto.INT64 -> 7;
            case OnnxProto.DOUBLE -> 10;
            case OnnxProto.BOOL -> 5;
            default -> throw t.error("tensor '" + name + "' has data type " + type + " ("
                    + DATA_TYPES.getOrDefault(type, "unknown") + "); only FLOAT, DOUBLE, INT64 and BOOL are supported");
        };
        boolean raw = t.has(9);
        if (raw && t.has(typedField)) {
            throw t.error("tensor '" + name + "' has both raw_data and typed data");
        }
        Tensor decoded = raw ? rawTensor(t, name, type, dims) : typedTensor(t, name, type, dims);
        if (decoded.count() != count) {
            throw t.error("tensor '" + name + "' has dims " + Arrays.toString(dims) + " (" + count
                    + " values) but holds " + decoded.count() + " values");
        }
        return decoded;
    }

    private static Tensor typedTensor(ProtoMessage t, String name, int type, long[] dims) {
        return switch (type) {
            case OnnxProto.FLOAT -> new Tensor(name, type, dims, widen(t.floats(4)), null, t.path());
            case OnnxProto.DOUBLE -> new Tensor(name, type, dims, t.doubles(10), null, t.path());
            case OnnxProto.BOOL -> new Tensor(name, type, dims, null, t.int64s(5), t.path());
            default -> new Tensor(name, type, dims, null, t.int64s(7), t.path());
        };
    }

    private static Tensor rawTensor(ProtoMessage t, String name, int type, long[] dims) {
        byte[] raw = t.bytes(9);
        if (type == OnnxProto.BOOL) {
            long[] v = new long[raw.length];
            for (int i = 0; i < raw.length; i++) {
                v[i] = raw[i];
            }
            return new Tensor(name, type, dims, null, v, t.path());
        }
        int width = type == OnnxProto.FLOAT ? 4 : 8;
        if (raw.length % width != 0) {
            throw t.error("tensor '" + name + "': raw_data has " + raw.length + " bytes, not a multiple of "
                    + width);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int n = raw.length / width;
        if (type == OnnxProto.INT64) {
            long[] v = new long[n];
            b.asLongBuffer().get(v);
            return new Tensor(name, type, dims, null, v, t.path());
        }
        double[] v = new double[n];
        if (type == OnnxProto.FLOAT) {
            for (int i = 0; i < n; i++) {
                v[i] = b.getFloat();
            }
        } else {
            b.asDoubleBuffer().get(v);
        }
        return new Tensor(name, type, dims, v, null, t.path());
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static List<ValueInfo> valueInfos(List<ProtoMessage> infos) {
        List<ValueInfo> out = new ArrayList<>();
        for (ProtoMessage v : infos) {
            ProtoMessage type = v.message(2, TYPE);
            ProtoMessage tensorType = type == null ? null : type.message(1, TYPE_TENSOR);
            if (tensorType == null) {
                out.add(new ValueInfo(v.string(1), 0, null, v.path()));
                continue;
            }
            ProtoMessage shape = tensorType.message(2, SHAPE);
            List<Dim> dims = null;
            if (shape != null) {
                dims = new ArrayList<>();
                for (ProtoMessage d : shape.messages(1, DIM)) {
                    dims.add(d.has(1) ? new Dim(d.int64(1, 0), "") : new Dim(-1, d.string(2)));
                }
            }
            out.add(new ValueInfo(v.string(1), tensorType.int32(1, 0), dims, v.path()));
        }
        return out;
    }
}
