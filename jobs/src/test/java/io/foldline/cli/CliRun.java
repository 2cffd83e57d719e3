package io.foldline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs one foldline command line in-process, as a user would type it, and keeps what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... argv) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), false));
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Runs and requires exit 0, showing the command and its stderr otherwise. */
    static CliRun ok(String... argv) {
        CliRun r = run(argv);
        assertEquals(0, r.code(), () -> String.join(" ", argv) + "\n" + r.err());
        return r;
    }
}
