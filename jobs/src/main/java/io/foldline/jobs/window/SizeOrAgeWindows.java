package io.foldline.jobs.window;

import io.foldline.jobs.prove.Proven;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import io.foldline.circuits.FormatException;
import io.foldline.jobs.model.ModelSpec;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Event-time windows of one (model, shard) that close on size or on age: the first proven inference opens
 * a window at its event time t0; the window closes when it holds {@code maxSize} inferences, or when the
 * watermark passes t0 + {@code maxAge}, whichever comes first. Flink's window assigners cannot express "or
 * at this count" without a custom trigger and evictor, so this is keyed state and one event-time timer.
 *
 * <p>An inference whose event time is at or behind the operator's watermark is late (the watermark
 * promised that none would come): it goes to {@link DeadLetters#TAG} as LATE, with the original request.
 * A closed window of a BATCH model becomes a BATCH {@link WindowProof}: inferences sorted by event time then
 * request id, windowStart and windowEnd the earliest and latest member event times, and the receipts root
 * of {@link ReceiptLeaf}. Its id is {@code modelId/shard/t0/sequence}, the sequence counting this key's
 * windows, so ids are unique even when two windows open at the same instant.
 *
 * <p>A folded model (one with window keys) aggregates as it goes: the window's accumulator
 * ({@code WindowAccumulator}, kept as bytes in keyed state) starts from a random instance when the window
 * opens and folds each inference on arrival ({@link WindowFolding}); the fold order is the arrival order
 * here, and the window lists its inferences, and its receipts root covers them, in that order. An inference
 * that cannot be folded (its witness does not fit the circuit) is a PROOF_FAILED dead letter. A closed
 * folded window goes to the side output {@link #FOLDED} as a {@link ClosedWindow}; the decider runs in its
 * own asynchronous stage ({@link DecideAsync}), so that a decider of seconds does not hold up this
 * operator's checkpoints.
 *
 * <p>Metrics: {@code windowSize} and {@code windowAgeMillis} (wall-clock time from opening to closing)
 * histograms, {@code windowsClosed} and {@code lateInferences} counters, {@code foldLatencyMillis}
 * (histogram of one fold, state bytes included), and per model a gauge {@code model.<id>.foldedWindows}
 * (1: FOLDED windows, 0: BATCH).
 */
public final class SizeOrAgeWindows extends KeyedProcessFunction<ModelShard, Proven, WindowProof> {
    /** Closed FOLDED windows, for the decider. */
    public static final OutputTag<ClosedWindow> FOLDED = new OutputTag<>("folded-windows",
            TypeInformation.of(ClosedWindow.class));

    private final int maxSize;
    private final long maxAgeMillis;
    private final Map<String, ModelSpec> models;
    private transient ListState<ProvenInference> members;
    private transient ValueState<byte[]> accumulator;
    private transient SecureRandom random;
    private transient Histogram foldLatency;
    private transient ValueState<OpenWindow> open;
    private transient ValueState<Long> sequence;
    private transient Histogram size;
    private transient Histogram age;
    private transient Counter closed;
    private transient Counter late;

    /** Every window BATCH. */
    public SizeOrAgeWindows(int maxSize, Duration maxAge) {
        this(maxSize, maxAge, Map.of());
    }

    /** The models with window keys among {@code models} get FOLDED windows, the others (and unknown ids) BATCH. */
    public SizeOrAgeWindows(int maxSize, Duration maxAge, Map<String, ModelSpec> models) {
        if (maxSize < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("window size must be >= 1 and max age positive, got " + maxSize
                    + " and " + maxAge);
        }
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
        this.models = new HashMap<>(models);
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
        accumulator = getRuntimeContext().getState(new ValueStateDescriptor<>("accumulator",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        random = new SecureRandom();
        foldLatency = group.histogram("foldLatencyMillis", new DescriptiveStatisticsHistogram(1000));
        for (ModelSpec m : models.values()) {
            int folded = m.folded() ? 1 : 0;
            group.addGroup("model", m.id()).gauge("foldedWindows", () -> folded);
        }
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
        ModelSpec spec = models.get(p.inference().getModelId());
        if (spec != null && spec.folded() && !fold(w == null ? null : accumulator.value(), p, spec, ctx)) {
            return;
        }
        if (w == null) {
            w = OpenWindow.first(t, System.currentTimeMillis());
            ctx.timerService().registerEventTimeTimer(deadline(w));
        } else {
            w = w.with(t);
        }
        members.add(p.inference());
        if (w.count() >= maxSize) {
            ctx.timerService().deleteEventTimeTimer(deadline(w));
            close(w, ctx.getCurrentKey(), ctx, out);
        } else {
            open.update(w);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowProof> out) throws Exception {
        OpenWindow w = open.value();
        if (w != null && deadline(w) == timestamp) {
            close(w, ctx.getCurrentKey(), ctx, out);
        }
    }

    /** Folds {@code p} into the window's state; false (and a dead letter) when it cannot be folded. */
    private boolean fold(byte[] state, Proven p, ModelSpec spec, Context ctx) throws Exception {
        long start = System.nanoTime();
        try {
            accumulator.update(WindowFolding.fold(state, p, spec, random));
        } catch (FormatException | IllegalArgumentException e) {
            ctx.output(DeadLetters.TAG, DeadLetters.of(DeadLetterReason.PROOF_FAILED, "request "
                    + p.inference().getRequestId() + ": cannot fold it into its window: " + e.getMessage(),
                    p.source()));
            return false;
        }
        foldLatency.update((System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private long deadline(OpenWindow w) {
        return w.openedAt() + maxAgeMillis;
    }

    private void close(OpenWindow w, ModelShard key, Context ctx, Collector<WindowProof> out) throws Exception {
        long seq = sequence.value() == null ? 0 : sequence.value();
        sequence.update(seq + 1);
        List<ProvenInference> list = new ArrayList<>();
        members.get().forEach(list::add);
        ModelSpec spec = models.get(key.modelId());
        boolean folded = spec != null && spec.folded();
        if (!folded) {
            list.sort(Comparator.comparing(ProvenInference::getEventTime)
                    .thenComparing(ProvenInference::getRequestId));
        }
        String id = windowId(key, w.openedAt(), seq);
        WindowProof window = WindowProof.newBuilder()
                .setWindowId(id)
                .setModelId(key.modelId())
                .setShard(key.shard())
                .setWindowStart(Instant.ofEpochMilli(w.minTime()))
                .setWindowEnd(Instant.ofEpochMilli(w.maxTime()))
                .setKind(folded ? WindowKind.FOLDED : WindowKind.BATCH)
                .setInferences(list)
                .setReceiptsRoot(ByteBuffer.wrap(ReceiptLeaf.root(id, list)))
                .build();
        if (folded) {
            ctx.output(FOLDED, new ClosedWindow(window, accumulator.value()));
            accumulator.clear();
        } else {
            out.collect(window);
        }
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
