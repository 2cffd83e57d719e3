package io.foldline.circuits.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A test-only protobuf wire-format writer, so that tests can build ONNX files (well-formed or broken on
 * purpose) without python: each call appends one field.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long v) {
        tag(field, 0);
        return rawVarint(v);
    }

    ProtoWriter fixed32(int field, float v) {
        tag(field, 5);
        return raw(le(4).putFloat(v).array());
    }

    ProtoWriter fixed64(int field, double v) {
        tag(field, 1);
        return raw(le(8).putDouble(v).array());
    }

    ProtoWriter bytes(int field, byte[] b) {
        tag(field, 2);
        rawVarint(b.length);
        return raw(b);
    }

    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter m) {
        return bytes(field, m.toByteArray());
    }

    ProtoWriter packedVarints(int field, long... values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toByteArray());
    }

    ProtoWriter packedFloats(int field, float... values) {
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return bytes(field, b.array());
    }

    ProtoWriter packedDoubles(int field, double... values) {
        ByteBuffer b = le(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return bytes(field, b.array());
    }

    /** Appends bytes as they are: a tag alone, a broken length, garbage. */
    ProtoWriter raw(byte... b) {
        out.writeBytes(b);
        return this;
    }

    ProtoWriter tag(int field, int wireType) {
        return rawVarint(((long) field << 3) | wireType);
    }

    ProtoWriter rawVarint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
