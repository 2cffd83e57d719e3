package io.foldline.circuits.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only fluent builder of ONNX ModelProto bytes on top of {@link ProtoWriter}, with the field numbers
 * of onnx.proto3 written out. Defaults: ir_version 8, opset 13 of the default domain.
 */
final class OnnxBuilder {
    private final ProtoWriter graph = new ProtoWriter();
    private final List<ProtoWriter> opsets = new ArrayList<>();
    private long irVersion = 8;

    static OnnxBuilder model() {
        return new OnnxBuilder();
    }

    OnnxBuilder irVersion(long v) {
        irVersion = v;
        return this;
    }

    OnnxBuilder opset(String domain, long version) {
        opsets.add(new ProtoWriter().string(1, domain).varint(2, version));
        return this;
    }

    /** A FLOAT graph input; each dim is an Integer (dim_value) or a String (dim_param); none: no shape. */
    OnnxBuilder input(String name, Object... dims) {
        graph.message(11, valueInfo(name, dims));
        return this;
    }

    OnnxBuilder output(String name, Object... dims) {
        graph.message(12, valueInfo(name, dims));
        return this;
    }

    OnnxBuilder initializer(ProtoWriter tensor) {
        graph.message(5, tensor);
        return this;
    }

    /** A FLOAT initializer stored as raw_data, as torch writes them. */
    OnnxBuilder weights(String name, long[] dims, double... values) {
        return initializer(tensor(name, dims, values));
    }

    OnnxBuilder node(String op, String name, String[] inputs, String output, ProtoWriter... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String i : inputs) {
            n.string(1, i);
        }
        n.string(2, output).string(3, name).string(4, op);
        for (ProtoWriter a : attributes) {
            n.message(5, a);
        }
        graph.message(1, n);
        return this;
    }

    /** Appends a hand-made NodeProto. */
    OnnxBuilder node(ProtoWriter n) {
        graph.message(1, n);
        return this;
    }

    byte[] build() {
        ProtoWriter m = new ProtoWriter().varint(1, irVersion);
        if (opsets.isEmpty()) {
            opset("", 13);
        }
        for (ProtoWriter o : opsets) {
            m.message(8, o);
        }
        return m.message(7, graph.string(2, "test")).toByteArray();
    }

    static String[] in(String... names) {
        return names;
    }

    static long[] dims(long... d) {
        return d;
    }

    static ProtoWriter valueInfo(String name, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            shape.message(1, d instanceof String s ? new ProtoWriter().string(2, s)
                    : new ProtoWriter().varint(1, ((Number) d).longValue()));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, 1);
        if (dims.length > 0) {
            tensorType.message(2, shape); // no dims: no shape at all, rather than a scalar
        }
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter tensor(String name, long[] dims, double... values) {
        ByteBuffer b = ProtoWriter.le(4 * values.length);
        for (double v : values) {
            b.putFloat((float) v);
        }
        return new ProtoWriter().packedVarints(1, dims).varint(2, 1).string(8, name).bytes(9, b.array());
    }

    /** A FLOAT tensor in float_data, one fixed32 field per value (the unpacked encoding). */
    static ProtoWriter unpackedFloatTensor(String name, long[] dims, double... values) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, 1).string(8, name);
        for (double v : values) {
            t.fixed32(4, (float) v);
        }
        return t;
    }

    static ProtoWriter int64Tensor(String name, long[] dims, long... values) {
        return new ProtoWriter().packedVarints(1, dims).varint(2, 7).string(8, name).packedVarints(7, values);
    }

    static ProtoWriter intAttr(String name, long v) {
        return new ProtoWriter().string(1, name).varint(3, v).varint(20, 2);
    }

    static ProtoWriter floatAttr(String name, float v) {
        return new ProtoWriter().string(1, name).fixed32(2, v).varint(20, 1);
    }

    static ProtoWriter intsAttr(String name, long... v) {
        return new ProtoWriter().string(1, name).packedVarints(8, v).varint(20, 7);
    }

    static ProtoWriter unpackedIntsAttr(String name, long... v) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long x : v) {
            a.varint(8, x);
        }
        return a.varint(20, 7);
    }

    static ProtoWriter stringAttr(String name, String v) {
        return new ProtoWriter().string(1, name).string(4, v).varint(20, 3);
    }

    static ProtoWriter tensorAttr(String name, ProtoWriter t) {
        return new ProtoWriter().string(1, name).message(5, t).varint(20, 4);
    }
}
