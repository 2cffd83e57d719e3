package io.foldline.jobs.kafka;

import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts dead letters by reason on their way to the sink, in one place for every step that rejects: a
 * counter {@code deadLetters} in a metric group {@code reason=<REASON>} (with the Prometheus reporter,
 * a label {@code reason}).
 */
public final class DeadLetterMetrics extends RichMapFunction<DeadLetter, DeadLetter> {
    private transient Map<DeadLetterReason, Counter> counters;

    @Override
    public void open(OpenContext context) {
        counters = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason r : DeadLetterReason.values()) {
            counters.put(r, getRuntimeContext().getMetricGroup().addGroup("reason", r.name()).counter("deadLetters"));
        }
    }

    @Override
    public DeadLetter map(DeadLetter d) {
        counters.get(d.getReason()).inc();
        return d;
    }
}
