package io.foldline.cli.demo;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that keeps the job's counters ({@code proofsCompleted}, {@code windowsClosed}, ...)
 * where the demo can sum them for its progress lines. The demo's job runs on a local Flink inside the demo's
 * own JVM, so a static registry is enough; on a cluster use a real reporter. Registered as a service
 * (META-INF/services) and enabled by {@link #CONFIG_KEY}.
 */
public final class ProgressMetrics implements MetricReporter {
    static final String CONFIG_KEY = "metrics.reporter.foldline-demo.factory.class";

    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    /** The sum of every live counter with this name, over all subtasks. */
    static long sum(String name) {
        long n = 0;
        for (Map.Entry<String, Counter> e : COUNTERS.entrySet()) {
            if (e.getKey().endsWith("." + name)) {
                n += e.getValue().getCount();
            }
        }
        return n;
    }

    static void reset() {
        COUNTERS.clear();
    }

    @Override
    public void open(MetricConfig config) {
    }

    @Override
    public void close() {
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (metric instanceof Counter c) {
            COUNTERS.put(group.getMetricIdentifier(name), c);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // a finished subtask's counters keep their final value: the demo's totals must not drop
    }

    /** Flink creates reporters through factories. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new ProgressMetrics();
        }
    }
}
