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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
     * What {@code protocol()} of a generated contract hashes: the calldata layout, the fold transcript (v2:
     * {@code K_i + K_T} absorbed as one point) and the receipts holders. A contract from before answers nothing.
     */
    public static final String PROTOCOL = "foldline.window.v2";
    /**
     * The optimizer runs the tests compile with: many runs keep each use of r a PUSH32, where 200 runs make
     * the optimizer copy it from code (about 1,100 gas more per inference), for 1 KB more code.
     */
    public static final int OPTIMIZER_RUNS = 1_000_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final int SCRATCH_BYTES = 0x600;
    /**
     * Init code of a window's receipts-root holder, 34 bytes, hand-assembled so that its hash (and so every
     * holder address) does not depend on a compiler: staticcall the creator's {@code pendingReceiptsRoot()}, revert
     * if that fails, return {@code 0x00 || root} as the holder's code (a leading STOP, so calling it does nothing).
     * <pre>
     *   63 sel 60e0 1b 5f 52        mstore(0, shl(224, selector))
     *   6020 6001 6004 5f 33 5a fa   staticcall(gas(), caller(), 0, 4, 1, 32): the root lands in bytes 1..33
     *   601a 57 5f 5f fd 5b          if it failed, revert(0, 0)
     *   5f 5f 53 6021 5f f3          mstore8(0, 0); return(0, 33)
     * </pre>
     */
    static final byte[] HOLDER_INIT = HEX.parseHex("63" + HEX.formatHex(Arrays.copyOf(
            Keccak256.digest("pendingReceiptsRoot()".getBytes(StandardCharsets.US_ASCII)), 4))
            + "60e01b5f52" + "602060016004" + "5f335afa" + "601a575f5ffd5b" + "5f5f536021" + "5ff3");
    private static final byte[] HOLDER_INIT_HASH = Keccak256.digest(HOLDER_INIT);
    private static final byte[] PROTOCOL_ID = Keccak256.digest(PROTOCOL.getBytes(StandardCharsets.UTF_8));

    private WindowVerifierSolidity() {
    }

    /**
     * Where verifier {@code verifier} (0x-hex) keeps the receipts root of window {@code windowId} once it settles:
     * the CREATE2 address of the verifier, salt the window id and the holder's init code (its code is then
     * {@code 0x00 || root}; FoldlineReceipts in the generated source computes the same).
     */
    public static String holderAddress(String verifier, byte[] windowId) {
        if (windowId == null || windowId.length != 32) {
            throw new IllegalArgumentException("windowId must be 32 bytes");
        }
        byte[] from = HEX.parseHex(verifier.startsWith("0x") ? verifier.substring(2) : verifier);
        if (from.length != 20) {
            throw new IllegalArgumentException("not a 20-byte address: " + verifier);
        }
        byte[] in = new byte[85];
        in[0] = (byte) 0xff;
        System.arraycopy(from, 0, in, 1, 20);
        System.arraycopy(windowId, 0, in, 21, 32);
        System.arraycopy(HOLDER_INIT_HASH, 0, in, 53, 32);
        return "0x" + HEX.formatHex(Arrays.copyOfRange(Keccak256.digest(in), 12, 32));
    }

    /** keccak256 of {@link #PROTOCOL}: what {@code protocol()} returns. */
    static byte[] protocolId() {
        return PROTOCOL_ID.clone();
    }

    /** The source for the window keys folder {@code dir} (its verification_key.json and window_vk.bin). */
    public static String generate(Path dir) {
        return generate(WindowVerifierKey.read(dir));
    }

    public static String generate(WindowVerifierKey key) {
        int n = key.nPublic();
        if (n < 1) {
            throw new IllegalArgumentException("a window verifier needs at least one public signal, the key has " + n);
        }
        VerifyingKey vk = key.groth16();
        int tbWords = Math.max(7 + 2 * n, 17 + n);
        Map<String, String> v = new LinkedHashMap<>();
        Layout m = new Layout(n, tbWords);
        v.put("VK_DIGEST", "0x" + HEX.formatHex(key.vkDigest()));
        v.put("N", Integer.toString(n));
        v.put("START_WORDS", Integer.toString(3 + n));
        v.put("START_BYTES", bytes(3 + n));
        v.put("TB", hex(Layout.TB));
        v.put("VK_AT", hex(Layout.TB + 0x20));
        v.put("ACC_AT", hex(m.acc()));
        List<Integer> start = new ArrayList<>();
        for (int w = m.u(); w < m.x(n); w += 32) {
            start.add(w);
        }
        v.put("START_BELOW_R", allBelowR(start));
        v.put("RESULT_BYTES", bytes(4 + n));
        v.put("TAG_AT", hex(m.freshX(n - 1)));
        v.put("LEAF_AT", hex(m.x(n - 1)));
        v.put("LEAF_INDEX_AT", hex(m.fresh()));
        v.put("LEAF_TAG_AT", hex(m.fresh() + 0x20));
        v.put("LEAVES_AT", hex(m.leaves()));
        v.put("TB_BYTES", bytes(tbWords));
        v.put("X_END", bytes(5 + n));
        v.put("RHO_BYTES", bytes(17 + n));
        v.put("LEAF_BYTES", bytes(n + 2));
        v.put("FOLD_BODY", foldBody(m));
        v.put("PROTOCOL_NAME", PROTOCOL);
        v.put("PROTOCOL", word(PROTOCOL_ID));
        byte[] init = Arrays.copyOf(HOLDER_INIT, 64);
        v.put("HOLDER_INIT_0", word(Arrays.copyOfRange(init, 0, 32)));
        v.put("HOLDER_INIT_1", word(Arrays.copyOfRange(init, 32, 64)));
        v.put("HOLDER_INIT_BYTES", hex(HOLDER_INIT.length));
        v.put("HOLDER_INIT_HASH", word(HOLDER_INIT_HASH));
        v.put("NIFS_TAG", word(Keccak256.digest(FoldTranscript.DOMAIN_TAG.getBytes(StandardCharsets.UTF_8))));
        v.put("RHO_TAG", word(Keccak256.digest(RHO_TAG.getBytes(StandardCharsets.UTF_8))));
        v.put("R", "0x" + Fr.MODULUS.toString(16));
        v.put("Q", "0x" + Fq.MODULUS.toString(16));
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
     * Fixed memory addresses of the fold (see {@link WindowVerifierTemplate}): the transcript buffer from 0x80
     * ({@code tbWords} words), the precompile scratch after it, then the leaves.
     */
    private record Layout(int n, int tbWords) {
        static final int TB = 0x80;

        int acc() {
            return TB + 0x40;
        }

        int u() {
            return TB + 0x80;
        }

        int x(int j) {
            return TB + 0xa0 + 32 * j;
        }

        int fresh() {
            return x(n);
        }

        int freshX(int j) {
            return fresh() + 0x40 + 32 * j;
        }

        int scratch() {
            return TB + 32 * tbWords;
        }

        int leaves() {
            return scratch() + SCRATCH_BYTES;
        }
    }

    /**
     * One fold, unrolled, as a Yul block over the variables ok, p (the record's calldata offset, advanced past
     * it) and r: copy the record's C and signals into the transcript (format in {@link WindowCalldata}),
     * r = Keccak mod r, K += r C, u += r, x += r x_i. A middle signal of width w is {@code sar(256 - 8 w, word)},
     * sign-extended, and {@code s + (r & sar(255, s))} maps a negative s to r + s (mod 2^256) without a branch; a w
     * above 32 or of 0 makes the shift 256 or more, which reads as 0 or -1. h_in and the tag are range-checked
     * always, the middle signals only when w is 32 (narrower ones cannot reach r), all in one expression.
     */
    private static String foldBody(Layout m) {
        int n = m.n();
        int fresh = m.fresh();
        int s = m.scratch();
        List<String> b = new ArrayList<>();
        // C and h_in (and the tag right after when n = 2: it is x_i[n-1] = x_i[1]) in one copy; C once more as
        // the ecMul's input
        b.add("calldatacopy(" + hex(fresh) + ", p, " + (n == 2 ? "0x80" : "0x60") + ")");
        b.add("calldatacopy(" + hex(s) + ", p, 0x40)");
        if (n >= 3) {
            b.add("mstore(" + hex(m.freshX(n - 1)) + ", calldataload(add(p, 0x60)))");
            b.add("let w := shr(248, calldataload(add(p, 0x80)))");
            b.add("let sh := sub(256, shl(3, w))");
            b.add("p := add(p, 0x81)");
            for (int j = 1; j < n - 1; j++) {
                b.add("{");
                b.add("    let v := sar(sh, calldataload(p))");
                b.add("    mstore(" + hex(m.freshX(j)) + ", add(v, and(sar(255, v), $R$)))");
                b.add("    p := add(p, w)");
                b.add("}");
            }
            List<Integer> middle = new ArrayList<>();
            for (int j = 1; j < n - 1; j++) {
                middle.add(m.freshX(j));
            }
            b.add("if eq(w, 32) { ok := and(ok, " + allBelowR(middle) + ") }");
        } else {
            b.add("p := add(p, " + (n == 2 ? "0x80" : "0x60") + ")");
        }
        List<Integer> raw = new ArrayList<>(List.of(m.freshX(0)));
        if (n >= 2) {
            raw.add(m.freshX(n - 1));
        }
        b.add("ok := and(ok, " + allBelowR(raw) + ")");
        b.add("r := mod(keccak256($TB$, " + bytes(7 + 2 * n) + "), $R$)");
        b.add("// r C over the transcript's first two words, then K + r C into K, then the two words back");
        b.add("mstore(" + hex(s + 0x40) + ", r)");
        b.add("ok := and(ok, staticcall(gas(), 7, " + hex(s) + ", 0x60, $TB$, 0x40))");
        b.add("ok := and(ok, staticcall(gas(), 6, $TB$, 0x80, " + hex(m.acc()) + ", 0x40))");
        b.add("mstore($TB$, $NIFS_TAG$)");
        b.add("mstore($VK_AT$, $VK_DIGEST$)");
        b.add("mstore(" + hex(m.u()) + ", addmod(mload(" + hex(m.u()) + "), r, $R$))");
        for (int j = 0; j < n; j++) {
            String acc = hex(m.x(j));
            b.add("mstore(" + acc + ", addmod(mload(" + acc + "), mulmod(r, mload(" + hex(m.freshX(j)) + "), $R$), $R$))");
        }
        StringBuilder out = new StringBuilder();
        out.append(line("{"));
        for (String l : b) {
            out.append('\n').append(line("    " + l));
        }
        return out.append('\n').append(line("}")).toString();
    }

    /**
     * {@code and(lt(mload(a0), r), and(lt(mload(a1), r), ...))}: whether every word at these addresses is below r,
     * as one expression (cheaper than an {@code ok := and(ok, ...)} each) nested to the right, so that it needs
     * two stack slots whatever the count.
     */
    private static String allBelowR(List<Integer> addresses) {
        String all = null;
        for (int i = addresses.size() - 1; i >= 0; i--) {
            String below = "lt(mload(" + hex(addresses.get(i)) + "), $R$)";
            all = all == null ? below : "and(" + below + ", " + all + ")";
        }
        return all;
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
