package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Feeds damaged copies of a good file to a reader: it must fail with a FormatException naming the file. */
final class Corruption {
    private Corruption() {
    }

    /** Every proper prefix of {@code good} (at most {@code maxCases}, evenly spread) must be rejected. */
    static void everyTruncationFails(byte[] good, Path dir, String name, Consumer<Path> reader, int maxCases) {
        Path p = dir.resolve(name);
        int step = Math.max(1, good.length / maxCases);
        for (int len = 0; len < good.length; len += step) {
            write(p, java.util.Arrays.copyOf(good, len));
            expectFormatException(p, name, reader, "truncated to " + len + " of " + good.length + " bytes");
        }
    }

    /**
     * Flips bits at (at most {@code maxCases}) positions: each damaged file is either read (the flip hit a
     * byte the format cannot check, e.g. inside a name) or rejected with a FormatException; nothing else.
     * Returns how many were rejected.
     */
    static int flipsFailCleanly(byte[] good, Path dir, String name, Consumer<Path> reader, int maxCases) {
        Path p = dir.resolve(name);
        int step = Math.max(1, good.length / maxCases);
        int rejected = 0;
        for (int i = 0; i < good.length; i += step) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0xA5;
            write(p, bad);
            try {
                reader.accept(p);
            } catch (FormatException e) {
                assertTrue(e.getMessage().startsWith(name + ": "), "message must name the file: " + e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("byte " + i + " flipped: expected FormatException, got " + e, e);
            }
        }
        return rejected;
    }

    static FormatException expectFormatException(Path p, String name, Consumer<Path> reader, String what) {
        try {
            reader.accept(p);
        } catch (FormatException e) {
            assertTrue(e.getMessage().startsWith(name + ": "), "message must name the file: " + e.getMessage());
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": expected FormatException, got " + e, e);
        }
        return fail(what + ": expected FormatException, but the file was accepted");
    }

    static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
