package io.foldline.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readers built against the released schemas (test resources {@code released/}) read records written with
 * the current ones, and the other way round. The released InferenceRequest predates the caller metadata
 * map, so that case exercises a real added field.
 */
class SchemaEvolutionTest {
    private static InferenceRequest request() {
        return InferenceRequest.newBuilder()
                .setRequestId("r1").setModelId("m").setEventTime(Instant.ofEpochMilli(1000))
                .setInput(List.of(0.5)).setSalt(null).setMetadata(Map.of()).build();
    }

    @Test
    void wireFormatIsPlainAvroBinary() {
        // the worked example of the package documentation
        assertEquals("0472310" + "26d" + "d00f" + "02000000000000e03f00" + "00" + "00",
                HexFormat.of().formatHex(AvroBinary.encode(request())));
    }

    @Test
    void releasedReaderReadsANewRequestWithMetadata() throws IOException {
        InferenceRequest now = InferenceRequest.newBuilder(request()).setMetadata(Map.of("caller", "desk 7"))
                .setSalt(ByteBuffer.wrap(new byte[32])).build();
        byte[] bytes = AvroBinary.encode(now);
        GenericRecord old = readGeneric(bytes, InferenceRequest.getClassSchema(), released("InferenceRequest"));
        assertEquals("r1", old.get("requestId").toString());
        assertEquals(List.of(0.5), old.get("input"));
        assertNull(old.getSchema().getField("metadata"), "the released reader has no metadata field");
    }

    @Test
    void newReaderReadsAReleasedRequestAndDefaultsTheMetadata() throws IOException {
        Schema oldSchema = released("InferenceRequest");
        byte[] oldBytes = HexFormat.of().parseHex("0472310" + "26d" + "d00f" + "02000000000000e03f00" + "00");
        InferenceRequest r = AvroBinary.decode(oldBytes, oldSchema, InferenceRequest.class);
        assertEquals(Map.of(), r.getMetadata());
        assertEquals("m", r.getModelId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InferenceRequest", "ProvenInference", "WindowProof", "Receipt", "DeadLetter"})
    void everyReleasedSchemaIsCompatibleBothWays(String name) throws IOException {
        Schema current = currentSchema(name);
        Schema old = released(name);
        assertCompatible(old, current, "released reader, current writer");
        assertCompatible(current, old, "current reader, released writer");
    }

    @Test
    void anIncompatibleChangeIsCaught() throws IOException {
        // control: a field whose type changes must be flagged, or the test above proves nothing
        Schema current = InferenceRequest.getClassSchema();
        String text = new String(stream("InferenceRequest").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String changed = text.replaceFirst("(\"name\": \"modelId\",\\s*\"type\": )\"string\"", "$1\"int\"");
        assertTrue(!changed.equals(text), "the control must change the schema");
        Schema broken = new Schema.Parser().parse(changed);
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(broken, current).getType());
    }

    private static ProvenInference proven() {
        return ProvenInference.newBuilder().setRequestId("r1").setModelId("m").setEventTime(Instant.ofEpochMilli(1000))
                .setCommitment(ByteBuffer.wrap(new byte[32])).setOutputs(List.of(3L, -2L)).setPredictedClass(0)
                .setTag(ByteBuffer.wrap(new byte[32])).setProof(ByteBuffer.wrap(new byte[0])).setProveMillis(7)
                .build();
    }

    @Test
    void releasedReaderReadsAFoldedInferenceWithoutItsInstanceCommitment() throws IOException {
        byte[] k = new byte[64];
        k[63] = 2;
        ProvenInference now = ProvenInference.newBuilder(proven()).setInstanceCommitment(ByteBuffer.wrap(k)).build();
        GenericRecord old = readGeneric(AvroBinary.encode(now), ProvenInference.getClassSchema(),
                released("ProvenInference"));
        assertEquals("r1", old.get("requestId").toString());
        assertEquals(7L, old.get("proveMillis"));
        assertNull(old.getSchema().getField("instanceCommitment"), "the released reader has no instanceCommitment");
    }

    @Test
    void newReaderReadsAReleasedInferenceWithNoInstanceCommitment() throws IOException {
        Schema oldSchema = released("ProvenInference");
        org.apache.avro.generic.GenericData.Record old = new org.apache.avro.generic.GenericData.Record(oldSchema);
        for (Schema.Field f : oldSchema.getFields()) {
            Object v = proven().get(f.name());
            old.put(f.name(), v instanceof Instant t ? t.toEpochMilli() : v); // generic data has no logical types
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.avro.io.BinaryEncoder enc = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.generic.GenericDatumWriter<GenericRecord>(oldSchema).write(old, enc);
        enc.flush();
        ProvenInference p = AvroBinary.decode(out.toByteArray(), oldSchema, ProvenInference.class);
        assertNull(p.getInstanceCommitment());
        assertEquals(List.of(3L, -2L), p.getOutputs());
    }

    @Test
    void truncatedOrPaddedBytesAreRefused() {
        byte[] ok = AvroBinary.encode(request());
        assertThrows(IOException.class, () -> AvroBinary.decode(java.util.Arrays.copyOf(ok, ok.length - 2),
                InferenceRequest.class));
        assertThrows(IOException.class, () -> AvroBinary.decode(java.util.Arrays.copyOf(ok, ok.length + 1),
                InferenceRequest.class));
    }

    @Test
    void deadLetterKeepsTheOriginalBytes() throws IOException {
        byte[] junk = {1, 2, 3, (byte) 0xff};
        DeadLetter d = DeadLetter.newBuilder().setReason(DeadLetterReason.UNDECODABLE).setMessage("bad")
                .setOriginal(ByteBuffer.wrap(junk)).setSourceTopic("t").setPartition(1).setOffset(42)
                .setTimestamp(Instant.ofEpochMilli(5)).build();
        DeadLetter back = AvroBinary.decode(AvroBinary.encode(d), DeadLetter.class);
        byte[] original = new byte[back.getOriginal().remaining()];
        back.getOriginal().get(original);
        assertArrayEquals(junk, original);
        assertEquals(DeadLetterReason.UNDECODABLE, back.getReason());
    }

    private static void assertCompatible(Schema reader, Schema writer, String what) {
        SchemaCompatibility.SchemaPairCompatibility c =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertTrue(c.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                what + ": " + c.getDescription());
    }

    private static Schema currentSchema(String name) {
        return switch (name) {
            case "InferenceRequest" -> InferenceRequest.getClassSchema();
            case "ProvenInference" -> ProvenInference.getClassSchema();
            case "WindowProof" -> WindowProof.getClassSchema();
            case "Receipt" -> Receipt.getClassSchema();
            case "DeadLetter" -> DeadLetter.getClassSchema();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A released schema; WindowProof's refers to the released ProvenInference, parsed first. */
    private static Schema released(String name) throws IOException {
        Schema.Parser p = new Schema.Parser();
        if (name.equals("WindowProof")) {
            p.parse(stream("ProvenInference"));
        }
        return p.parse(stream(name));
    }

    private static InputStream stream(String name) {
        return SchemaEvolutionTest.class.getResourceAsStream("/released/" + name + ".avsc");
    }

    private static GenericRecord readGeneric(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
