package io.foldline.circuits.onnx;

import io.foldline.circuits.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One protobuf message, scanned (not yet interpreted) from the protobuf wire format: the list of its
 * fields with their wire type and either their value (varint, fixed32, fixed64) or the byte range of their
 * payload (length-delimited). Scanning checks every length against the bytes left, so the typed accessors
 * never read out of bounds; embedded messages are scanned when they are asked for. Every error names the
 * source and the field path, e.g. {@code "m.onnx: graph.node[3].attribute[1]: length 912 runs past the end
 * of the message (40 bytes left)"}.
 */
final class ProtoMessage {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    /** A scanned field: {@code value} for the scalar wire types, {@code offset}/{@code length} for LEN. */
    private record Field(int number, int wireType, long value, int offset, int length, String path) {
    }

    private final String source;
    private final String path;
    private final byte[] buf;
    private final List<Field> fields;

    private ProtoMessage(String source, String path, byte[] buf, List<Field> fields) {
        this.source = source;
        this.path = path;
        this.buf = buf;
        this.fields = fields;
    }

    /** Scans a whole buffer as the top-level message; {@code source} (a file name) starts every error. */
    static ProtoMessage parse(String source, byte[] buf, ProtoSchema schema) {
        return parse(source, "", schema, buf, 0, buf.length);
    }

    private static ProtoMessage parse(String source, String path, ProtoSchema schema, byte[] buf, int from, int to) {
        Cursor c = new Cursor(source, buf, from, to);
        List<Field> fields = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        while (c.pos < to) {
            int keyAt = c.pos - from;
            long key = c.varint(path);
            if (key >>> 32 != 0 || key >>> 3 == 0) {
                throw error(source, path, "invalid field key " + key + " at byte " + keyAt + " of the message");
            }
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            int index = seen.merge(number, 1, Integer::sum) - 1;
            String at = (path.isEmpty() ? "" : path + ".") + schema.step(number, index);
            fields.add(switch (wireType) {
                case VARINT -> new Field(number, wireType, c.varint(at), 0, 0, at);
                case FIXED64 -> new Field(number, wireType, c.fixed(at, 8), 0, 0, at);
                case FIXED32 -> new Field(number, wireType, c.fixed(at, 4), 0, 0, at);
                case LEN -> {
                    long length = c.varint(at);
                    int left = to - c.pos;
                    if (Long.compareUnsigned(length, left) > 0) {
                        throw error(source, at, "length " + Long.toUnsignedString(length)
                                + " runs past the end of the message (" + left + " bytes left)");
                    }
                    Field f = new Field(number, wireType, 0, c.pos, (int) length, at);
                    c.pos += (int) length;
                    yield f;
                }
                case 3, 4 -> throw error(source, at, "wire type " + wireType + " (group) is not supported");
                default -> throw error(source, at, "invalid wire type " + wireType);
            });
        }
        return new ProtoMessage(source, path, buf, fields);
    }

    String source() {
        return source;
    }

    /** Where this message sits, e.g. {@code graph.initializer[2]}; empty for the top-level message. */
    String path() {
        return path;
    }

    FormatException error(String what) {
        return error(source, path, what);
    }

    static FormatException error(String source, String path, String what) {
        return new FormatException(source + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + what);
    }

    boolean has(int number) {
        return fields.stream().anyMatch(f -> f.number == number);
    }

    /** A singular varint field; the last occurrence wins, as protobuf says. */
    long int64(int number, long absent) {
        Field f = last(number, VARINT);
        return f == null ? absent : f.value;
    }

    int int32(int number, int absent) {
        Field f = last(number, VARINT);
        if (f == null) {
            return absent;
        }
        if ((int) f.value != f.value) {
            throw error(source, f.path, "value " + f.value + " does not fit an int32");
        }
        return (int) f.value;
    }

    float float32(int number, float absent) {
        Field f = last(number, FIXED32);
        return f == null ? absent : Float.intBitsToFloat((int) f.value);
    }

    /** A singular UTF-8 string field, empty when absent. */
    String string(int number) {
        Field f = last(number, LEN);
        return f == null ? "" : utf8(f);
    }

    List<String> strings(int number) {
        List<String> out = new ArrayList<>();
        for (Field f : all(number)) {
            expect(f, LEN);
            out.add(utf8(f));
        }
        return out;
    }

    /** A singular bytes field, empty when absent. */
    byte[] bytes(int number) {
        Field f = last(number, LEN);
        return f == null ? new byte[0] : Arrays.copyOfRange(buf, f.offset, f.offset + f.length);
    }

    /** A singular embedded message, or null when absent. */
    ProtoMessage message(int number, ProtoSchema schema) {
        List<Field> all = all(number);
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            // protobuf would merge the occurrences; no ONNX writer does that, so refuse rather than guess
            throw error(source, all.get(1).path, "a singular message field occurs " + all.size() + " times");
        }
        return embedded(all.get(0), schema);
    }

    List<ProtoMessage> messages(int number, ProtoSchema schema) {
        List<ProtoMessage> out = new ArrayList<>();
        for (Field f : all(number)) {
            out.add(embedded(f, schema));
        }
        return out;
    }

    /** A repeated varint field in either encoding: packed runs and single values, in order. */
    long[] int64s(int number) {
        LongList out = new LongList();
        for (Field f : all(number)) {
            if (f.wireType == LEN) {
                Cursor c = new Cursor(source, buf, f.offset, f.offset + f.length);
                while (c.pos < c.end) {
                    out.add(c.varint(f.path));
                }
            } else {
                expect(f, VARINT);
                out.add(f.value);
            }
        }
        return out.toArray();
    }

    /** A repeated {@code float} field (fixed32), packed or not. */
    float[] floats(int number) {
        List<Field> all = all(number);
        float[] out = new float[count(all, FIXED32, 4)];
        int n = 0;
        for (Field f : all) {
            if (f.wireType == LEN) {
                ByteBuffer b = ByteBuffer.wrap(buf, f.offset, f.length).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    out[n++] = b.getFloat();
                }
            } else {
                out[n++] = Float.intBitsToFloat((int) f.value);
            }
        }
        return out;
    }

    /** A repeated {@code double} field (fixed64), packed or not. */
    double[] doubles(int number) {
        List<Field> all = all(number);
        double[] out = new double[count(all, FIXED64, 8)];
        int n = 0;
        for (Field f : all) {
            if (f.wireType == LEN) {
                ByteBuffer b = ByteBuffer.wrap(buf, f.offset, f.length).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    out[n++] = b.getDouble();
                }
            } else {
                out[n++] = Double.longBitsToDouble(f.value);
            }
        }
        return out;
    }

    /** The number of fixed-width values in {@code fields}, checking that packed runs hold whole values. */
    private int count(List<Field> all, int wireType, int width) {
        long n = 0;
        for (Field f : all) {
            if (f.wireType == LEN) {
                if (f.length % width != 0) {
                    throw error(source, f.path, "packed run of " + f.length + " bytes is not a multiple of "
                            + width);
                }
                n += f.length / width;
            } else {
                expect(f, wireType);
                n++;
            }
        }
        return Math.toIntExact(n);
    }

    private ProtoMessage embedded(Field f, ProtoSchema schema) {
        expect(f, LEN);
        return parse(source, f.path, schema, buf, f.offset, f.offset + f.length);
    }

    private List<Field> all(int number) {
        return fields.stream().filter(f -> f.number == number).toList();
    }

    private Field last(int number, int wireType) {
        Field found = null;
        for (Field f : fields) {
            if (f.number == number) {
                found = f;
            }
        }
        if (found != null) {
            expect(found, wireType);
        }
        return found;
    }

    private void expect(Field f, int wireType) {
        if (f.wireType != wireType) {
            throw error(source, f.path, "wire type " + f.wireType + " where wire type " + wireType
                    + " was expected");
        }
    }

    private String utf8(Field f) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, f.offset, f.length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(source, f.path, "not valid UTF-8");
        }
    }

    /** A read position inside one message's bytes. */
    private static final class Cursor {
        private final String source;
        private final byte[] buf;
        private final int end;
        private int pos;

        Cursor(String source, byte[] buf, int from, int to) {
            this.source = source;
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        long varint(String at) {
            long v = 0;
            for (int i = 0; i < 10; i++) {
                if (pos >= end) {
                    throw error(source, at, "the message ends inside a varint");
                }
                int b = buf[pos++] & 0xff;
                if (i == 9 && b >= 0x80) {
                    throw error(source, at, "varint longer than 10 bytes");
                }
                if (i == 9 && b > 1) {
                    throw error(source, at, "varint overflows 64 bits");
                }
                v |= (long) (b & 0x7f) << (7 * i);
                if (b < 0x80) {
                    return v;
                }
            }
            throw new AssertionError("unreachable: the tenth byte ends or fails every varint");
        }

        /** A little-endian fixed32 or fixed64, as raw bits. */
        long fixed(String at, int width) {
            if (end - pos < width) {
                throw error(source, at, "a fixed" + (8 * width) + " value needs " + width + " bytes, "
                        + (end - pos) + " left");
            }
            long v = 0;
            for (int i = 0; i < width; i++) {
                v |= (long) (buf[pos + i] & 0xff) << (8 * i);
            }
            pos += width;
            return v;
        }
    }

    /** A growable long array, so that huge packed runs do not box every value. */
    private static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
