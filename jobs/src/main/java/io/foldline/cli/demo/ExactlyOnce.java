package io.foldline.cli.demo;

import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowProof;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pipeline's promise checked against what a read_committed consumer saw: every valid request in exactly
 * one window entry, every malformed record in exactly one dead letter (found by its partition and offset)
 * with the expected reason, nothing else.
 */
public final class ExactlyOnce {
    private static final int SHOWN = 10;

    private ExactlyOnce() {
    }

    /** The problems found, at most a few of each kind named; empty when the outputs are exactly right. */
    public static List<String> problems(RequestWorkload.Sent sent, List<WindowProof> windows,
                                        List<DeadLetter> deadLetters) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> windowIds = new HashSet<>();
        for (WindowProof w : windows) {
            if (!windowIds.add(w.getWindowId())) {
                out.add("window " + w.getWindowId() + " appears twice");
            }
            for (ProvenInference p : w.getInferences()) {
                seen.merge(p.getRequestId(), 1, Integer::sum);
            }
        }
        Set<String> missing = new TreeSet<>(sent.validSentAtMillis().keySet());
        missing.removeAll(seen.keySet());
        Set<String> extra = new TreeSet<>(seen.keySet());
        extra.removeAll(sent.validSentAtMillis().keySet());
        Set<String> twice = new TreeSet<>();
        seen.forEach((id, n) -> {
            if (n > 1) {
                twice.add(id);
            }
        });
        report(out, "valid requests in no window", missing);
        report(out, "requests in more than one window entry", twice);
        report(out, "window entries for requests that were not sent as valid", extra);

        Map<String, List<DeadLetterReason>> byAddress = new HashMap<>();
        for (DeadLetter d : deadLetters) {
            String address = d.getPartition() + "@" + d.getOffset();
            byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(d.getReason());
        }
        Set<String> noLetter = new TreeSet<>();
        Set<String> wrong = new TreeSet<>();
        for (Map.Entry<String, DeadLetterReason> e : sent.malformedByAddress().entrySet()) {
            List<DeadLetterReason> got = byAddress.getOrDefault(e.getKey(), List.of());
            if (got.isEmpty()) {
                noLetter.add(e.getKey());
            } else if (got.size() > 1 || got.get(0) != e.getValue()) {
                wrong.add(e.getKey() + " expected " + e.getValue() + " got " + got);
            }
        }
        Set<String> unexpected = new TreeSet<>(byAddress.keySet());
        unexpected.removeAll(sent.malformedByAddress().keySet());
        report(out, "malformed records without a dead letter", noLetter);
        report(out, "dead letters with a wrong reason or more than one", wrong);
        report(out, "dead letters for records that were not malformed", unexpected);
        return out;
    }

    private static void report(List<String> out, String what, Set<String> items) {
        if (!items.isEmpty()) {
            List<String> shown = items.stream().limit(SHOWN).toList();
            out.add(items.size() + " " + what + ": " + shown + (items.size() > SHOWN ? " ..." : ""));
        }
    }
}
