package io.foldline.cli;

import io.foldline.circuits.ptau.TestPowersOfTau;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** {@code foldline powersoftau new}: an insecure, test-only phase-1 file, ready for phase 2. */
final class PowersOfTauCommands {
    static final String WARNING = "WARNING: this .ptau is INSECURE and for tests only: its secrets (tau, alpha, beta)"
            + " come from one seed, so whoever knows the seed can forge proofs for every circuit set up on it."
            + " For real use, download a public ceremony's file (e.g. the Hermez/Polygon powersOfTau28_hez_final).";

    private PowersOfTauCommands() {
    }

    static Command group() {
        return new CommandGroup("powersoftau", "powers of tau (phase 1) files",
                List.of(new NewCommand()));
    }

    static final class NewCommand implements Command {
        @Override
        public String name() {
            return "new";
        }

        @Override
        public String summary() {
            return "write an INSECURE test-only .ptau, prepared for phase 2";
        }

        @Override
        public String usage() {
            return "<power> <out.ptau> [--seed <text>]";
        }

        @Override
        public String details() {
            return """
                    Writes what 'snarkjs powersoftau new / contribute / prepare phase2' would give, for circuits
                    of up to 2^power - 1 constraints plus public signals, but derived from one seed: it is NOT a
                    trusted setup. Use it for tests and demos only.
                    options:
                      --seed <text>   the seed (default: random, not printed); the same seed gives the same file
                    example: foldline powersoftau new 12 pot12_test.ptau""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("seed");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            int power = Args.parseInt("power", args.get(0));
            if (power < 1 || power > TestPowersOfTau.MAX_POWER) {
                throw new UsageException("power must be in [1, " + TestPowersOfTau.MAX_POWER + "], got " + power);
            }
            String seed = args.option("seed", null);
            if (seed == null) {
                byte[] b = new byte[32];
                new SecureRandom().nextBytes(b);
                seed = HexFormat.of().formatHex(b);
            }
            out.err().println(WARNING);
            Path dst = args.path(1);
            out.progress("writing 2^%d powers to %s", power, dst);
            TestPowersOfTau.write(dst, power, seed);
            out.progress("wrote %s", dst);
            return OK;
        }
    }
}
