package io.foldline.cli;

import java.io.PrintStream;

/**
 * Where commands speak: results to {@code out}, progress and errors to {@code err}, so that
 * {@code foldline zkey export soliditycalldata ... > calldata.txt} stays clean.
 */
public record Console(PrintStream out, PrintStream err, boolean quiet) {
    public static Console system() {
        return new Console(System.out, System.err, false);
    }

    /** A progress line on stderr (silenced by --quiet). */
    public void progress(String fmt, Object... args) {
        if (!quiet) {
            err.printf(fmt + "%n", args);
            err.flush();
        }
    }

    public void println(String s) {
        out.println(s);
    }
}
