package io.foldline.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Run by {@link AvroTrustTest} in a JVM without Avro's trusted-packages property: encode, decode, exit 0. */
public final class DecodeInAFreshJvm {
    private DecodeInAFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") != null) {
            throw new IllegalStateException("this check needs a JVM without org.apache.avro.SERIALIZABLE_PACKAGES");
        }
        DeadLetter d = DeadLetter.newBuilder().setReason(DeadLetterReason.UNDECODABLE).setMessage("m")
                .setOriginal(ByteBuffer.wrap(new byte[] {1})).setSourceTopic("t").setPartition(0).setOffset(1)
                .setTimestamp(Instant.ofEpochMilli(2)).build();
        DeadLetter back = AvroBinary.decode(AvroBinary.encode(d), DeadLetter.class);
        System.out.println("decoded " + back.getReason());
    }
}
