package io.foldline.crypto.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Asks ffjavascript itself for its roots of unity (Fr.w[k] of the bn128 curve snarkjs builds) and compares
 * them with {@link Domain#omega()} for k = 1..20, and its pure-JS fft of 16 values with {@link Domain#fft(Fr[])}
 * (same evaluation order and sign of the exponent). Checks snarkjs's own nested copy of ffjavascript too when
 * it has one, since that is the copy that reads and writes .zkey files.
 */
@Tag("interop")
class FfjavascriptOmegaInteropTest {
    private static final int MAX_K = 20;

    private static final String SCRIPT = """
            const ff = require(process.argv[1]);
            (async () => {
              const curve = await ff.buildBn128(true);
              const Fr = curve.Fr;
              console.log("s " + Fr.s);
              console.log("nqr " + Fr.toObject(Fr.nqr).toString());
              for (let k = 0; k <= %d; k++) console.log("w" + k + " " + Fr.toObject(Fr.w[k]).toString());
              // the pure-JS transform (fft.js) on x_i = (i^2 + 1) * 1234567891011: evaluation order and sign convention
              const F = new ff.F1Field(Fr.p);
              const v = [];
              for (let i = 0; i < 16; i++) v.push(F.e(BigInt(i * i + 1) * 1234567891011n));
              console.log("fft16 " + F.fft(v).map((x) => x.toString()).join(","));
              await curve.terminate();
            })().catch((e) => { console.error(e); process.exit(1); });
            """.formatted(MAX_K);

    @Test
    void omegaEqualsFfjavascriptsWForEveryK() throws Exception {
        Path modules = root().resolve("infra/tools/node_modules");
        List<Path> copies = new ArrayList<>();
        for (Path p : List.of(modules.resolve("snarkjs/node_modules/ffjavascript"), modules.resolve("ffjavascript"))) {
            if (Files.isRegularFile(p.resolve("build/main.cjs"))) {
                copies.add(p);
            }
        }
        Path node = findNode();
        if (node == null || copies.isEmpty()) {
            skipOrFail("node " + (node == null ? "not on PATH" : "found") + ", ffjavascript copies under "
                    + modules + ": " + copies + "; install them with: bash infra/install-test-tools.sh");
        }
        for (Path copy : copies) {
            Map<String, String> out = runNode(node, modules.getParent(), copy.resolve("build/main.cjs"));
            assertEquals("28", out.get("s"), copy + " Fr.s");
            assertEquals("5", out.get("nqr"), copy + " Fr.nqr");
            for (int k = 1; k <= MAX_K; k++) {
                assertEquals(new BigInteger(out.get("w" + k)), Domain.of(k).omega().toBigInteger(), copy + " w[" + k + "]");
            }
            Fr[] x = new Fr[16];
            for (int i = 0; i < 16; i++) {
                x[i] = Fr.of(BigInteger.valueOf(i * i + 1).multiply(BigInteger.valueOf(1234567891011L)));
            }
            String[] theirs = out.get("fft16").split(",");
            Fr[] ours = Domain.of(4).fft(x);
            for (int i = 0; i < 16; i++) {
                assertEquals(new BigInteger(theirs[i]), ours[i].toBigInteger(), copy + " fft16[" + i + "]");
            }
        }
    }

    private static Map<String, String> runNode(Path node, Path dir, Path module) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(node.toString(), "-e", SCRIPT, module.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] bytes = p.getInputStream().readAllBytes(); // the script is short and exits on its own
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) {
                out.put(kv[0], kv[1]);
            }
        }
        assertFalse(out.isEmpty(), text);
        return out;
    }

    /** System property {@code foldline.root}, else the nearest parent of the cwd holding infra/tools. */
    private static Path root() {
        String prop = System.getProperty("foldline.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "infra/tools"))) {
            return Path.of(prop).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("infra/tools"))) {
                return p;
            }
        }
        skipOrFail("no parent of " + Path.of("").toAbsolutePath() + " holds infra/tools (set -Dfoldline.root)");
        return null;
    }

    private static Path findNode() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "node");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void skipOrFail(String why) {
        if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
            Assertions.fail(why + " (-Dfoldline.requireInterop=true)");
        }
        Assumptions.abort(why);
    }
}
