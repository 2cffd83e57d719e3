package io.foldline.jobs.prove;

import io.foldline.jobs.validate.DeadLetters;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Proofs continue to the windows; failed proofs go to {@link DeadLetters#TAG}. */
public final class SplitOutcomes extends ProcessFunction<ProveOutcome, Proven> {
    @Override
    public void processElement(ProveOutcome o, Context ctx, Collector<Proven> out) {
        if (o.proven() != null) {
            out.collect(o.proven());
        } else {
            ctx.output(DeadLetters.TAG, o.failed());
        }
    }
}
