package io.foldline.cli;

import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code foldline demo}: the most complete end-to-end path the project has, run through the same verbs a user
 * types. Until the streaming pipeline lands that is the proof-system core: a test ceremony, a circuit, a
 * phase-2 setup with a contribution and a beacon, a proof, its verification (by us and, when installed, by
 * snarkjs), and the rejection of a tampered proof.
 */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the end-to-end path on embedded defaults and print a summary";
    }

    @Override
    public String usage() {
        return "[--out DIR] [--power P]";
    }

    @Override
    public String details() {
        return """
                Runs, in DIR (default ./foldline-demo): powersoftau new, a chain circuit of 2^P - 8
                constraints written as circuit.r1cs and witness.wtns, groth16 setup, zkey contribute, zkey
                beacon, zkey export verificationkey, groth16 prove, groth16 verify, then a tampered public
                input that must be rejected. When the npm oracles are installed (bash infra/install-test-tools.sh)
                snarkjs verifies our proof too. P defaults to 12 (about a minute here); at most 20.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "power");
    }

    private record Step(String what, double seconds, String result) {
    }

    @Override
    public int run(Args args, Console out) throws Exception {
        args.expect(0, 0, usage());
        int power = args.intOption("power", 12);
        if (power < 3 || power > 20) {
            throw new UsageException("--power must be between 3 and 20, got " + power);
        }
        Path dir = Files.createDirectories(Path.of(args.option("out", "foldline-demo")));
        List<Step> steps = new ArrayList<>();
        out.println("foldline demo in " + dir.toAbsolutePath() + " (test-only ceremony: never use these keys for value)");

        String ptau = dir.resolve("pot" + power + ".ptau").toString();
        String r1cs = dir.resolve("circuit.r1cs").toString();
        String wtns = dir.resolve("witness.wtns").toString();
        String z0 = dir.resolve("circuit_0000.zkey").toString();
        String z1 = dir.resolve("circuit_0001.zkey").toString();
        String zf = dir.resolve("circuit_final.zkey").toString();
        String vk = dir.resolve("verification_key.json").toString();
        String proof = dir.resolve("proof.json").toString();
        String pub = dir.resolve("public.json").toString();
        String bad = dir.resolve("public_tampered.json").toString();

        verb(steps, out, 0, "powersoftau", "new", String.valueOf(power), ptau);
        int n = (1 << power) - 8;
        long t = System.nanoTime();
        R1csFile.write(ChainCircuit.r1cs(n), Path.of(r1cs));
        WtnsFile.write(ChainCircuit.witness(n, Fr.of(3)), Path.of(wtns));
        steps.add(new Step("write circuit.r1cs + witness.wtns (" + n + " constraints)", secs(t), "ok"));
        out.println("  circuit: x_{i+1} = x_i^2 + i, " + n + " constraints, private x_0 = 3, public output x_n");
        verb(steps, out, 0, "groth16", "setup", r1cs, ptau, z0);
        verb(steps, out, 0, "zkey", "contribute", z0, z1, "--name", "demo contributor");
        verb(steps, out, 0, "zkey", "beacon", z1, zf,
                "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "10", "--name", "demo beacon");
        verb(steps, out, 0, "zkey", "export", "verificationkey", zf, vk);
        verb(steps, out, 0, "groth16", "prove", zf, wtns, proof, pub);
        verb(steps, out, 0, "groth16", "verify", vk, pub, proof);

        List<Fr> values = new ArrayList<>(PublicJson.read(Path.of(pub)).values());
        values.set(0, values.get(0).add(Fr.ONE));
        new PublicJson(values).write(Path.of(bad));
        verb(steps, out, 1, "groth16", "verify", vk, bad, proof);

        NodeOracle snarkjs = NodeOracle.find();
        if (snarkjs != null) {
            t = System.nanoTime();
            String said = snarkjs.snarkjs(dir, "groth16", "verify", "verification_key.json", "public.json", "proof.json");
            boolean ok = said.contains("OK");
            steps.add(new Step("snarkjs groth16 verify (our proof, an independent verifier)", secs(t), ok ? "OK" : said));
            if (!ok) {
                throw new IllegalStateException("snarkjs rejected our proof: " + said.strip());
            }
        } else {
            steps.add(new Step("snarkjs groth16 verify", 0, "skipped: bash infra/install-test-tools.sh installs it"));
        }
        summary(out, steps, dir);
        return OK;
    }

    /** Runs one foldline verb as a user would and records it; the exit code must be the expected one. */
    private static void verb(List<Step> steps, Console out, int expected, String... argv) {
        out.println("$ foldline " + String.join(" ", argv));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buf, true);
        long t = System.nanoTime();
        int rc = Main.run(argv, new Console(captured, out.quiet() ? captured : out.err(), out.quiet()));
        double s = secs(t);
        String said = buf.toString().strip();
        if (!said.isEmpty()) {
            out.println("  " + said.replace("\n", "\n  "));
        }
        if (rc != expected) {
            throw new IllegalStateException("'foldline " + String.join(" ", argv) + "' exited " + rc
                    + ", expected " + expected + (said.isEmpty() ? "" : ": " + said));
        }
        String result = expected == 1 ? "rejected, exit 1 (as it must be)" : (said.contains("OK") ? "OK" : "ok");
        steps.add(new Step(String.join(" ", argv[0], argv[1]) + (argv.length > 2 && argv[1].equals("export") ? " " + argv[2] : ""),
                s, result));
    }

    private static void summary(Console out, List<Step> steps, Path dir) {
        out.println("");
        out.println("summary:");
        double total = 0;
        for (Step s : steps) {
            out.println(String.format("  %-62s %8.2f s  %s", s.what(), s.seconds(), s.result()));
            total += s.seconds();
        }
        out.println(String.format("  %-62s %8.2f s", "total", total));
        out.println("outputs: " + dir.toAbsolutePath() + " (verification_key.json, proof.json, public.json, *.zkey, *.ptau)");
        out.println("next: the streaming pipeline (Kafka + Flink) replaces this demo as the pipeline issues land.");
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
