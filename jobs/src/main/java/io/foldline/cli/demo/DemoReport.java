package io.foldline.cli.demo;

import io.foldline.cli.Console;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.ProvenInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a demo run measured, printed as the closing summary and written as {@code summary.json}. Latency is
 * request to window output: from the moment a request was sent to the moment its window became visible to a
 * read_committed consumer. Throughput counts the valid inferences delivered in windows per second of the
 * job's run, from its submission to the last window seen.
 */
record DemoReport(String model, DemoTopics topics, String bootstrap, int parallelism, int validSent,
                  int malformedSent, long proofs, int windows, Map<String, Integer> kinds,
                  Map<String, Integer> deadLetters, double jobSeconds, double deliverySeconds, long[] latencyMillis,
                  long[] proveMillis, List<String> problems, Path outDir) {

    static DemoReport of(String model, DemoTopics topics, String bootstrap, int parallelism, RequestWorkload.Sent sent,
                         List<OutputWatcher.SeenWindow> windows, List<DeadLetter> dead, long jobStartMillis,
                         long jobEndMillis, List<String> problems, Path outDir) {
        List<Long> latencies = new ArrayList<>();
        List<Long> prove = new ArrayList<>();
        long proofs = 0;
        long lastSeen = jobStartMillis;
        Map<String, Integer> kinds = new TreeMap<>();
        for (OutputWatcher.SeenWindow w : windows) {
            lastSeen = Math.max(lastSeen, w.seenAtMillis());
            kinds.merge(w.window().getKind().name(), 1, Integer::sum);
            for (ProvenInference p : w.window().getInferences()) {
                proofs++;
                prove.add(p.getProveMillis());
                Long at = sent.validSentAtMillis().get(p.getRequestId());
                if (at != null) {
                    latencies.add(w.seenAtMillis() - at);
                }
            }
        }
        Map<String, Integer> byReason = new TreeMap<>();
        for (DeadLetter d : dead) {
            byReason.merge(d.getReason().name(), 1, Integer::sum);
        }
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new DemoReport(model, topics, bootstrap, parallelism, sent.validSentAtMillis().size(),
                sent.malformedByAddress().size(), proofs, windows.size(), kinds, byReason,
                (jobEndMillis - jobStartMillis) / 1e3, (lastSeen - jobStartMillis) / 1e3, lat,
                prove.stream().mapToLong(Long::longValue).sorted().toArray(), problems, outDir);
    }

    double throughput() {
        return deliverySeconds > 0 ? proofs / deliverySeconds : 0;
    }

    /** Nearest-rank percentile of the latencies, in seconds. */
    double latency(double q) {
        return percentile(latencyMillis, q) / 1e3;
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Mean time of the proving step of one inference inside the job (witness + proof or commitment), in ms. */
    double meanProveMillis() {
        return proveMillis.length == 0 ? Double.NaN : Arrays.stream(proveMillis).average().orElse(0);
    }

    void print(Console out) {
        out.println("");
        out.println("summary");
        out.println(line("requests sent", validSent + " valid + " + malformedSent + " malformed"));
        out.println(line("proofs (inferences in windows)", String.valueOf(proofs)));
        out.println(line("windows", windows + " " + kinds + " (" + model + ", " + parallelism + " shards)"));
        out.println(line("dead letters by reason", deadLetters.isEmpty() ? "none" : deadLetters.toString()));
        out.println(line("exactly once", problems.isEmpty() ? "OK: every valid request in one window, every "
                + "malformed record in one dead letter with its reason" : "FAILED: " + String.join("; ", problems)));
        out.println(line("throughput", String.format(Locale.ROOT, "%.2f inferences/s (%d in %.1f s from job "
                + "submission to the last window; job ran %.1f s)", throughput(), proofs, deliverySeconds,
                jobSeconds)));
        out.println(line("latency request -> window", String.format(Locale.ROOT, "p50 %.1f s, p95 %.1f s, max %.1f s",
                latency(0.5), latency(0.95), latency(1.0))));
        boolean folded = kinds.containsKey("FOLDED") && !kinds.containsKey("BATCH");
        out.println(line(folded ? "witness + commitment time" : "proof time in the job", String.format(Locale.ROOT,
                "mean %.0f ms, p50 %.0f ms, p95 %.0f ms per inference (%s)", meanProveMillis(),
                percentile(proveMillis, 0.5), percentile(proveMillis, 0.95), folded
                        ? "witness and K_i on the proving thread; the fold and the window's decider proof run in the "
                        + "window operator"
                        : "witness + Groth16 proof, on the proving thread")));
        out.println(line("", "(all requests are sent before the bounded job starts, so latency includes the "
                + "job's start-up and the queue ahead of each request)"));
        out.println("outputs");
        out.println(line("topics (read_committed)", topics.windowProofs() + ", " + topics.deadLetters() + " at "
                + bootstrap + " (requests: " + topics.requests() + ")"));
        out.println(line("window proofs", outDir.resolve("windows") + "/<windowId>.avro (Avro binary WindowProof)"));
        out.println(line("summary", outDir.resolve("summary.json").toString()));
    }

    private static String line(String what, String value) {
        return String.format(Locale.ROOT, "  %-32s %s", what, value);
    }

    void writeJson(Path file) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "model", str(model));
        field(b, "parallelism", String.valueOf(parallelism));
        field(b, "validRequests", String.valueOf(validSent));
        field(b, "malformedRecords", String.valueOf(malformedSent));
        field(b, "proofs", String.valueOf(proofs));
        field(b, "windows", String.valueOf(windows));
        StringBuilder reasons = new StringBuilder("{");
        deadLetters.forEach((k, v) -> reasons.append(reasons.length() > 1 ? ", " : "").append(str(k)).append(": ")
                .append(v));
        field(b, "deadLettersByReason", reasons.append("}").toString());
        field(b, "exactlyOnce", String.valueOf(problems.isEmpty()));
        field(b, "problems", "[" + String.join(", ", problems.stream().map(DemoReport::str).toList()) + "]");
        field(b, "throughputInferencesPerSecond", num(throughput()));
        field(b, "deliverySeconds", num(deliverySeconds));
        field(b, "jobSeconds", num(jobSeconds));
        field(b, "latencySeconds", "{\"p50\": " + num(latency(0.5)) + ", \"p95\": " + num(latency(0.95))
                + ", \"max\": " + num(latency(1.0)) + "}");
        field(b, "proveMillis", "{\"mean\": " + num(meanProveMillis()) + ", \"p50\": "
                + num(percentile(proveMillis, 0.5)) + ", \"p95\": " + num(percentile(proveMillis, 0.95)) + "}");
        field(b, "bootstrapServers", str(bootstrap));
        field(b, "topics", "{\"requests\": " + str(topics.requests()) + ", \"windowProofs\": "
                + str(topics.windowProofs()) + ", \"deadLetters\": " + str(topics.deadLetters()) + "}");
        b.append("  \"windowsDir\": ").append(str(outDir.resolve("windows").toString())).append("\n}\n");
        Files.writeString(file, b.toString());
    }

    private static void field(StringBuilder b, String name, String json) {
        b.append("  ").append(str(name)).append(": ").append(json).append(",\n");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "null";
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
