package io.foldline.jobs.window;

import io.foldline.jobs.prove.Proven;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Event-time windows of one (model, shard) that close on size or on age: the first proven inference opens
 * a window at its event time t0; the window closes when it holds {@code maxSize} inferences, or when the
 * watermark passes t0 + {@code maxAge}, whichever comes first. Flink's window assigners cannot express "or
 * at this count" without a custom trigger and evictor, so this is keyed state and one event-time timer.
 *
 * <p>An inference whose event time is at or behind the operator's watermark is late (the watermark
 * promised that none would come): it goes to {@link DeadLetters#TAG} as LATE, with the original request.
 * A closed window becomes a BATCH {@link WindowProof}: inferences sorted by event time then request id,
 * windowStart and windowEnd the earliest and latest member event times, and the receipts root of
 * {@link ReceiptLeaf}. Its id is {@code modelId/shard/t0/sequence}, the sequence counting this key's
 * windows, so ids are unique even when two windows open at the same instant.
 *
 * <p>Metrics: {@code windowSize} and {@code windowAgeMillis} (wall-clock time from opening to closing)
 * histograms, {@code windowsClosed} and {@code lateInferences} counters.
 */
public final class SizeOrAgeWindows extends KeyedProcessFunction<ModelShard, Proven, WindowProof> {
    private final int maxSize;
    private final long maxAgeMillis;
    private transient ListState<ProvenInference> members;
    private transient ValueState<OpenWindow> open;
    private transient ValueState<Long> sequence;
    private transient Histogram size;
    private transient Histogram age;
    private transient Counter closed;
    private transient Counter late;

    public SizeOrAgeWindows(int maxSize, Duration maxAge) {
        if (maxSize < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("window size must be >= 1 and max age positive, got " + maxSize
                    + " and " + maxAge);
        }
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        members = getRuntimeContext().getListState(new ListStateDescriptor<>("members",
                TypeInformation.of(ProvenInference.class)));
        open = getRuntimeContext().getState(new ValueStateDescriptor<>("open", TypeInformation.of(OpenWindow.class)));
        sequence = getRuntimeContext().getState(new ValueStateDescriptor<>("sequence", Types.LONG));
        var group = getRuntimeContext().getMetricGroup();
        size = group.histogram("windowSize", new DescriptiveStatisticsHistogram(1000));
        age = group.histogram("windowAgeMillis", new DescriptiveStatisticsHistogram(1000));
        closed = group.counter("windowsClosed");
        late = group.counter("lateInferences");
    }

    @Override
    public void processElement(Proven p, Context ctx, Collector<WindowProof> out) throws Exception {
        long t = p.inference().getEventTime().toEpochMilli();
        long watermark = ctx.timerService().currentWatermark();
        if (t <= watermark) {
            late.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.of(DeadLetterReason.LATE, "request "
                    + p.inference().getRequestId() + ": event time " + Instant.ofEpochMilli(t) + " is behind the "
                    + "watermark " + Instant.ofEpochMilli(watermark) + " of its window (model "
                    + ctx.getCurrentKey().modelId() + ", shard " + ctx.getCurrentKey().shard()
                    + "); raise watermarks.out-of-orderness to accept such requests", p.source()));
            return;
        }
        OpenWindow w = open.value();
        if (w == null) {
            w = OpenWindow.first(t, System.currentTimeMillis());
            ctx.timerService().registerEventTimeTimer(deadline(w));
        } else {
            w = w.with(t);
        }
        members.add(p.inference());
        if (w.count() >= maxSize) {
            ctx.timerService().deleteEventTimeTimer(deadline(w));
            close(w, ctx.getCurrentKey(), out);
        } else {
            open.update(w);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowProof> out) throws Exception {
        OpenWindow w = open.value();
        if (w != null && deadline(w) == timestamp) {
            close(w, ctx.getCurrentKey(), out);
        }
    }

    private long deadline(OpenWindow w) {
        return w.openedAt() + maxAgeMillis;
    }

    private void close(OpenWindow w, ModelShard key, Collector<WindowProof> out) throws Exception {
        long seq = sequence.value() == null ? 0 : sequence.value();
        sequence.update(seq + 1);
        List<ProvenInference> list = new ArrayList<>();
        members.get().forEach(list::add);
        list.sort(Comparator.comparing(ProvenInference::getEventTime).thenComparing(ProvenInference::getRequestId));
        String id = windowId(key, w.openedAt(), seq);
        out.collect(WindowProof.newBuilder()
                .setWindowId(id)
                .setModelId(key.modelId())
                .setShard(key.shard())
                .setWindowStart(Instant.ofEpochMilli(w.minTime()))
                .setWindowEnd(Instant.ofEpochMilli(w.maxTime()))
                .setKind(WindowKind.BATCH)
                .setInferences(list)
                .setReceiptsRoot(ByteBuffer.wrap(ReceiptLeaf.root(id, list)))
                .build());
        members.clear();
        open.clear();
        closed.inc();
        size.update(list.size());
        age.update(System.currentTimeMillis() - w.openedWallClock());
    }

    /** "modelId/shard/t0/sequence", t0 in epoch milliseconds. */
    static String windowId(ModelShard key, long openedAt, long sequence) {
        return key.modelId() + "/" + key.shard() + "/" + openedAt + "/" + sequence;
    }
}
