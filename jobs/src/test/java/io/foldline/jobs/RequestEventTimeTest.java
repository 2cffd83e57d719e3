package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.jobs.source.RawRecord;
import io.foldline.jobs.source.RequestEventTime;
import io.foldline.schemas.AvroBinary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.junit.jupiter.api.Test;

/** Event time comes from the decoded request; a record that does not decode must not move watermarks. */
class RequestEventTimeTest {
    private final RequestEventTime assigner = new RequestEventTime();

    @Test
    void readsEventTimeOfTheRequest() {
        byte[] v = AvroBinary.encode(Requests.request("r1", "m", 1_700_000_123_456L, new double[] {0.5}));
        assertEquals(1_700_000_123_456L, assigner.extractTimestamp(Requests.raw(v, 0), 42));
    }

    @Test
    void documentedPrefixBytes() {
        byte[] v = AvroBinary.encode(Requests.request("r1", "m", 1000, new double[] {0.5}));
        byte[] prefix = {0x04, 'r', '1', 0x02, 'm', (byte) 0xd0, 0x0f};
        assertArrayEquals(prefix, Arrays.copyOf(v, prefix.length));
    }

    @Test
    void plausiblePrefixOfGarbageDoesNotCount() {
        byte[] v = {0x00, 0x00, 0x15, (byte) 0xff, (byte) 0xff}; // eventTime -11, then not a request
        assertEquals(RequestEventTime.NONE, assigner.extractTimestamp(Requests.raw(v, 0), 42));
    }

    @Test
    void garbageGetsNoEventTimeRatherThanItsKafkaTimestamp() {
        byte[] v = {(byte) 0xff, (byte) 0xff};
        assertEquals(RequestEventTime.NONE, assigner.extractTimestamp(Requests.raw(v, 0), System.currentTimeMillis()));
    }

    @Test
    void watermarksIgnoreUndecodableRecords() {
        WatermarkGenerator<RawRecord> generator = WatermarkStrategy
                .<RawRecord>forBoundedOutOfOrderness(Duration.ofSeconds(1)).createWatermarkGenerator(null);
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput out = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark w) {
                emitted.add(w.getTimestamp());
            }

            @Override
            public void markIdle() {
            }

            @Override
            public void markActive() {
            }
        };
        RawRecord good = Requests.raw(Requests.request("r", "m", 10_000, new double[] {1}), 0);
        RawRecord junk = Requests.raw(new byte[] {(byte) 0xff, 0x01}, 1);
        generator.onEvent(good, assigner.extractTimestamp(good, 0), out);
        generator.onEvent(junk, assigner.extractTimestamp(junk, System.currentTimeMillis()), out);
        generator.onPeriodicEmit(out);
        assertEquals(List.of(10_000L - 1000 - 1), emitted);
    }
}
