package io.foldline.chain.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a keystore's password comes from: an environment variable or a file (its content, one trailing
 * newline stripped). Neither the password nor any part of it appears in {@link #toString()} or in the
 * messages of the exceptions thrown here.
 */
public final class PasswordSource {
    private final String description;
    private final Reader reader;

    private interface Reader {
        String read() throws IOException;
    }

    private PasswordSource(String description, Reader reader) {
        this.description = description;
        this.reader = reader;
    }

    public static PasswordSource fromEnv(String variable) {
        return fromEnv(variable, System.getenv());
    }

    /** For tests: the environment of the JVM cannot be changed from inside it. */
    static PasswordSource fromEnv(String variable, Map<String, String> env) {
        return new PasswordSource("environment variable " + variable, () -> {
            String value = env.get(variable);
            if (value == null || value.isEmpty()) {
                throw new SubmitterException("keystore password: environment variable " + variable + " is not set");
            }
            return value;
        });
    }

    public static PasswordSource fromFile(Path file) {
        return new PasswordSource("password file " + file, () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
            }
            if (text.isEmpty()) {
                throw new SubmitterException("keystore password: " + file + " is empty");
            }
            return text;
        });
    }

    String read() {
        try {
            return reader.read();
        } catch (IOException e) {
            // The exception's own message names only the path; the content was never read into it.
            throw new SubmitterException("keystore password: cannot read " + description + ": "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "PasswordSource[" + description + "]";
    }
}
