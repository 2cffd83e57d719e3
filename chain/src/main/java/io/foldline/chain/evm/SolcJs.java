package io.foldline.chain.evm;

import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Compiles Solidity with solc-js (the npm {@code solc} package in infra/tools, 0.8.37) through node and its
 * standard-JSON interface. The optimizer is on ({@link #DEFAULT_RUNS} runs unless told otherwise) and the
 * target is pinned to {@value #EVM_VERSION}, which anvil, Ethereum mainnet and the major L2s all run;
 * solc's own default follows the newest fork, which an older node would reject.
 */
public final class SolcJs {
    public static final String EVM_VERSION = "cancun";
    public static final int DEFAULT_RUNS = 200;
    private static final long TIMEOUT_SECONDS = 120;

    // Reads the standard-JSON input on stdin, writes solc's standard-JSON output on stdout.
    private static final String SCRIPT = """
            const solc = require(process.argv[1]);
            let input = '';
            process.stdin.setEncoding('utf8');
            process.stdin.on('data', d => input += d);
            process.stdin.on('end', () => process.stdout.write(solc.compile(input)));
            """;

    private final int runs;

    private SolcJs(int runs) {
        this.runs = runs;
    }

    public static SolcJs withOptimizerRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("optimizer runs must be >= 1, got " + runs);
        }
        return new SolcJs(runs);
    }

    public static SolcJs defaults() {
        return new SolcJs(DEFAULT_RUNS);
    }

    /**
     * Compiles one source file, named {@code fileName} in solc's messages, and returns the contract
     * {@code contractName} defined in it.
     */
    public Compiled compile(String fileName, String source, String contractName) {
        JsonValue output = JsonValue.parse(run(input(fileName, source)), "solc output");
        List<String> errors = new ArrayList<>();
        if (output.has("errors")) {
            for (JsonValue d : output.get("errors").elements()) {
                if ("error".equals(d.get("severity").asString())) {
                    errors.add(d.get("formattedMessage").asString().strip());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SolcException("solc could not compile " + fileName + ":\n" + String.join("\n", errors));
        }
        JsonValue contracts = output.has("contracts") ? output.get("contracts") : null;
        JsonValue file = contracts != null && contracts.has(fileName) ? contracts.get(fileName) : null;
        JsonValue contract = file != null && file.has(contractName) ? file.get(contractName) : null;
        if (contract == null) {
            throw new SolcException(fileName + " defines no contract named " + contractName);
        }
        JsonValue evm = contract.get("evm");
        String runtime = evm.get("deployedBytecode").get("object").asString();
        return new Compiled(contractName, JsonWriter.write(contract.get("abi"), -1),
                evm.get("bytecode").get("object").asString(), runtime.length() / 2);
    }

    private String input(String fileName, String source) {
        return """
                {"language":"Solidity","sources":{%s:{"content":%s}},
                 "settings":{"optimizer":{"enabled":true,"runs":%d},"evmVersion":"%s",
                  "outputSelection":{"*":{"*":["abi","evm.bytecode.object","evm.deployedBytecode.object"]}}}}
                """.formatted(quote(fileName), quote(source), runs, EVM_VERSION);
    }

    private static String quote(String s) {
        return JsonWriter.write(JsonValue.string(s), -1);
    }

    private static String run(String input) {
        if (!Files.isRegularFile(Tools.solcJs().resolve("index.js"))) {
            throw new ChainException("solc-js not found at " + Tools.solcJs() + "; " + Tools.INSTALL_HINT);
        }
        List<String> cmd = List.of(Tools.requireNode().toString(), "-e", SCRIPT, Tools.solcJs().toString());
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ChainException("solc-js did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new ChainException("solc-js exited " + p.exitValue() + ": "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChainException("cannot run solc-js through node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("interrupted while compiling");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
