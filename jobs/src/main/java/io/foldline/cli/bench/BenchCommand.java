package io.foldline.cli.bench;

import io.foldline.cli.Args;
import io.foldline.cli.Command;
import io.foldline.cli.Console;
import io.foldline.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code foldline bench}: measured figures for this machine, with snarkjs beside them where it applies. */
public final class BenchCommand implements Command {
    private static final List<String> PARTS = List.of("field", "msm", "ntt", "pairing", "ptau", "prove");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure Fr, MSM, NTT, pairing, test ptau, Groth16 prove, model circuits and window folding here";
    }

    @Override
    public String usage() {
        return "[all|" + String.join("|", PARTS) + "] [--work DIR] [--small]  |  model [dir ...] [--work DIR]"
                + "  |  window [--models M,...] [--sizes N,...] [--work DIR]";
    }

    @Override
    public String details() {
        return """
                Prints a Markdown table for BENCHMARKS.md. Sizes: G1 MSM 2^16 and 2^20, G2 MSM 2^16, NTT 2^20,
                one pairing, a test powers of tau of power 18 prepared for phase 2, and Groth16 prove of the
                chain circuit at 2^16 and 2^18 constraints with 'snarkjs groth16 prove' on the same .zkey and
                .wtns in the same run (when infra/tools is installed). All of it takes several minutes.
                --work DIR  where ptau/zkey files go (default .cache/bench; reused between runs)
                --small     sizes divided by 16 (a quick check that everything runs)
                'bench model' (not part of 'all') measures model circuits: constraints, compile time, witness
                time, Groth16 setup and prove time (beside snarkjs when installed). Without folders it compiles
                the fixture models of circuits/src/test/resources/models (those with a labelled test split, and
                the 784-56-10 MLP) and times witnesses on their test rows; each folder named is a compiled model
                ('model compile --out'), timed on random inputs in its calibrated range. --work defaults to a
                temporary folder, removed at the end (pass one to keep the packages, keys and ptau files).
                example: foldline bench model --work .cache/bench-model
                'bench window' (not part of 'all') measures folding windows of fixture models: time per fold
                (median over the largest window) beside one standalone Groth16 proof of the model circuit, the
                decider's time at each window size (it should not grow with N), the window proof's bytes and
                the verifier's time. The compiled models, window keys and test ptau stay in --work (default
                .cache/bench), so a second run skips the setup (minutes; printed when it runs).
                  --models M,...  fixture models (default digits_mlp,digits_cnn)
                  --sizes N,...   window sizes (default 16,256)
                example: foldline bench window --models digits_mlp
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("work", "models", "sizes");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("small");
    }

    @Override
    public int run(Args args, Console out) throws Exception {
        if (args.size() > 0 && args.get(0).equals("model")) {
            return model(args, out);
        }
        if (args.size() > 0 && args.get(0).equals("window")) {
            return window(args, out);
        }
        if (args.option("models", null) != null || args.option("sizes", null) != null) {
            throw new UsageException("--models and --sizes apply to 'bench window' only");
        }
        args.expect(0, 1, usage());
        String what = args.size() == 0 ? "all" : args.get(0);
        if (!what.equals("all") && !PARTS.contains(what)) {
            throw new UsageException("unknown benchmark '" + what + "'; choose one of all, " + String.join(", ", PARTS)
                    + ", model");
        }
        int shrink = args.flag("small") ? 4 : 0;
        Path work = Files.createDirectories(Path.of(args.option("work", ".cache/bench")));
        Report report = new Report(out);
        out.println("foldline bench on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        report.header();
        CoreBench core = new CoreBench(report);
        ProveBench prove = new ProveBench(report, out, work);
        boolean all = what.equals("all");
        if (all || what.equals("field")) {
            core.field();
        }
        if (all || what.equals("msm")) {
            core.msm(16 - shrink, 20 - shrink, 16 - shrink);
        }
        if (all || what.equals("ntt")) {
            core.ntt(20 - shrink);
        }
        if (all || what.equals("pairing")) {
            core.pairing();
        }
        if (all || what.equals("ptau")) {
            prove.ptau(18 - shrink);
        }
        if (all || what.equals("prove")) {
            prove.prove(16 - shrink);
            prove.prove(18 - shrink);
        }
        return OK;
    }

    private static int model(Args args, Console out) throws Exception {
        if (args.flag("small")) {
            throw new UsageException("--small does not apply to 'bench model'");
        }
        String w = args.option("work", null);
        Path work = w == null ? Files.createTempDirectory("foldline-bench-model") : Files.createDirectories(Path.of(w));
        List<Path> dirs = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            dirs.add(args.path(i));
        }
        out.println("foldline bench model on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; work "
                + work.toAbsolutePath());
        try {
            new ModelBench(out, work).run(dirs);
        } finally {
            if (w == null) {
                deleteTree(work); // keys and ptau files of a few hundred MB; pass --work to keep them
            }
        }
        return OK;
    }

    private static int window(Args args, Console out) throws Exception {
        args.expect(1, 1, "window [--models M,...] [--sizes N,...] [--work DIR]");
        if (args.flag("small")) {
            throw new UsageException("--small does not apply to 'bench window'; choose --sizes");
        }
        List<String> models = WindowBench.DEFAULT_MODELS;
        String m = args.option("models", null);
        if (m != null) {
            models = Arrays.stream(m.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        List<Integer> sizes = WindowBench.DEFAULT_SIZES;
        String s = args.option("sizes", null);
        if (s != null) {
            sizes = Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> Args.parseInt("option --sizes", v)).toList();
        }
        if (models.isEmpty() || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
            throw new UsageException("--models and --sizes need at least one name and sizes of at least 1");
        }
        Path work = Files.createDirectories(Path.of(args.option("work", ".cache/bench")));
        out.println("foldline bench window on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; work "
                + work.toAbsolutePath());
        new WindowBench(out, work, sizes).run(models);
        return OK;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
