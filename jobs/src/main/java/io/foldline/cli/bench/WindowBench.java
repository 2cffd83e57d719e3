package io.foldline.cli.bench;

import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.aggregation.WindowProver;
import io.foldline.aggregation.WindowVerifier;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.quant.QuantizerOptions;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.cli.Console;
import io.foldline.cli.ModelCommands;
import io.foldline.cli.NodeOracle;
import io.foldline.cli.UsageException;
import io.foldline.cli.WindowCommands;
import io.foldline.crypto.bn254.Fr;
import io.foldline.jobs.prove.RequestTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code foldline bench window}: per fixture model, what a window costs beside proving each inference on its
 * own. Time per fold (commit to the fresh witness, cross term and its commitment, transcript, update: the
 * median over the folds of three runs of the largest window) beside one standalone Groth16 proof of the model
 * circuit (median of proofs timed before and in between the windows); the decider's time at each window size
 * (median of three windows; it should not grow with N); the proof's bytes and the verifier's time. Everything
 * lives in the work folder (compiled model, window keys, test ptau), so that a second run skips the setup;
 * the setup time is printed when it runs.
 */
final class WindowBench {
    static final List<String> DEFAULT_MODELS = List.of("digits_mlp", "digits_cnn");
    static final List<Integer> DEFAULT_SIZES = List.of(16, 256);
    private static final int PROOFS = 5;
    private static final int WARMUP_WINDOW = 2;
    private static final int REPEATS = 3;
    private static final int WARMUP_PROOFS = 5;

    private final Console console;
    private final Path work;
    private final List<Integer> sizes;

    WindowBench(Console console, Path work, List<Integer> sizes) {
        this.console = console;
        this.work = work;
        this.sizes = sizes.stream().sorted().distinct().toList();
    }

    /** What one window size cost. */
    private record Window(int n, double[] foldSeconds, double deciderSeconds, int bytes, double verifySeconds) {
    }

    void run(List<String> models) throws Exception {
        Path fixtures = NodeOracle.root().resolve("circuits/src/test/resources/models");
        for (String m : models) {
            if (!Files.exists(fixtures.resolve(m + ".onnx")) || !Files.exists(fixtures.resolve(m + ".test.json"))) {
                throw new UsageException("no fixture model '" + m + "' (with a .test.json) in " + fixtures);
            }
        }
        console.println(header());
        console.println("|" + " --- |".repeat(8 + 3 * sizes.size()));
        for (String m : models) {
            measure(fixtures, m);
        }
    }

    private String header() {
        StringBuilder h = new StringBuilder("| model | constraints (model / decider) | ptau power | window setup "
                + "| fold (median, N=" + sizes.getLast() + ") | one Groth16 proof (median of "
                + (PROOFS + REPEATS) + ") | fold / proof |");
        for (int n : sizes) {
            h.append(" decider N=").append(n).append(" |");
        }
        h.append(" decider N=").append(sizes.getLast()).append(" / N=").append(sizes.getFirst()).append(" |");
        for (int n : sizes) {
            h.append(" bytes N=").append(n).append(" |");
        }
        for (int n : sizes) {
            h.append(" verify N=").append(n).append(" |");
        }
        return h.toString();
    }

    private void measure(Path fixtures, String name) throws Exception {
        Path dir = work.resolve("window-" + name);
        ModelPackage pkg = modelPackage(fixtures, name, dir.resolve("model"));
        R1cs r1cs = pkg.compiled().circuit().r1cs();
        console.progress("bench window %s: compiling the decider circuit ...", name);
        WindowCommands.DeciderSize size = WindowCommands.deciderSize(r1cs);
        int power = Math.max(size.power(), ModelBench.power(r1cs));
        Path ptau = ptau(power);
        double[] setup = {Double.NaN};
        WindowKeys keys = keys(dir.resolve("keys"), r1cs, ptau, setup);

        console.progress("bench window %s: standalone Groth16 proofs of the model circuit ...", name);
        List<Witness> witnesses = witnesses(fixtures, name, pkg, sizes.getLast());
        Standalone single = standalone(r1cs, ptau, witnesses.getFirst(), name);

        WindowProver prover = new WindowProver(keys);
        WindowVerifier verifier = keys.verifier();
        int warmup = Math.min(WARMUP_WINDOW, witnesses.size());
        console.progress("bench window %s: warm-up window of %d (JIT) ...", name, warmup);
        prover.prove(witnesses.subList(0, warmup), WindowProver.Progress.NONE);
        List<Window> windows = windows(prover, verifier, witnesses, name, single);
        double proof = median(single.seconds().stream().mapToDouble(Double::doubleValue).toArray());
        double fold = median(windows.getLast().foldSeconds());
        StringBuilder row = new StringBuilder(String.format("| %s | %d / %d | %d | %s | %s | %s | %.2f |", name,
                r1cs.nConstraints(), size.constraints(), power,
                Double.isNaN(setup[0]) ? "(cached)" : Timer.human(setup[0]), Timer.human(fold), Timer.human(proof),
                fold / proof));
        for (Window w : windows) {
            row.append(' ').append(Timer.human(w.deciderSeconds())).append(" |");
        }
        row.append(String.format(" %.2f |", windows.getLast().deciderSeconds() / windows.getFirst().deciderSeconds()));
        for (Window w : windows) {
            row.append(' ').append(w.bytes()).append(" |");
        }
        for (Window w : windows) {
            row.append(' ').append(Timer.human(w.verifySeconds())).append(" |");
        }
        console.println(row.toString());
        console.out().flush();
    }

    /**
     * Every size {@value #REPEATS} times, the sizes taking turns (and a standalone proof after each round), so
     * that JIT warm-up and a noisy neighbour on a shared machine weigh on every size alike.
     */
    private List<Window> windows(WindowProver prover, WindowVerifier verifier, List<Witness> witnesses,
                                 String name, Standalone single) throws Exception {
        List<List<Run>> runs = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            runs.add(new ArrayList<>());
        }
        for (int rep = 0; rep < REPEATS; rep++) {
            for (int i = 0; i < sizes.size(); i++) {
                console.progress("bench window %s: window of %d (%d/%d) ...", name, sizes.get(i), rep + 1, REPEATS);
                Run r = once(prover, witnesses.subList(0, sizes.get(i)));
                console.progress("  folds %s in all, decider %s", Timer.human(Arrays.stream(r.foldSeconds()).sum()),
                        Timer.human(r.deciderSeconds()));
                runs.get(i).add(r);
            }
            single.sample();
            console.progress("  one standalone proof %s", Timer.human(single.seconds().getLast()));
        }
        List<Window> out = new ArrayList<>();
        for (List<Run> r : runs) {
            out.add(summarize(r, verifier, name));
        }
        return out;
    }

    /** The compiled fixture, kept in the work folder (its keys are checked against it on every load). */
    private ModelPackage modelPackage(Path fixtures, String name, Path dir) {
        if (Files.isRegularFile(dir.resolve(ModelPackage.MODEL))) {
            return ModelPackage.load(dir);
        }
        return ModelCommands.compile(fixtures.resolve(name + ".onnx"), fixtures.resolve(name + ".calibration.json"),
                QuantizerOptions.DEFAULTS, dir, true, console).pkg();
    }

    /** The smallest {@code pot<p>.ptau} in the work folder of at least {@code power}; made when there is none. */
    private Path ptau(int power) throws IOException {
        for (int p = power; p <= TestPowersOfTau.MAX_POWER; p++) {
            Path f = work.resolve("pot" + p + ".ptau");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        Path f = work.resolve("pot" + power + ".ptau");
        Path partial = work.resolve("pot" + power + ".ptau.partial");
        console.progress("bench window: test powers of tau of power %d (insecure, bench only) ...", power);
        long t0 = System.nanoTime();
        TestPowersOfTau.write(partial, power, "foldline-bench");
        Files.move(partial, f);
        console.progress("bench window: ptau of power %d in %s", power, Timer.human((System.nanoTime() - t0) / 1e9));
        return f;
    }

    /** The cached keys, or a fresh setup written beside and renamed ({@code seconds[0]} gets its time). */
    private WindowKeys keys(Path dir, R1cs r1cs, Path ptau, double[] seconds) throws IOException {
        if (Files.isRegularFile(dir.resolve(WindowKeys.WINDOW_VK))) {
            try {
                return WindowKeys.load(dir, r1cs);
            } catch (FormatException | UncheckedIOException e) {
                console.progress("bench window: cached keys in %s unusable (%s); setting up again", dir,
                        e.getMessage());
            }
        }
        console.progress("bench window: window setup on %s (minutes for a large model) ...", ptau.getFileName());
        long t0 = System.nanoTime();
        WindowKeys keys = WindowKeys.setup(r1cs, ptau, s -> console.progress("  %s", s));
        seconds[0] = (System.nanoTime() - t0) / 1e9;
        console.progress("bench window: window setup %s", Timer.human(seconds[0]));
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        deleteTree(partial);
        keys.write(partial);
        deleteTree(dir);
        Files.move(partial, dir);
        return keys;
    }

    /** Witnesses of the first {@code n} test rows (again from the top if there are fewer). */
    private static List<Witness> witnesses(Path fixtures, String name, ModelPackage pkg, int n) {
        String file = name + ".test.json";
        List<double[]> rows = ModelInputs.readDataset(fixtures.resolve(file)).inputs();
        QuantizedModel m = pkg.model();
        SplittableRandom rng = new SplittableRandom(11);
        List<Witness> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int row = i % rows.size();
            long[] q = m.quantizeInput(rows.get(row), file + " inputs[" + row + "]");
            out.add(ModelWitness.compute(pkg.compiled(), q, Fr.random(rng), RequestTag.of(file + "#" + i)).witness());
        }
        return out;
    }

    /**
     * The standalone prover of the model circuit, checked once. Its proofs are timed in between the windows
     * too ({@link #window}), so that the ratio compares times taken under the same load on a shared machine.
     */
    private record Standalone(ProvingKey pk, Witness w, List<Double> seconds) {
        void sample() {
            long t0 = System.nanoTime();
            Prover.prove(pk, w, ProverOptions.defaults());
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
    }

    private static Standalone standalone(R1cs r1cs, Path ptau, Witness w, String name) {
        ProvingKey pk = ProvingKey.of(Setup.newZkey(r1cs, name, ptau, s -> { }), name);
        Prover.Result r = null;
        for (int i = 0; i < WARMUP_PROOFS; i++) { // the JIT's; the first proofs take twice as long
            r = Prover.prove(pk, w, ProverOptions.defaults());
        }
        if (!Verifier.verify(pk.preparedVerifyingKey(), r.publicSignals().toArray(Fr[]::new), r.proof())) {
            throw new IllegalStateException(name + ": benchmark proof does not verify");
        }
        Standalone s = new Standalone(pk, w, new ArrayList<>());
        for (int i = 0; i < PROOFS; i++) {
            s.sample();
        }
        return s;
    }

    /** One proof of a window: the time of each fold, the decider's, and the proof. */
    private record Run(double[] foldSeconds, double deciderSeconds, WindowProof proof) {
    }

    private Run once(WindowProver prover, List<Witness> witnesses) {
        int n = witnesses.size();
        long[] marks = new long[n + 2]; // start, after each fold, decider done
        marks[0] = System.nanoTime();
        WindowProof p = prover.prove(witnesses, (what, done, total) -> {
            if (what.equals("fold")) {
                marks[done] = System.nanoTime();
            } else if (done == 1) {
                marks[n + 1] = System.nanoTime();
            }
        });
        double[] folds = new double[n];
        for (int i = 0; i < n; i++) {
            folds[i] = (marks[i + 1] - marks[i]) / 1e9;
        }
        return new Run(folds, (marks[n + 1] - marks[n]) / 1e9, p);
    }

    /** The runs of one size: folds pooled, the decider's median, the last proof's bytes and verify time. */
    private static Window summarize(List<Run> runs, WindowVerifier verifier, String name) throws Exception {
        double[] folds = runs.stream().flatMapToDouble(r -> Arrays.stream(r.foldSeconds())).toArray();
        double decider = median(runs.stream().mapToDouble(Run::deciderSeconds).toArray());
        WindowProof p = runs.getLast().proof();
        byte[] bytes = WindowProofFile.encode(p);
        WindowProof back = WindowProofFile.decode(bytes, name + ".proof");
        boolean[] ok = new boolean[1];
        double verify = Timer.median(1, 3, () -> ok[0] = verifier.verify(back));
        if (!ok[0]) {
            throw new IllegalStateException(name + ": benchmark window of " + p.size() + " does not verify");
        }
        return new Window(p.size(), folds, decider, bytes.length, verify);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
