package io.foldline.jobs;

import io.foldline.jobs.prove.Proven;
import io.foldline.schemas.ProvenInference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Synthetic proven inferences for the window tests: distinct tag and commitment words, no real proof. */
final class Proofs {
    private Proofs() {
    }

    static ProvenInference inference(String id, String model, long eventTime, List<Long> outputs, Integer cls) {
        byte[] tag = new byte[32];
        byte[] commitment = new byte[32];
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(idBytes, 0, tag, 32 - Math.min(31, idBytes.length), Math.min(31, idBytes.length));
        commitment[31] = (byte) eventTime;
        commitment[0] = 0x01;
        return ProvenInference.newBuilder().setRequestId(id).setModelId(model)
                .setEventTime(Instant.ofEpochMilli(eventTime)).setCommitment(ByteBuffer.wrap(commitment))
                .setOutputs(outputs).setPredictedClass(cls).setTag(ByteBuffer.wrap(tag))
                .setProof(ByteBuffer.wrap(new byte[256])).setProveMillis(1).build();
    }

    static Proven proven(String id, String model, long eventTime) {
        return new Proven(inference(id, model, eventTime, List.of(3L, -2L), 0),
                Requests.raw(id.getBytes(StandardCharsets.UTF_8), eventTime));
    }
}
