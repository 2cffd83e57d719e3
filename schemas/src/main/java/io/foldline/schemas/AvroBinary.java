package io.foldline.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The wire format of every Foldline topic: a record's plain Avro binary encoding, no header, no schema
 * fingerprint (what Flink's {@code AvroSerializationSchema.forSpecific} writes). Not the generated
 * {@code toByteBuffer()}, which is Avro's single-object encoding with a 10-byte prefix.
 */
public final class AvroBinary {
    static {
        trustOwnRecords();
    }

    private AvroBinary() {
    }

    /**
     * Avro 1.12 refuses to instantiate a generated class outside its trusted set (the system property
     * {@code org.apache.avro.SERIALIZABLE_PACKAGES}), which a JVM started without that flag (a CLI, a user's
     * consumer) does not have: every decode of our records would throw SecurityException. This package's records
     * are trusted once, beside whatever the JVM's settings trust.
     */
    private static void trustOwnRecords() {
        String ours = AvroBinary.class.getPackageName();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                c -> c.getPackageName().equals(ours)));
    }

    public static <T extends SpecificRecord> byte[] encode(T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        try {
            @SuppressWarnings("unchecked")
            SpecificDatumWriter<T> w = new SpecificDatumWriter<>((Class<T>) record.getClass());
            w.write(record, enc);
            enc.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code bytes} written with {@code writer} into the generated class {@code type} (whose
     * schema is the reader's); trailing bytes are an error, so that a truncated or padded record is
     * not silently accepted.
     */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Schema writer, Class<T> type) throws IOException {
        BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
        SpecificDatumReader<T> r = new SpecificDatumReader<>(type);
        r.setSchema(writer);
        T value = r.read(null, dec);
        if (!dec.isEnd()) {
            throw new IOException("trailing bytes after a " + type.getSimpleName() + " record");
        }
        return value;
    }

    public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) throws IOException {
        return decode(bytes, schemaOf(type), type);
    }

    private static Schema schemaOf(Class<?> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not a generated Avro record", e);
        }
    }
}
