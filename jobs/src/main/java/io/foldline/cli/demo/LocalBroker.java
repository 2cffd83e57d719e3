package io.foldline.cli.demo;

import io.foldline.circuits.FormatException;
import io.foldline.cli.Console;
import io.foldline.jobs.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka broker of a demo run: the local KRaft broker of {@code infra/kafka.sh} (started when none runs and
 * then stopped again at the end, unless kept), or a broker the user names, which is left alone.
 */
final class LocalBroker implements AutoCloseable {
    static final int DEFAULT_PORT = 19092;

    private final Path script;
    private final String bootstrap;
    private final boolean startedHere;
    private final boolean keep;
    private final Console out;

    private LocalBroker(Path script, String bootstrap, boolean startedHere, boolean keep, Console out) {
        this.script = script;
        this.bootstrap = bootstrap;
        this.startedHere = startedHere;
        this.keep = keep;
        this.out = out;
    }

    /** A broker the user runs: used as is, never stopped. */
    static LocalBroker external(String bootstrap, Console out) {
        return new LocalBroker(null, bootstrap, false, true, out);
    }

    /** The infra/kafka.sh broker, started unless it already runs. */
    static LocalBroker local(Path root, boolean keep, Console out) throws IOException, InterruptedException {
        Path script = root.resolve("infra/kafka.sh");
        if (!Files.isRegularFile(script)) {
            throw new FormatException(script + ": missing (the demo starts its broker with it; "
                    + "run from a checkout or pass --bootstrap host:port)");
        }
        String port = System.getenv().getOrDefault("FOLDLINE_KAFKA_PORT", String.valueOf(DEFAULT_PORT));
        String bootstrap = "127.0.0.1:" + port;
        if (run(script, out, "status") == 0) {
            out.progress("using the running Kafka broker at %s (infra/kafka.sh status)", bootstrap);
            return new LocalBroker(script, bootstrap, false, true, out);
        }
        out.progress("starting a Kafka broker with infra/kafka.sh start ...");
        if (run(script, out, "start") != 0) {
            throw new IllegalStateException("infra/kafka.sh start failed (see above)");
        }
        return new LocalBroker(script, bootstrap, true, keep, out);
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Creates the run's topics: requests and window proofs with {@code partitions}, dead letters with one. */
    void createTopics(DemoTopics t, int partitions) throws Exception {
        Topics.create(bootstrap, List.of(new NewTopic(t.requests(), partitions, (short) 1),
                new NewTopic(t.windowProofs(), partitions, (short) 1),
                new NewTopic(t.deadLetters(), 1, (short) 1)), Duration.ofSeconds(60));
    }

    String stopNote() {
        if (!startedHere) {
            return "the broker at " + bootstrap + " was already running and is left running";
        }
        return keep ? "the broker at " + bootstrap + " keeps running (--keep-broker); stop it with infra/kafka.sh stop"
                : "stopping the broker this demo started (--keep-broker leaves it running)";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (startedHere && !keep) {
            run(script, out, "stop");
        }
    }

    /** Runs the script; its lines become progress lines, so that stdout stays the demo's summary. */
    private static int run(Path script, Console out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int rc = p.waitFor();
        if (!said.isEmpty() && !(args[0].equals("status") && rc != 0)) {
            out.progress("  %s", said.replace("\n", "\n  "));
        }
        return rc;
    }
}
