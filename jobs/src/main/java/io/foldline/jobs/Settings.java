package io.foldline.jobs;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.flink.util.TimeUtils;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The job's settings as dotted keys ({@code window.max-age}), from a YAML file ({@code --config job.yaml},
 * nested maps flattened) and then from command-line flags ({@code --window.max-age 10s} or
 * {@code --window.max-age=10s}), flags winning. Each value remembers where it came from, for messages,
 * and the folder relative paths are resolved against: the YAML file's folder, or the working directory
 * for a flag. YAML is read with snakeyaml-engine, which Flink already ships for its own config.yaml.
 */
final class Settings {
    /** A value, where it was set ("job.yaml" or "--flag"), and the base folder of relative paths. */
    record Value(String text, String origin, Path base) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    static Settings parse(String[] args) {
        Settings s = new Settings();
        Map<String, Value> flags = new LinkedHashMap<>();
        Path cwd = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new FormatException("unexpected argument '" + a + "': settings are --key value or --key=value");
            }
            String key = a.substring(2);
            String text;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                text = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                text = args[++i];
            } else {
                throw new FormatException("--" + key + " needs a value");
            }
            flags.put(key, new Value(text, "command line", cwd));
        }
        Value config = flags.remove("config");
        if (config != null) {
            s.readYaml(config.base().resolve(config.text()));
        }
        s.values.putAll(flags);
        return s;
    }

    private void readYaml(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FormatException(file + ": cannot read the configuration file: " + e.getMessage(), e);
        }
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new FormatException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (doc == null) {
            return;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new FormatException(file + ": expected a map of settings at the top level");
        }
        Path base = file.toAbsolutePath().getParent();
        flatten("", map, file.getFileName().toString(), base);
    }

    private void flatten(String prefix, Map<?, ?> map, String origin, Path base) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                flatten(key + ".", m, origin, base);
            } else if (v == null || v instanceof List<?>) {
                throw new FormatException(origin + ": " + key + ": expected a single value"
                        + (v == null ? ", found none" : ", found a list"));
            } else {
                values.put(key, new Value(String.valueOf(v), origin, base));
            }
        }
    }

    /** Fails on the first key that {@code known} refuses, listing the {@code help} text. */
    void rejectUnknown(Predicate<String> known, String help) {
        for (Map.Entry<String, Value> e : values.entrySet()) {
            if (!known.test(e.getKey())) {
                throw new FormatException(e.getValue().origin() + ": unknown setting '" + e.getKey()
                        + "'; the settings are:\n" + help);
            }
        }
    }

    /** The ids of {@code models.<id>.<field>} keys, sorted. */
    TreeSet<String> modelIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (String k : values.keySet()) {
            if (k.startsWith("models.") && k.lastIndexOf('.') > "models.".length()) {
                ids.add(k.substring("models.".length(), k.lastIndexOf('.')));
            }
        }
        return ids;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key, String dflt) {
        Value v = values.get(key);
        return v == null ? dflt : v.text().trim();
    }

    String required(String key, String what) {
        Value v = values.get(key);
        if (v == null || v.text().isBlank()) {
            throw new FormatException("missing setting " + key + " (" + what + "): set it in the --config file or "
                    + "with --" + key);
        }
        return v.text().trim();
    }

    Path path(String key, String what) {
        String p = required(key, what);
        return values.get(key).base().resolve(p).normalize();
    }

    int integer(String key, int dflt, int min) {
        return integer(key, dflt, min, Integer.MAX_VALUE);
    }

    int integer(String key, int dflt, int min, int max) {
        Value v = values.get(key);
        if (v == null) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(v.text().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "is not a whole number");
        }
        if (n < min) {
            throw bad(key, v, "must be at least " + min);
        }
        if (n > max) {
            throw bad(key, v, "must be at most " + max);
        }
        return n;
    }

    Duration duration(String key, Duration dflt) {
        Value v = values.get(key);
        if (v == null) {
            return dflt;
        }
        Duration d;
        try {
            d = TimeUtils.parseDuration(v.text().trim());
        } catch (IllegalArgumentException e) {
            throw bad(key, v, "is not a duration (examples: 500ms, 30s, 5min, 24h)");
        }
        if (d.isNegative() || d.isZero()) {
            throw bad(key, v, "must be positive");
        }
        return d;
    }

    boolean bool(String key, boolean dflt) {
        Value v = values.get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.text().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, v, "is not true or false");
        };
    }

    private static FormatException bad(String key, Value v, String what) {
        return new FormatException(v.origin() + ": " + key + " = '" + v.text() + "' " + what);
    }
}
