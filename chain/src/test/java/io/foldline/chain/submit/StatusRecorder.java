package io.foldline.chain.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects every status the submitter emits, and waits for one matching a condition. */
final class StatusRecorder implements Consumer<WindowStatus> {
    private final List<WindowStatus> seen = new ArrayList<>();

    @Override
    public synchronized void accept(WindowStatus s) {
        seen.add(s);
        notifyAll();
    }

    synchronized List<WindowStatus> all() {
        return List.copyOf(seen);
    }

    synchronized long count(Predicate<WindowStatus> p) {
        return seen.stream().filter(p).count();
    }

    /**
     * Waits for a matching status, running {@code eachTick} (e.g. mine a block) between looks; fails with
     * everything seen so far when the deadline passes.
     */
    WindowStatus await(Predicate<WindowStatus> p, Duration timeout, Runnable eachTick) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                for (WindowStatus s : seen) {
                    if (p.test(s)) {
                        return s;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no matching status within " + timeout + "; seen: " + describe());
                }
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
            eachTick.run();
        }
    }

    WindowStatus await(Predicate<WindowStatus> p, Duration timeout) {
        return await(p, timeout, () -> { });
    }

    synchronized String describe() {
        StringBuilder b = new StringBuilder();
        for (WindowStatus s : seen) {
            b.append("\n  ").append(s.state()).append(' ').append(s.reason()).append(" tx=").append(s.txHash())
                    .append(" block=").append(s.block());
        }
        return b.toString();
    }
}
