package io.foldline.circuits.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Circom fixture circuits from {@code circuits/src/test/resources/circom/}, compiled with circom2
 * ({@code --r1cs --wasm --sym}) into {@code .cache/circom/<name>-<hash>/} and reused across test runs.
 * The hash covers the main source, every fixture file it may include and the pinned tool versions.
 */
public final class CircomFixtures {

    public static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration WITNESS_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern DECIMAL = Pattern.compile("\"(\\d+)\"");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** A compiled circuit: every path lies in its cache folder {@code dir}. */
    public record Compiled(String name, Path dir, Path source, Path r1cs, Path wasm, Path sym, Path log) {
    }

    private CircomFixtures() {
    }

    public static Path fixturesDir() {
        return NodeTools.root().resolve("circuits/src/test/resources/circom");
    }

    public static Path source(String name) {
        return fixturesDir().resolve(name + ".circom");
    }

    /** The sample input of a fixture, {@code <name>.input.json}. */
    public static Path input(String name) {
        return fixturesDir().resolve(name + ".input.json");
    }

    /** Compiles the fixture {@code <name>.circom} (which declares its own main component). */
    public static Compiled compile(String name) {
        return compileSource(name, read(source(name)));
    }

    /**
     * A chain of {@code nConstraints} multiplications with one public output ({@code chain.circom});
     * {@code 2^k - 8} gives a snarkjs domain of exactly {@code 2^k}. Its input is {@link #input input("chain")}.
     */
    public static Compiled chain(int nConstraints) {
        if (nConstraints < 2) {
            throw new IllegalArgumentException("nConstraints must be >= 2, got " + nConstraints);
        }
        String main = "pragma circom 2.1.0;\n\ninclude \"chain.circom\";\n\n"
                + "component main = Chain(" + nConstraints + ");\n";
        return compileSource("chain_" + nConstraints, main);
    }

    /**
     * Compiles a generated main file {@code <name>.circom}; it may include any fixture file by its bare name
     * and any circomlib template (e.g. {@code include "poseidon.circom";}).
     */
    public static Compiled compileSource(String name, String mainSource) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("circuit name must match " + NAME + ": " + name);
        }
        NodeTools.requireTools();
        byte[] src = mainSource.getBytes(StandardCharsets.UTF_8);
        String key = name + "-" + cacheKey(src).substring(0, 16);
        Path dir = CacheDirs.materialize(NodeTools.cacheDir("circom").resolve(key), tmp -> compileInto(tmp, name, src));
        return compiled(name, dir);
    }

    private static Compiled compiled(String name, Path dir) {
        return new Compiled(name, dir, dir.resolve(name + ".circom"), dir.resolve(name + ".r1cs"),
                dir.resolve(name + "_js").resolve(name + ".wasm"), dir.resolve(name + ".sym"),
                dir.resolve("compile.log"));
    }

    private static Path compileInto(Path work, String name, byte[] mainSource) {
        try {
            // circom2 runs under WASI and sees only the cwd's subtree: bring circomlib and the fixtures in.
            CacheDirs.copyTree(NodeTools.circomlibCircuits(), work.resolve("lib"));
            List<Path> fixtures = fixtureFiles();
            for (Path f : fixtures) {
                Files.copy(f, work.resolve(f.getFileName().toString()));
            }
            Files.write(work.resolve(name + ".circom"), mainSource);
            ExecResult r = NodeTools.node(work, COMPILE_TIMEOUT, NodeTools.circomCli(),
                    name + ".circom", "--r1cs", "--wasm", "--sym", "-o", ".", "-l", "lib");
            Files.writeString(work.resolve("compile.log"), r.stdout() + r.stderr());
            r.requireOk();
            for (Path f : fixtures) {
                if (!f.getFileName().toString().equals(name + ".circom")) {
                    Files.delete(work.resolve(f.getFileName().toString()));
                }
            }
            CacheDirs.deleteRecursively(work.resolve("lib"));
            Compiled c = compiled(name, work);
            for (Path out : List.of(c.r1cs(), c.wasm(), c.sym())) {
                if (!Files.isRegularFile(out)) {
                    throw new AssertionError("circom2 did not write " + out + "\n" + r.describe());
                }
            }
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + name + " in " + work, e);
        }
    }

    /**
     * The witness of {@code circuit} for {@code inputJson}, computed with {@code snarkjs wtns calculate}
     * and cached next to the circuit by the input's hash.
     */
    public static Path witness(Compiled circuit, Path inputJson) {
        NodeTools.requireTools();
        String key = CacheDirs.sha256Hex(readBytes(inputJson)).substring(0, 16);
        Path target = circuit.dir().resolve("witness-" + key + ".wtns");
        return CacheDirs.materialize(target, tmp -> {
            Path out = tmp.resolve("witness.wtns");
            NodeTools.snarkjs(tmp, WITNESS_TIMEOUT, "wtns", "calculate", circuit.wasm().toString(),
                    inputJson.toAbsolutePath().toString(), out.toString()).requireOk();
            return out;
        });
    }

    /** Compiles the fixture {@code name} and computes its witness for {@code <name>.input.json}. */
    public static Path witness(String name) {
        return witness(compile(name), input(name));
    }

    /** The witness values in wire order (index 0 is the constant 1), via {@code snarkjs wtns export json}. */
    public static List<BigInteger> witnessValues(Path wtns, Path workDir) {
        Path json = workDir.resolve(wtns.getFileName() + ".json");
        NodeTools.snarkjs(workDir, "wtns", "export", "json", wtns.toString(), json.toString()).requireOk();
        List<BigInteger> values = new ArrayList<>();
        Matcher m = DECIMAL.matcher(read(json));
        while (m.find()) {
            values.add(new BigInteger(m.group(1)));
        }
        return values;
    }

    private static String cacheKey(byte[] mainSource) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(mainSource);
        parts.add(readBytes(NodeTools.toolsDir().resolve("package-lock.json")));
        for (Path f : fixtureFiles()) {
            parts.add(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            parts.add(readBytes(f));
        }
        return CacheDirs.sha256Hex(parts.toArray(byte[][]::new));
    }

    private static List<Path> fixtureFiles() {
        try (Stream<Path> files = Files.list(fixturesDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".circom")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fixturesDir(), e);
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static String read(Path p) {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }
}
