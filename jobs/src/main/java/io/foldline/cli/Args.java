package io.foldline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Positional arguments and {@code --name value} / {@code --flag} options of one verb. Commands declare the
 * options they accept; anything else is a usage error naming the option.
 */
public final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * Parses {@code raw}; {@code valued} lists options that take a value, {@code flagNames} those that do not
     * (names without the leading dashes).
     */
    public static Args parse(List<String> raw, Set<String> valued, Set<String> flagNames) {
        Args a = new Args();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flagNames.contains(name) && value == null) {
                    a.flags.add(name);
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = raw.get(++i);
                    }
                    a.options.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    public int size() {
        return positional.size();
    }

    /** Fails with a usage error unless there are between min and max positional arguments. */
    public Args expect(int min, int max, String usage) {
        if (positional.size() < min || positional.size() > max) {
            throw new UsageException("expected " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " arguments (" + usage + "), got " + positional.size());
        }
        return this;
    }

    public String get(int i) {
        return positional.get(i);
    }

    public Path path(int i) {
        return Path.of(positional.get(i));
    }

    /** A path that must name an existing readable file; otherwise a usage error naming it. */
    public Path inputFile(int i) {
        Path p = path(i);
        if (!Files.isRegularFile(p)) {
            throw new UsageException(p + ": no such file");
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(p + ": not readable");
        }
        return p;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + ": not an integer: " + v);
        }
    }

    public static int parseInt(String what, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": not an integer: " + v);
        }
    }
}
