package io.foldline.cli;

import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.cli.demo.PipelineDemo;
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
 * {@code foldline demo}: the streaming pipeline end to end on this machine (Kafka broker, local Flink, the
 * digits model; {@link PipelineDemo} does the work), and {@code foldline demo groth16}, the proof-system core
 * through the same verbs a user types: a test ceremony, a circuit, a phase-2 setup with a contribution and a
 * beacon, a proof, its verification (by us and, when installed, by snarkjs), and the rejection of a tampered
 * proof.
 */
final class DemoCommand implements Command {
    private static final String GROTH16 = "groth16";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the streaming pipeline end to end (Kafka + Flink + proofs); 'demo groth16': the proof system alone";
    }

    @Override
    public String usage() {
        return "[--requests N] [--parallelism P] [--keep-broker] [--bootstrap HOST:PORT] [--out DIR]"
                + "  |  groth16 [--out DIR] [--power P]";
    }

    @Override
    public String details() {
        return """
                foldline demo: compiles the digits_mlp fixture model and sets up an INSECURE test proving key
                (once, cached in .cache/demo), starts a Kafka broker with infra/kafka.sh unless one runs
                (and stops it at the end if it started it), creates this run's topics, sends N requests from
                the digits test split plus 10 malformed records, runs the proving job on a local Flink with a
                bounded source, prints progress every 5 s, then checks that every valid request is in exactly
                one window and every malformed record in one dead letter, and prints a summary (proofs,
                windows, dead letters by reason, throughput, latency). Windows are folded: the first run also
                makes the model's window keys (a minute or two). Last, a local anvil starts, the model's
                WindowVerifier contract is generated, compiled (solc-js) and deployed, and the submitter settles
                every window, printing the gas per window and per inference. Window proofs, summary.json and
                the settlement journal go to DIR/pipeline-<time> (default DIR ./foldline-demo). Exit 0 when the
                outputs are exactly right and every window settled.
                options:
                  --requests N        valid requests (default 360, the whole test split)
                  --parallelism P     job parallelism and windows per model (default 2)
                  --keep-broker       leave a broker this demo started running
                  --bootstrap H:P     use this broker instead (nothing is started or stopped)
                  --no-chain          skip the settlement on anvil (no node/npm tools needed)
                foldline demo groth16: runs, in DIR (default ./foldline-demo): powersoftau new, a chain circuit
                of 2^P - 8 constraints written as circuit.r1cs and witness.wtns, groth16 setup, zkey contribute,
                zkey beacon, zkey export verificationkey, groth16 prove, groth16 verify, then a tampered public
                input that must be rejected. When the npm oracles are installed (bash infra/install-test-tools.sh)
                snarkjs verifies our proof too. P defaults to 12 (about a minute here); at most 20.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "power", "requests", "parallelism", "bootstrap");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("keep-broker", "no-chain");
    }

    private record Step(String what, double seconds, String result) {
    }

    @Override
    public int run(Args args, Console out) throws Exception {
        args.expect(0, 1, usage());
        if (args.size() == 1 && !args.get(0).equals(GROTH16)) {
            throw new UsageException("unknown demo '" + args.get(0) + "' (the pipeline demo takes no argument; "
                    + "'demo groth16' is the proof-system demo)");
        }
        return args.size() == 0 ? pipeline(args, out) : groth16(args, out);
    }

    private static int pipeline(Args args, Console out) throws Exception {
        if (args.option("power", null) != null) {
            throw new UsageException("--power belongs to 'demo groth16'");
        }
        int requests = args.intOption("requests", 360);
        int parallelism = args.intOption("parallelism", 2);
        if (requests < 1 || parallelism < 1 || parallelism > 64) {
            throw new UsageException("--requests must be at least 1 and --parallelism between 1 and 64");
        }
        Path root = Path.of(System.getProperty("foldline.root", ".")).toAbsolutePath().normalize();
        Path dir = Path.of(args.option("out", "foldline-demo")).toAbsolutePath();
        return new PipelineDemo(new PipelineDemo.Options(requests, 10, parallelism, args.flag("keep-broker"),
                args.option("bootstrap", null), dir, root, !args.flag("no-chain")), out).run();
    }

    private static int groth16(Args args, Console out) throws Exception {
        for (String o : List.of("requests", "parallelism", "bootstrap")) {
            if (args.option(o, null) != null) {
                throw new UsageException("--" + o + " belongs to the pipeline demo, not 'demo groth16'");
            }
        }
        int power = args.intOption("power", 12);
        if (power < 3 || power > 20) {
            throw new UsageException("--power must be between 3 and 20, got " + power);
        }
        Path dir = Files.createDirectories(Path.of(args.option("out", "foldline-demo")));
        List<Step> steps = new ArrayList<>();
        out.println("foldline demo groth16 in " + dir.toAbsolutePath()
                + " (test-only ceremony: never use these keys for value)");

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
        out.println("the streaming pipeline: foldline demo");
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
