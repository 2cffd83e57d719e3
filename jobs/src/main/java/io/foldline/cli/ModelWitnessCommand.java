package io.foldline.cli;

import io.foldline.circuits.quant.ModelInputs;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * {@code foldline model witness}: solves a compiled model's circuit for one input file and writes the
 * snarkjs witness and public signals. When the input file has no salt a random one is drawn and written
 * beside public.json ({@code public.salt} for {@code public.json}): it is needed to open the commitment,
 * and it is secret (it hides the input), so it goes to a file rather than to the terminal.
 */
final class ModelWitnessCommand implements Command {
    @Override
    public String name() {
        return "witness";
    }

    @Override
    public String summary() {
        return "compiled model + input.json -> witness.wtns + public.json (and the logits it proves)";
    }

    @Override
    public String usage() {
        return "<dir> <input.json> <witness.wtns> <public.json>";
    }

    @Override
    public String details() {
        return """
                Quantizes the input of input.json ({"input": [...], "salt": "...", "tag": "..."}, the input
                flattened row-major in the model's input shape; salt and tag optional, as a decimal string, a
                0x-hex string or a JSON integer below r), runs the quantized model, solves the circuit and
                writes a snarkjs .wtns and public.json (commitment, logits, class for classifiers, tag) for
                'groth16 prove'. An input outside the range the model was calibrated for is refused (exit 2)
                with its index. Without a salt a random one is drawn and written to public.salt (for
                public.json): keep it, and keep it secret; it opens the commitment. Without a tag, tag = 0.
                The files are written only when everything succeeded.
                example: foldline model witness digits_mlp request.json witness.wtns public.json""";
    }

    @Override
    public int run(Args args, Console out) throws IOException {
        args.expect(4, 4, usage());
        Path inputFile = args.inputFile(1);
        Path wtns = OutputFiles.check(args.path(2));
        Path pub = OutputFiles.check(args.path(3));
        out.progress("loading %s", args.path(0));
        ModelPackage pkg = ModelPackage.load(args.path(0));
        QuantizedModel m = pkg.model();
        RecordingRandom rng = new RecordingRandom();
        ModelInputs.Request req = ModelInputs.readRequest(inputFile, rng);
        long[] q = m.quantizeInput(req.input(), String.valueOf(inputFile));
        ModelWitness.Result r = ModelWitness.compute(pkg.compiled(), q, req.salt(), req.tag());

        WtnsFile.write(r.witness(), wtns);
        OutputFiles.writeAtomically(pub, new PublicJson(r.publicSignals()).toJson());
        Path saltFile = null;
        if (rng.used) {
            saltFile = saltFileFor(pub);
            OutputFiles.writeAtomically(saltFile, req.salt().toBigInteger() + "\n");
        }
        print(out, m, r, req, inputFile, saltFile);
        out.progress("wrote %s (%d values) and %s (%d signals)", wtns, r.witness().size(), pub,
                r.publicSignals().size());
        return OK;
    }

    private static void print(Console out, QuantizedModel m, ModelWitness.Result r, ModelInputs.Request req,
                              Path inputFile, Path saltFile) {
        long[] logits = r.reference().logits();
        out.println("model " + m.name() + ", input " + inputFile);
        out.println("  commitment: " + r.commitment().toBigInteger());
        out.println("  logits (quantized, value = q / 2^" + m.outputExponent() + "): " + Arrays.toString(logits));
        out.println("  logits (dequantized): " + Arrays.stream(m.dequantize(logits))
                .mapToObj(ModelCommands::num).collect(Collectors.joining(", ", "[", "]")));
        if (m.hasClass()) {
            out.println("  class: " + r.reference().predictedClass());
        }
        out.println("  tag: " + req.tag().toBigInteger());
        if (saltFile != null) {
            out.println("  salt: none in " + inputFile.getFileName() + ", so a random one was drawn and written to "
                    + saltFile + " (keep it secret: it opens the commitment)");
        }
    }

    /** {@code public.json} -> {@code public.salt}; any other name gets {@code .salt} appended. */
    static Path saltFileFor(Path pub) {
        String n = String.valueOf(pub.getFileName());
        String s = n.endsWith(".json") ? n.substring(0, n.length() - 5) + ".salt" : n + ".salt";
        return pub.resolveSibling(s);
    }

    /** SecureRandom that remembers whether anyone drew from it (whether the salt was random). */
    private static final class RecordingRandom implements RandomGenerator {
        private final SecureRandom rng = new SecureRandom();
        private boolean used;

        @Override
        public long nextLong() {
            used = true;
            return rng.nextLong();
        }
    }
}
