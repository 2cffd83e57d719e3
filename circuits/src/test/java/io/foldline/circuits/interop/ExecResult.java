package io.foldline.circuits.interop;

import java.time.Duration;
import java.util.List;

/** What an external command did: its exit code (-1 when killed on timeout) and both output streams. */
public record ExecResult(List<String> command, int exitCode, boolean timedOut, Duration elapsed,
                         String stdout, String stderr) {

    private static final int TAIL_CHARS = 4000;

    public ExecResult {
        command = List.copyOf(command);
    }

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Returns this result, or fails the calling test with the command and the tail of its output. */
    public ExecResult requireOk() {
        if (!ok()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    public String describe() {
        String status = timedOut ? "timed out after " + elapsed.toSeconds() + " s" : "exit code " + exitCode;
        return String.join(" ", command) + ": " + status
                + "\n--- stdout (tail) ---\n" + tail(stdout)
                + "\n--- stderr (tail) ---\n" + tail(stderr);
    }

    private static String tail(String s) {
        return s.length() <= TAIL_CHARS ? s : "..." + s.substring(s.length() - TAIL_CHARS);
    }
}
