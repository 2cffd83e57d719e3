package io.foldline.cli;

import io.foldline.aggregation.CommitmentKey;
import io.foldline.aggregation.DeciderCircuit;
import io.foldline.aggregation.RelaxedR1cs;
import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.aggregation.WindowVerifier;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.PtauFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code foldline window setup | prove | verify}: a window of inferences of one compiled model, folded
 * (DESIGN.md section 4) and decided into one proof. The keys folder and the proof file are those of
 * {@link WindowKeys} and {@link WindowProofFile}; this class only parses arguments and reports.
 */
public final class WindowCommands {
    /** Where {@code window prove} looks for the keys when {@code --keys} is absent: inside the model folder. */
    public static final String DEFAULT_KEYS = "window";

    private WindowCommands() {
    }

    static Command group() {
        return new CommandGroup("window", "fold a window of inferences into one proof: keys, prove, verify, export",
                List.of(new SetupCommand(), new WindowProveCommand(), new VerifyCommand(),
                        WindowExportCommands.group()));
    }

    /** The decider circuit of a model and the ptau power its window setup needs. */
    public record DeciderSize(RelaxedR1cs relation, CompiledCircuit decider, int power) {
        public int constraints() {
            return decider.nConstraints();
        }

        public long commitmentPoints() {
            return CommitmentKey.powersNeeded(relation.nWitness(), relation.nRows());
        }
    }

    /**
     * Compiles the decider of {@code model}: the power is the larger of what its Groth16 setup needs
     * ({@code 2^p >= constraints + public signals + 1}) and what the commitment key needs ({@code 2^(p+1) - 1}
     * G1 powers).
     */
    public static DeciderSize deciderSize(R1cs model) {
        RelaxedR1cs relation = new RelaxedR1cs(model);
        CompiledCircuit decider = DeciderCircuit.compile(relation);
        long rows = (long) decider.nConstraints() + decider.r1cs().nPublic() + 1;
        int groth16 = 64 - Long.numberOfLeadingZeros(rows - 1);
        long points = CommitmentKey.powersNeeded(relation.nWitness(), relation.nRows());
        int commitments = 64 - Long.numberOfLeadingZeros(points) - 1; // 2^(p+1) - 1 >= points
        return new DeciderSize(relation, decider, Math.max(groth16, commitments));
    }

    /** Refuses, before hours of work, a ptau smaller than {@code size} needs, naming the power to use. */
    static void requirePower(Path ptau, DeciderSize size, String model) {
        int power;
        try (PtauFile f = PtauFile.open(ptau)) {
            power = f.power();
        }
        if (power < size.power()) {
            throw new FormatException(ptau.getFileName() + ": power " + power + " is too small: the window keys of "
                    + model + " need power " + size.power() + " (decider circuit " + size.constraints()
                    + " constraints, commitment key " + size.commitmentPoints() + " points); use a ptau of power "
                    + size.power() + " or more");
        }
    }

    static final class SetupCommand implements Command {
        @Override
        public String name() {
            return "setup";
        }

        @Override
        public String summary() {
            return "window keys of a compiled model: folder + .ptau -> decider.zkey, commitment key, verifier keys";
        }

        @Override
        public String usage() {
            return "<model dir> <pot.ptau> <keys dir> [--force]";
        }

        @Override
        public String details() {
            return """
                    Compiles the decider circuit of the model ('model compile' folder) and runs its Groth16
                    setup on the powers of tau, which also give the folding commitment key. Writes four files:
                    decider.zkey and commitment_key.bin (the prover's), verification_key.json and
                    window_vk.bin (all a verifier needs). The ptau must be prepared for phase 2 and of the power
                    printed (a smaller one is refused, naming the power needed); the decider costs about
                    40 constraints per witness entry of the model, so this takes minutes for a large model.
                    The folder is written completely or not at all. decider.zkey is the initial key: for
                    production add contributions as for any Groth16 key ('zkey contribute', 'zkey beacon')
                    and export verification_key.json again ('zkey export verificationkey').
                    options:
                      --force   replace a folder holding earlier window keys
                    'window prove' looks for the keys in <model dir>/window unless told --keys.
                    example: foldline window setup digits_mlp pot17_final.ptau digits_mlp/window""";
        }

        @Override
        public Set<String> flagOptions() {
            return Set.of("force");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(3, 3, usage());
            Path modelDir = args.path(0);
            Path ptau = args.inputFile(1);
            Path keysDir = args.path(2);
            WindowKeysFolder.checkTarget(keysDir, args.flag("force"));
            out.progress("loading %s", modelDir);
            ModelPackage pkg = ModelPackage.load(modelDir);
            R1cs r1cs = pkg.compiled().circuit().r1cs();
            String model = pkg.model().name();
            out.progress("compiling the decider circuit of %s (%d constraints)", model, r1cs.nConstraints());
            DeciderSize size = deciderSize(r1cs);
            out.progress("decider circuit: %d constraints, commitment key: %d points; ptau power %d needed",
                    size.constraints(), size.commitmentPoints(), size.power());
            requirePower(ptau, size, model);
            long t0 = System.nanoTime();
            WindowKeys keys = WindowKeys.setup(r1cs, ptau, s -> out.progress("%s", s));
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.progress("writing %s", keysDir);
            WindowKeysFolder.write(keys, keysDir, args.flag("force"));
            out.println("window keys of " + model + " written to " + keysDir);
            out.println("  decider circuit: " + size.constraints() + " constraints (ptau power " + size.power()
                    + "), commitment key: " + size.commitmentPoints() + " points");
            out.println("  prover: " + WindowKeys.DECIDER_ZKEY + ", " + WindowKeys.COMMITMENT_KEY + "; verifier: "
                    + WindowKeys.VERIFICATION_KEY + ", " + WindowKeys.WINDOW_VK);
            out.println(String.format("  setup: %.1f s", seconds));
            return OK;
        }
    }

    static final class VerifyCommand implements Command {
        @Override
        public String name() {
            return "verify";
        }

        @Override
        public String summary() {
            return "verify a window proof: prints OK (exit 0) or INVALID window proof (exit 1)";
        }

        @Override
        public String usage() {
            return "<keys dir> <window.proof>";
        }

        @Override
        public String details() {
            return """
                    Replays every fold of the window from its starting instance (one scalar multiplication per
                    inference), then checks the decider's Groth16 proof and KZG opening against the folded
                    instance. The keys folder needs only verification_key.json and window_vk.bin (what
                    'window setup' wrote; the prover's files may be absent). Exit 0 and "OK" when the window
                    verifies, 1 and "INVALID window proof" when it does not, 2 when a file is malformed (the
                    message names the file and the field) or the proof is for a model of another shape.
                    example: foldline window verify digits_mlp/window window.proof""";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            Path keysDir = args.path(0);
            Path proofPath = args.inputFile(1);
            for (String f : List.of(WindowKeys.VERIFICATION_KEY, WindowKeys.WINDOW_VK)) {
                if (!Files.isRegularFile(keysDir.resolve(f))) {
                    throw new UsageException(keysDir + ": no " + f + " there (expected the folder 'window setup' "
                            + "wrote)");
                }
            }
            WindowVerifier verifier = WindowKeys.readVerifier(keysDir);
            WindowProof proof = WindowProofFile.read(proofPath);
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = verifier.verify(proof);
            } catch (IllegalArgumentException e) {
                throw new FormatException(Groth16Commands.fileName(proofPath) + ": does not fit the keys in "
                        + keysDir + ": " + e.getMessage(), e);
            }
            out.progress("%d inferences checked in %d ms", proof.size(), (System.nanoTime() - t0) / 1_000_000);
            out.println(ok ? "OK" : "INVALID window proof");
            return ok ? OK : INVALID;
        }
    }
}
