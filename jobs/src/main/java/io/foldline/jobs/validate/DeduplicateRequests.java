package io.foldline.jobs.validate;

import io.foldline.schemas.DeadLetterReason;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by request id: the first request with an id passes, any later one becomes a DUPLICATE_REQUEST
 * dead letter naming where the first came from. The state is one short string per id, kept for
 * {@code ttl} after the first sighting (processing time; Flink's state TTL, expired entries never read),
 * so that state does not grow without bound: a duplicate that arrives later than that is proved again.
 * The state is checkpointed, so a record replayed after a failure is not mistaken for a duplicate.
 */
public final class DeduplicateRequests extends KeyedProcessFunction<String, Accepted, Accepted> {
    private final Duration ttl;
    private transient ValueState<String> firstSeen;

    public DeduplicateRequests(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("dedup ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
    }

    /** The key of this step. */
    public static final class RequestId implements KeySelector<Accepted, String> {
        @Override
        public String getKey(Accepted a) {
            return a.request().getRequestId();
        }
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("first-seen", Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        firstSeen = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(Accepted a, Context ctx, Collector<Accepted> out) throws Exception {
        String first = firstSeen.value();
        if (first == null) {
            firstSeen.update(a.source().address());
            out.collect(a);
            return;
        }
        ctx.output(DeadLetters.TAG, DeadLetters.of(DeadLetterReason.DUPLICATE_REQUEST, "request id '"
                + a.request().getRequestId() + "' was already accepted from " + first + " (ids are remembered for "
                + ttl + "); this copy at " + a.source().address() + " is not proved", a.source()));
    }
}
