package io.foldline.cli;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.Phase2;
import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.VerificationKeyJson;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code foldline groth16 setup | prove | verify}, file-compatible with the snarkjs verbs of the same name. */
final class Groth16Commands {
    private Groth16Commands() {
    }

    static Command group() {
        return new CommandGroup("groth16", "Groth16 setup, proving and verification (snarkjs files)",
                List.of(new SetupCommand(), new ProveCommand(), new VerifyCommand()));
    }

    static String fileName(Path p) {
        return String.valueOf(p.getFileName());
    }

    static final class SetupCommand implements Command {
        @Override
        public String name() {
            return "setup";
        }

        @Override
        public String summary() {
            return "circuit-specific setup: .r1cs + phase-2-ready .ptau -> initial .zkey";
        }

        @Override
        public String usage() {
            return "<circuit.r1cs> <pot.ptau> <circuit.zkey>";
        }

        @Override
        public String details() {
            return """
                    Writes the initial proving key exactly as 'snarkjs groth16 setup' does (same bytes), so
                    'snarkjs zkey verify' accepts it. The ptau must be prepared for phase 2 and large enough:
                    2^power >= constraints + public signals + 1. Add at least one 'zkey contribute' and a
                    'zkey beacon' before using the key: the initial key's delta is the generator.
                    example: foldline groth16 setup model.r1cs pot16_final.ptau model_0000.zkey""";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(3, 3, usage());
            Path r1csPath = args.inputFile(0);
            Path ptau = args.inputFile(1);
            out.progress("reading %s", r1csPath);
            R1cs r1cs = R1csFile.read(r1csPath);
            Zkey z = Setup.newZkey(r1cs, fileName(r1csPath), ptau, s -> out.progress("%s", s));
            ZkeyFile.write(z, args.path(2));
            out.println("Circuit hash:\n" + Phase2.formatHash(z.csHash()));
            out.progress("wrote %s", args.path(2));
            return OK;
        }
    }

    static final class ProveCommand implements Command {
        @Override
        public String name() {
            return "prove";
        }

        @Override
        public String summary() {
            return "prove: .zkey + .wtns -> proof.json + public.json";
        }

        @Override
        public String usage() {
            return "<circuit.zkey> <witness.wtns> <proof.json> <public.json>";
        }

        @Override
        public String details() {
            return """
                    Proves with a snarkjs proving key and a circom/snarkjs witness. Before writing, the proof is
                    checked against the key's verifying key (a few milliseconds): a witness that does not
                    satisfy the circuit is an error (exit 2), not a proof that silently fails to verify.
                    options:
                      --no-check        skip that self-check (snarkjs behaviour)
                      --r1cs <file>     also check the witness constraint by constraint and name the first
                                        one it violates
                    example: foldline groth16 prove model_final.zkey witness.wtns proof.json public.json""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("r1cs");
        }

        @Override
        public Set<String> flagOptions() {
            return Set.of("no-check");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(4, 4, usage());
            Path zkeyPath = args.inputFile(0);
            Path wtnsPath = args.inputFile(1);
            long t0 = System.nanoTime();
            Witness w = WtnsFile.read(wtnsPath);
            String r1cs = args.option("r1cs", null);
            if (r1cs != null) {
                checkConstraints(Path.of(r1cs), w, wtnsPath);
            }
            ProvingKey pk = ProvingKey.read(zkeyPath);
            out.progress("read %s and %s in %d ms", zkeyPath, wtnsPath, (System.nanoTime() - t0) / 1_000_000);
            long t1 = System.nanoTime();
            ProverOptions opts = ProverOptions.builder().selfCheck(!args.flag("no-check"))
                    .progress(s -> out.progress("%s", s)).build();
            Prover.Result r = Prover.prove(pk, w, opts, fileName(wtnsPath));
            out.progress("proved in %d ms", (System.nanoTime() - t1) / 1_000_000);
            r.proof().toJson().write(args.path(2));
            new PublicJson(r.publicSignals()).write(args.path(3));
            return OK;
        }

        private static void checkConstraints(Path r1csPath, Witness w, Path wtnsPath) {
            if (!java.nio.file.Files.isRegularFile(r1csPath)) {
                throw new UsageException(r1csPath + ": no such file");
            }
            R1cs r = R1csFile.read(r1csPath);
            if (r.nWires() != w.size()) {
                throw new FormatException(fileName(wtnsPath) + ": " + w.size() + " values, but " + fileName(r1csPath)
                        + " has " + r.nWires() + " wires");
            }
            int bad = r.firstUnsatisfied(w);
            if (bad >= 0) {
                throw new FormatException(fileName(wtnsPath) + ": constraint " + bad + " of " + fileName(r1csPath)
                        + " is not satisfied");
            }
        }
    }

    static final class VerifyCommand implements Command {
        @Override
        public String name() {
            return "verify";
        }

        @Override
        public String summary() {
            return "verify: prints OK (exit 0) or INVALID proof (exit 1)";
        }

        @Override
        public String usage() {
            return "<verification_key.json> <public.json> <proof.json>";
        }

        @Override
        public String details() {
            return """
                    Checks a Groth16 proof against a verification key and public signals, with one pairing
                    product. Exit 0 and "OK" when it verifies, exit 1 and "INVALID proof" when it does not,
                    exit 2 when a file is malformed (a point off the curve or outside G2, a value >= the field
                    modulus, the wrong number of public signals); the message names the file.
                    example: foldline groth16 verify verification_key.json public.json proof.json""";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(3, 3, usage());
            Path vkPath = args.inputFile(0);
            Path pubPath = args.inputFile(1);
            Path proofPath = args.inputFile(2);
            VerifyingKey vk = VerifyingKey.of(VerificationKeyJson.read(vkPath));
            List<Fr> pub = PublicJson.read(pubPath).values();
            Proof proof = Proof.of(ProofJson.read(proofPath));
            if (pub.size() != vk.nPublic()) {
                throw new FormatException(fileName(pubPath) + ": " + pub.size() + " public signals, but "
                        + fileName(vkPath) + " expects " + vk.nPublic());
            }
            boolean ok = Verifier.verify(PreparedVerifyingKey.prepare(vk), pub.toArray(Fr[]::new), proof);
            out.println(ok ? "OK" : "INVALID proof");
            return ok ? OK : INVALID;
        }
    }
}
