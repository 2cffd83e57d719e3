package io.foldline.jobs;

import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.InferenceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Requests and raw records for tests. */
final class Requests {
    private Requests() {
    }

    static InferenceRequest request(String id, String model, long eventTime, double[] input) {
        List<Double> in = new ArrayList<>();
        for (double d : input) {
            in.add(d);
        }
        return InferenceRequest.newBuilder().setRequestId(id).setModelId(model)
                .setEventTime(Instant.ofEpochMilli(eventTime)).setInput(in).setSalt(null).setMetadata(Map.of()).build();
    }

    static RawRecord raw(byte[] value, long offset) {
        return new RawRecord(value, "inference-requests", 0, offset, 1_700_000_000_000L + offset);
    }

    static RawRecord raw(InferenceRequest r, long offset) {
        return raw(AvroBinary.encode(r), offset);
    }
}
