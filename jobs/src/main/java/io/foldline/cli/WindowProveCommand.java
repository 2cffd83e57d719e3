package io.foldline.cli;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.aggregation.WindowProver;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.jobs.prove.RequestTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code foldline window prove}: the inputs of a data set, in order, as one window. Each inference gets a
 * fresh random salt (it hides the input inside {@code h_in}; it is never printed or written) and the tag
 * {@link RequestTag} of {@code "<dataset file name>#<row>"}, so that anyone holding the data set's name and
 * a row number can recompute which request an instance answers.
 */
final class WindowProveCommand implements Command {
    /** Progress lines for at most this many folds of a long window (plus the last). */
    private static final int PROGRESS_LINES = 20;

    @Override
    public String name() {
        return "prove";
    }

    @Override
    public String summary() {
        return "fold a data set's inputs into one window proof: model dir + dataset.json -> window.proof";
    }

    @Override
    public String usage() {
        return "<model dir> <dataset.json> <window.proof> [--keys <dir>] [--limit N]";
    }

    @Override
    public String details() {
        return """
                Runs the model on every input of dataset.json ({"inputs": [[...], ...]}, as for 'model eval';
                labels ignored), folds the inferences in file order and proves the folded instance with the
                decider. Each inference gets a fresh random salt (never printed nor written: h_in hides the
                input) and the tag keccak256("<dataset file name>#<row>") mod r, e.g. "inputs.json#0".
                Writes window.proof (the binary window proof) and window.proof.public.json, which lists per
                inference its row, h_in, outputs and tag as decimal strings: what the proof binds.
                options:
                  --keys DIR   the window keys (default: <model dir>/window, from 'window setup')
                  --limit N    only the first N inputs
                example: foldline window prove digits_mlp digits_mlp.test.json window.proof --limit 16""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("keys", "limit");
    }

    @Override
    public int run(Args args, Console out) throws IOException {
        args.expect(3, 3, usage());
        Path modelDir = args.path(0);
        Path dataset = args.inputFile(1);
        Path proofPath = OutputFiles.check(args.path(2));
        int limit = args.intOption("limit", Integer.MAX_VALUE);
        if (limit < 1) {
            throw new UsageException("option --limit: a window holds at least one inference, got " + limit);
        }
        Path keysDir = keysDir(args.option("keys", null), modelDir);
        out.progress("loading %s", modelDir);
        ModelPackage pkg = ModelPackage.load(modelDir);
        QuantizedModel m = pkg.model();
        ModelInputs.Dataset d = ModelInputs.readDataset(dataset);
        ModelInputs.requireSize(d, m.inputSize(), dataset, m.name());
        int n = Math.min(limit, d.inputs().size());
        out.progress("loading the window keys from %s", keysDir);
        WindowKeys keys = WindowKeys.load(keysDir, pkg.compiled().circuit().r1cs());

        out.progress("computing %d witnesses", n);
        String source = Groth16Commands.fileName(dataset);
        List<Witness> witnesses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] q = m.quantizeInput(d.inputs().get(i), source + " inputs[" + i + "]");
            witnesses.add(ModelWitness.compute(pkg.compiled(), q, Fr.random(), tag(source, i)).witness());
        }
        long[] phase = new long[2];
        long t0 = System.nanoTime();
        WindowProof proof = new WindowProver(keys).prove(witnesses, (what, done, total) -> {
            if (what.equals("fold") && (done % Math.max(1, total / PROGRESS_LINES) == 0 || done == total)) {
                out.progress("fold %d/%d", done, total);
            } else if (what.equals("decide")) {
                phase[done] = System.nanoTime();
                out.progress(done == 0 ? "decide: Groth16 proof of the decider circuit and KZG opening" : "decided");
            }
        });
        byte[] bytes = WindowProofFile.encode(proof);
        OutputFiles.writeAtomically(proofPath, bytes);
        Path pub = publicFileFor(proofPath);
        OutputFiles.writeAtomically(pub, JsonWriter.write(publicJson(m.name(), source, proof), 1)
                .getBytes(StandardCharsets.UTF_8));

        double foldMs = (phase[0] - t0) / 1e6;
        out.println("window of " + n + " inferences of " + m.name() + " (" + source + " rows 0.." + (n - 1)
                + ") proved");
        out.println("  proof: " + proofPath + " (" + bytes.length + " bytes); public signals: " + pub);
        out.println(String.format("  folds: %.1f ms per fold (%.2f s for %d)", foldMs / n, foldMs / 1e3, n));
        out.println(String.format("  decider: %.2f s", (phase[1] - phase[0]) / 1e9));
        return OK;
    }

    /** The request id {@code "<file>#<row>"} as a field element. */
    static Fr tag(String datasetFileName, int row) {
        return RequestTag.of(datasetFileName + "#" + row);
    }

    /** {@code window.proof} -> {@code window.proof.public.json}. */
    static Path publicFileFor(Path proof) {
        return proof.resolveSibling(proof.getFileName() + ".public.json");
    }

    /**
     * The keys folder to use; a missing one is a user error naming both folders and the setup that makes
     * it, checked before any witness is computed.
     */
    static Path keysDir(String option, Path modelDir) {
        Path dir = option == null ? modelDir.resolve(WindowCommands.DEFAULT_KEYS) : Path.of(option);
        for (String f : List.of(WindowKeys.WINDOW_VK, WindowKeys.DECIDER_ZKEY, WindowKeys.COMMITMENT_KEY)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                String what = Files.isDirectory(dir) ? "no " + f + " in " + dir : "no window keys folder " + dir;
                String or = option == null ? " (or pass --keys DIR)" : "";
                throw new FormatException(what + " for the model " + modelDir + ": run 'foldline window setup "
                        + modelDir + " <pot.ptau> " + dir + "' first" + or);
            }
        }
        return dir;
    }

    /** The public signals of every instance, as decimal strings: {@code h_in}, the outputs, the tag. */
    static JsonValue publicJson(String model, String dataset, WindowProof proof) {
        List<JsonValue> instances = new ArrayList<>(proof.size());
        for (int i = 0; i < proof.size(); i++) {
            CommittedInstance c = proof.instances().get(i);
            Fr[] x = c.x();
            Map<String, JsonValue> e = new LinkedHashMap<>();
            e.put("row", JsonValue.number(i));
            e.put("request", JsonValue.string(dataset + "#" + i));
            e.put("h_in", JsonValue.decimal(x[0].toBigInteger()));
            e.put("outputs", JsonValue.array(Arrays.stream(x, 1, x.length - 1)
                    .map(v -> JsonValue.decimal(v.toBigInteger())).toList()));
            e.put("tag", JsonValue.decimal(x[x.length - 1].toBigInteger()));
            instances.add(JsonValue.object(e));
        }
        Map<String, JsonValue> root = new LinkedHashMap<>();
        root.put("model", JsonValue.string(model));
        root.put("dataset", JsonValue.string(dataset));
        root.put("instances", JsonValue.array(instances));
        return JsonValue.object(root);
    }
}
