package io.foldline.chain.window;

import io.foldline.aggregation.FoldTranscript;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the Solidity source of a model's {@code WindowVerifier} contract (DESIGN.md section 5) from the
 * verifier side of its window keys. Everything model-specific is a constant of the contract: the vkDigest, the
 * public signal count n, the decider's Groth16 key and the KZG points; the calldata layout, the memory layout
 * and the soundness of the single pairing check are documented in the package documentation and in the
 * generated source. Immutable, stateless.
 */
public final class WindowVerifierSolidity {
    /** Domain tag of the weight that merges the Groth16 and KZG pairing equations. */
    public static final String RHO_TAG = "foldline.window.rho.v1";
    public static final String CONTRACT_NAME = "WindowVerifier";
    /**
     * The optimizer runs the tests compile with: many runs keep each use of r a PUSH32, where 200 runs make
     * the optimizer copy it from code (about 1,100 gas more per inference), for 1 KB more code.
     */
    public static final int OPTIMIZER_RUNS = 1_000_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final int SCRATCH_BYTES = 0x600;

    private WindowVerifierSolidity() {
    }

    /** The source for the window keys folder {@code dir} (its verification_key.json and window_vk.bin). */
    public static String generate(Path dir) {
        return generate(WindowVerifierKey.read(dir));
    }

    public static String generate(WindowVerifierKey key) {
        int n = key.nPublic();
        VerifyingKey vk = key.groth16();
        int tbWords = Math.max(9 + 2 * n, 17 + n);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("VK_DIGEST", "0x" + HEX.formatHex(key.vkDigest()));
        v.put("N", Integer.toString(n));
        v.put("START_WORDS", Integer.toString(3 + n));
        v.put("START_BYTES", bytes(3 + n));
        v.put("INSTANCE_WORDS", Integer.toString(2 + n));
        v.put("INSTANCE_BYTES", bytes(2 + n));
        v.put("BUFFER_BYTES", hex(32 * tbWords + SCRATCH_BYTES));
        v.put("TB_BYTES", bytes(tbWords));
        v.put("X_END", bytes(5 + n));
        v.put("START_BYTES_PLUS_64", bytes(5 + n));
        v.put("FRESH_OFFSET", bytes(5 + n));
        v.put("TRANSCRIPT_BYTES", bytes(9 + 2 * n));
        v.put("RHO_BYTES", bytes(17 + n));
        v.put("LEAF_BYTES", bytes(n + 2));
        v.put("TAG_OFFSET", bytes(n + 1));
        v.put("DECODE", decodeLines(n));
        v.put("MIDDLE_BYTES", bytes(n - 1));
        v.put("NIFS_TAG", word(Keccak256.digest(FoldTranscript.DOMAIN_TAG.getBytes(StandardCharsets.UTF_8))));
        v.put("RHO_TAG", word(Keccak256.digest(RHO_TAG.getBytes(StandardCharsets.UTF_8))));
        v.put("R", "0x" + Fr.MODULUS.toString(16));
        v.put("Q", "0x" + Fq.MODULUS.toString(16));
        v.put("FOLD_X", foldLines(n));
        v.put("MSM", msmLines(vk, n));
        v.put("ALPHA_BETA", g1At("q", 0xc0, vk.alpha1()) + "\n" + g2At("q", 0x100, vk.beta2()));
        boolean merged = vk.gamma2().equals(key.g2());
        v.put("GAMMA_PAIR", merged
                ? String.join("\n", line("mstore(add(s, 0x40), mload(p))"),
                        line("mstore(add(s, 0x60), mload(add(p, 0x20)))"),
                        line("ok := and(ok, staticcall(gas(), 6, s, 0x80, add(q, 0x180), 0x40))"),
                        g2At("q", 0x1c0, vk.gamma2()))
                : String.join("\n", line("mstore(add(q, 0x180), mload(s))"),
                        line("mstore(add(q, 0x1a0), mload(add(s, 0x20)))"), g2At("q", 0x1c0, vk.gamma2())));
        v.put("DELTA", g2At("q", 0x280, vk.delta2()));
        v.put("TAU_G2", g2At("q", 0x340, key.tauG2()));
        v.put("EXTRA_PAIR", merged ? ""
                : String.join("\n", line("mstore(add(q, 0x3c0), mload(p))"),
                        line("mstore(add(q, 0x3e0), mload(add(p, 0x20)))"), g2At("q", 0x400, key.g2())));
        v.put("PAIRING_BYTES", merged ? "0x3c0" : "0x480");
        String out = WindowVerifierTemplate.SOURCE;
        for (int pass = 0; pass < 2; pass++) { // the unrolled lines carry placeholders of their own
            for (Map.Entry<String, String> e : v.entrySet()) {
                out = out.replace("$" + e.getKey() + "$", e.getValue());
            }
        }
        if (out.contains("$")) {
            throw new IllegalStateException("unfilled placeholder in the WindowVerifier template at "
                    + out.substring(out.indexOf('$'), Math.min(out.length(), out.indexOf('$') + 30)));
        }
        return out;
    }

    /**
     * One compact scalar per public signal into the transcript's fresh x_i (format in {@link WindowCalldata}):
     * header h = sign << 7 | len, len big-endian magnitude bytes; the value is m or r - m. The header is not
     * validated (a length above 32 shifts the word out entirely and reads as m = 0; bit 6 is ignored): such
     * encodings are only wasteful, because the decoded value is what is range-checked, hashed and folded.
     */
    private static String decodeLines(int n) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < n; j++) {
            b.append(line("h := byte(0, calldataload(p))")).append('\n');
            b.append(line("len := and(h, 0x3f)")).append('\n');
            b.append(line("m := shr(shl(3, sub(32, len)), calldataload(add(p, 1)))")).append('\n');
            b.append(line("mstore(add(fresh, " + hex(0x40 + 32 * j) + "), add(m, mul(shr(7, h), sub($R$, add(m, m)))))"))
                    .append('\n');
            b.append(line("p := add(p, add(1, len))"));
            if (j < n - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** x' = x + r x_i for every public signal, refusing one that is not below r. */
    private static String foldLines(int n) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < n; j++) {
            String acc = "add(tb, " + hex(0xa0 + 32 * j) + ")";
            b.append(line("xi := mload(add(fresh, " + hex(0x40 + 32 * j) + "))")).append('\n');
            b.append(line("ok := and(ok, lt(xi, $R$))")).append('\n');
            b.append(line("mstore(" + acc + ", addmod(mload(" + acc + "), mulmod(r, xi, $R$), $R$))"));
            if (j < n - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** vk_x: IC_0, then one ecMul and ecAdd per public input u, x[0..n), zeta, v. */
    private static String msmLines(VerifyingKey vk, int n) {
        StringBuilder b = new StringBuilder();
        G1Affine ic0 = vk.ic().get(0);
        b.append(line("mstore(s, " + coord(ic0.x()) + ")")).append('\n');
        b.append(line("mstore(add(s, 0x20), " + coord(ic0.y()) + ")"));
        for (int j = 0; j < n + 3; j++) {
            String scalar;
            if (j == 0) {
                scalar = "mload(add(tb, 0x80))";
            } else if (j <= n) {
                scalar = "mload(add(tb, " + hex(0xa0 + 32 * (j - 1)) + "))";
            } else {
                scalar = j == n + 1 ? "zeta" : "v";
            }
            G1Affine ic = vk.ic().get(j + 1);
            b.append('\n').append(line("ok := and(ok, ecMulAdd(s, " + coord(ic.x()) + ", " + coord(ic.y()) + ", "
                    + scalar + "))"));
        }
        return b.toString();
    }

    private static String g1At(String base, int off, G1Affine p) {
        return line("mstore(add(" + base + ", " + hex(off) + "), " + coord(p.x()) + ")") + "\n"
                + line("mstore(add(" + base + ", " + hex(off + 32) + "), " + coord(p.y()) + ")");
    }

    /** A G2 point in the precompile's order: x.c1, x.c0, y.c1, y.c0. */
    private static String g2At(String base, int off, G2Affine p) {
        byte[] b = p.toBytesBE();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            byte[] w = Arrays.copyOfRange(b, 32 * i, 32 * i + 32);
            out.append(line("mstore(add(" + base + ", " + hex(off + 32 * i) + "), " + word(w) + ")"));
            if (i < 3) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String line(String s) {
        return "            " + s;
    }

    private static String coord(Fq c) {
        return word(c.toBytesBE());
    }

    private static String word(byte[] w) {
        return "0x" + HEX.formatHex(w);
    }

    private static String bytes(int words) {
        return hex(32 * words);
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }
}
