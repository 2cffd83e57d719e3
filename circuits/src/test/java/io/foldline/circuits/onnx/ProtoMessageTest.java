package io.foldline.circuits.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.FormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protobuf wire format (protobuf.dev/programming-guides/encoding) as {@link ProtoMessage} reads it. */
class ProtoMessageTest {
    private static final ProtoSchema SCHEMA = ProtoSchema.of().field(1, "a").repeated(2, "list").field(3, "sub");

    private static ProtoMessage parse(byte... bytes) {
        return ProtoMessage.parse("t.pb", bytes, SCHEMA);
    }

    /** The same with the bytes written as ints, so that values above 0x7f need no cast. */
    private static ProtoMessage parse(int... bytes) {
        return parse(toBytes(bytes));
    }

    private static String error(int... bytes) {
        return error(toBytes(bytes));
    }

    private static byte[] toBytes(int[] bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }

    private static String error(byte... bytes) {
        return assertThrows(FormatException.class, () -> {
            ProtoMessage m = parse(bytes);
            m.messages(2, SCHEMA).forEach(x -> x.int64(1, 0));
            m.message(3, SCHEMA);
        }).getMessage();
    }

    @Test
    void readsVarintsOfTheSpecExamples() {
        // 150 is 96 01 and 300 is ac 02 in the encoding guide
        assertEquals(150, parse(0x08, 0x96, 0x01).int64(1, 0));
        assertEquals(300, parse(0x08, 0xac, 0x02).int64(1, 0));
        byte[] minusOne = new ProtoWriter().varint(1, -1).toByteArray();
        assertEquals(11, minusOne.length, "a negative int64 takes ten bytes after the tag");
        assertEquals(-1, parse(minusOne).int64(1, 0));
        assertEquals(-1, parse(minusOne).int32(1, 0), "int32 -1 is sign-extended to ten bytes too");
        assertEquals(Long.MIN_VALUE, parse(new ProtoWriter().varint(1, Long.MIN_VALUE).toByteArray()).int64(1, 0));
    }

    @Test
    void lastScalarWinsAndAbsentGivesTheDefault() {
        ProtoMessage m = parse(new ProtoWriter().varint(1, 5).varint(1, 7).toByteArray());
        assertEquals(7, m.int64(1, 0));
        assertEquals(42, m.int64(9, 42));
        assertEquals("", m.string(9));
    }

    @Test
    void refusesBadVarints() {
        int[] eleven = {0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80, 0x01};
        assertEquals("t.pb: a: varint longer than 10 bytes", error(eleven));
        int[] overflow = {0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02};
        assertEquals("t.pb: a: varint overflows 64 bits", error(overflow));
        assertEquals("t.pb: a: the message ends inside a varint", error(0x08, 0x80));
        assertEquals("t.pb: (top level): the message ends inside a varint", error(0x80));
        assertEquals("t.pb: (top level): invalid field key 0 at byte 0 of the message", error(0x00, 0x01));
    }

    @Test
    void readsFixedWidthFieldsLittleEndian() {
        ProtoMessage m = parse(new ProtoWriter().fixed32(1, 1.5f).fixed64(2, -2.25).toByteArray());
        assertEquals(1.5f, m.float32(1, 0f));
        assertArrayEquals(new double[] {-2.25}, m.doubles(2));
        assertEquals(1.0f, parse(0x0d, 0, 0, 0x80, 0x3f).float32(1, 0f));
        assertEquals("t.pb: a: a fixed32 value needs 4 bytes, 3 left", error(0x0d, 0, 0, 0x80));
        assertEquals("t.pb: list[0]: a fixed64 value needs 8 bytes, 1 left", error(0x11, 0));
    }

    @Test
    void packedAndUnpackedRepeatedFieldsReadTheSame() {
        byte[] packed = new ProtoWriter().packedVarints(2, 1, -2, 300).toByteArray();
        byte[] unpacked = new ProtoWriter().varint(2, 1).varint(2, -2).varint(2, 300).toByteArray();
        byte[] mixed = new ProtoWriter().varint(2, 1).packedVarints(2, -2, 300).toByteArray();
        for (byte[] b : List.of(packed, unpacked, mixed)) {
            assertArrayEquals(new long[] {1, -2, 300}, parse(b).int64s(2));
        }
        assertArrayEquals(new float[] {1f, -0.5f},
                parse(new ProtoWriter().packedFloats(2, 1f, -0.5f).toByteArray()).floats(2));
        assertArrayEquals(new float[] {1f, -0.5f},
                parse(new ProtoWriter().fixed32(2, 1f).fixed32(2, -0.5f).toByteArray()).floats(2));
        assertEquals("t.pb: list[0]: packed run of 5 bytes is not a multiple of 4", assertThrows(FormatException.class,
                () -> parse(new ProtoWriter().bytes(2, new byte[5]).toByteArray()).floats(2)).getMessage());
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() {
        byte[] b = new ProtoWriter().varint(40, 9).fixed64(41, 1.0).string(42, "x").fixed32(43, 2f)
                .varint(1, 77).toByteArray();
        assertEquals(77, parse(b).int64(1, 0));
    }

    @Test
    void refusesGroupsAndInvalidWireTypes() {
        assertEquals("t.pb: sub: wire type 3 (group) is not supported", error(0x1b));
        assertEquals("t.pb: sub: wire type 4 (group) is not supported", error(0x1c));
        assertEquals("t.pb: #5: invalid wire type 6", error(0x2e));
        assertEquals("t.pb: #5: invalid wire type 7", error(0x2f));
    }

    @Test
    void lengthsMustStayInsideTheirMessage() {
        byte[] inner = new ProtoWriter().tag(1, 2).rawVarint(912).raw(new byte[40]).toByteArray();
        byte[] outer = new ProtoWriter().message(2, new ProtoWriter().varint(1, 1))
                .bytes(2, inner).toByteArray();
        assertEquals("t.pb: list[1].a: length 912 runs past the end of the message (40 bytes left)", error(outer));
        assertEquals("t.pb: sub: length 3 runs past the end of the message (2 bytes left)",
                error(0x1a, 3, 0, 0));
        byte[] huge = new ProtoWriter().tag(3, 2).rawVarint(-1).toByteArray();
        assertEquals("t.pb: sub: length 18446744073709551615 runs past the end of the message (0 bytes left)",
                error(huge));
    }

    @Test
    void checksWireTypesAndUtf8() {
        assertEquals("t.pb: a: wire type 0 where wire type 2 was expected", assertThrows(FormatException.class,
                () -> parse(0x08, 1).string(1)).getMessage());
        assertEquals("t.pb: a: not valid UTF-8", assertThrows(FormatException.class,
                () -> parse(0x0a, 1, 0xff).string(1)).getMessage());
        assertEquals("t.pb: a: value 4294967296 does not fit an int32", assertThrows(FormatException.class,
                () -> parse(new ProtoWriter().varint(1, 1L << 32).toByteArray()).int32(1, 0)).getMessage());
        ProtoMessage twice = parse(new ProtoWriter().message(3, new ProtoWriter()).message(3, new ProtoWriter())
                .toByteArray());
        assertEquals("t.pb: sub: a singular message field occurs 2 times", assertThrows(FormatException.class,
                () -> twice.message(3, SCHEMA)).getMessage());
    }

    @Test
    void decodesThePackageDocExample() {
        ProtoMessage node = parse(0x0a, 0x01, 0x78, 0x12, 0x01, 0x79, 0x22, 0x04, 0x52, 0x65, 0x6c, 0x75,
                0x2a, 0x0c, 0x0a, 0x05, 0x67, 0x72, 0x6f, 0x75, 0x70, 0x18, 0x02, 0xa0, 0x01, 0x02);
        assertEquals(List.of("x"), node.strings(1));
        assertEquals(List.of("y"), node.strings(2));
        assertEquals("Relu", node.string(4));
        ProtoMessage attribute = node.messages(5, SCHEMA).get(0);
        assertEquals("group", attribute.string(1));
        assertEquals(2, attribute.int64(3, 0));
        assertEquals(2, attribute.int32(20, 0));
    }
}
