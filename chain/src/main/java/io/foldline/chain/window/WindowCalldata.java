package io.foldline.chain.window;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.DeciderProof;
import io.foldline.aggregation.FoldTranscript;
import io.foldline.aggregation.WindowProof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The calldata of {@code submitWindow} for one {@link WindowProof}, ABI-encoded by hand (Solidity ABI v2: the
 * static arrays inline in the head, {@code instances} as an offset to a length-prefixed tail). For n public
 * signals, in 32-byte words after the 4-byte selector:
 * <pre>
 *   0          windowId
 *   1          offset of instances   = 32 (17 + n)
 *   2 ..       startInstance[3 + n]  K0.x, K0.y, u0, x0...
 *   5 + n ..   deciderProof[8]       A, B (x.c1, x.c0, y.c1, y.c0), C
 *   13 + n ..  kzgProof[4]           zeta, v, pi
 *   17 + n     the byte length of instances, then its bytes, zero-padded to a multiple of 32
 * </pre>
 * {@code instances} is N records, one per fold, in fold order:
 * <pre>
 *   C.x, C.y        32 bytes each: C = K_i + K_T, the fold's point (the transcript absorbs it, not K_i and K_T)
 *   x_i[0]          32 bytes (h_in)
 *   x_i[n-1]        32 bytes (the tag), when n >= 2
 *   w, x_i[1..n-1)  when n >= 3: one byte w, then each middle signal (the outputs, the class) as a w-byte
 *                   big-endian two's complement integer s, standing for s mod r
 * </pre>
 * The encoder writes each middle signal's signed representative (x for x below r / 2, else x - r) with the
 * smallest w that holds all of them: logits, classes and small negative integers take 1 to 4 bytes instead of a
 * 32-byte word (16 gas a non-zero calldata byte; 40 under EIP-7623's floor), and the contract decodes them with
 * a shift each, no branch. A w below 32 cannot reach r (|s| < 2^247); with w = 32 the contract checks every
 * middle value below r, and it always checks h_in and the tag. Other w (0, above 32) decode to 0 or r - 1: only
 * wasteful, because the decoded values are what the contract hashes and folds. Records that do not end exactly
 * at the end of {@code instances} are refused. Everything else is the words of the window proof file (FLWP) in
 * the same order.
 */
public final class WindowCalldata {
    private static final BigInteger HALF_R = Fr.MODULUS.shiftRight(1);
    /** Widths up to 31 bytes cannot reach r; 32 bytes carries any value (checked below r by the contract). */
    static final int MAX_WIDTH = 32;

    private WindowCalldata() {
    }

    /** {@code submitWindow(bytes32,bytes,uint256[3+n],uint256[8],uint256[4])}. */
    public static String signature(int nPublic) {
        return "submitWindow(bytes32,bytes,uint256[" + (3 + nPublic) + "],uint256[8],uint256[4])";
    }

    public static byte[] selector(int nPublic) {
        return Arrays.copyOf(Keccak256.digest(signature(nPublic).getBytes(StandardCharsets.US_ASCII)), 4);
    }

    public static byte[] encode(byte[] windowId, WindowProof p) {
        return encode(windowId, p, i -> instance(p.instances().get(i), p.crossTerms().get(i)));
    }

    /** The record of one fold: C = K_i + K_T, then the public signals as above. */
    public static byte[] instance(CommittedInstance c, G1Affine crossTerm) {
        return record(FoldTranscript.folded(c, crossTerm).toBytesBE(), signals(c));
    }

    /** The instance's signals as {@link #record} takes them: h_in and tag canonical, the middle ones signed. */
    static BigInteger[] signals(CommittedInstance c) {
        int n = c.nPublic();
        BigInteger[] s = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            BigInteger v = c.x(j).toBigInteger();
            boolean middle = j > 0 && j < n - 1;
            s[j] = middle && v.compareTo(HALF_R) > 0 ? v.subtract(Fr.MODULUS) : v;
        }
        return s;
    }

    /**
     * A record from the 64 bytes of its point and its signals, not checked against r (tests write bad ones): the
     * first and last as 32-byte words (the canonical value for a well-formed record), the middle ones as signed
     * integers in the smallest common two's complement width.
     */
    static byte[] record(byte[] point, BigInteger[] s) {
        int n = s.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 64 + 4 * n);
        out.writeBytes(point);
        out.writeBytes(twosComplement(s[0], 32));
        if (n >= 2) {
            out.writeBytes(twosComplement(s[n - 1], 32));
        }
        if (n >= 3) {
            int w = 1;
            for (int j = 1; j < n - 1; j++) {
                w = Math.max(w, s[j].toByteArray().length);
            }
            w = Math.min(w, MAX_WIDTH);
            out.write(w);
            for (int j = 1; j < n - 1; j++) {
                out.writeBytes(twosComplement(s[j], w));
            }
        }
        return out.toByteArray();
    }

    /** s mod 2^(8 width), big-endian in width bytes. */
    private static byte[] twosComplement(BigInteger s, int width) {
        byte[] b = s.toByteArray();
        byte[] out = new byte[width];
        if (s.signum() < 0) {
            Arrays.fill(out, (byte) 0xff);
        }
        int take = Math.min(b.length, width);
        System.arraycopy(b, b.length - take, out, width - take, take);
        return out;
    }

    /** The calldata with the record of fold i given by {@code records} (tests substitute tampered records). */
    static byte[] encode(byte[] windowId, WindowProof p, IntFunction<byte[]> records) {
        if (windowId == null || windowId.length != 32) {
            throw new IllegalArgumentException("windowId must be 32 bytes");
        }
        int n = p.nPublic();
        int size = p.size();
        ByteArrayOutputStream instances = new ByteArrayOutputStream();
        for (int i = 0; i < size; i++) {
            instances.writeBytes(records.apply(i));
        }
        int head = 17 + n;
        int padded = (instances.size() + 31) / 32 * 32;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(4 + 32L * (head + 1) + padded));
        out.put(selector(n));
        out.put(windowId);
        uint(out, 32L * head);
        g1(out, p.start().commitment());
        out.put(p.start().u().toBytesBE());
        for (Fr x : p.start().x()) {
            out.put(x.toBytesBE());
        }
        DeciderProof d = p.decider();
        g1(out, d.groth16().a());
        out.put(d.groth16().b().toBytesBE());
        g1(out, d.groth16().c());
        out.put(d.zeta().toBytesBE());
        out.put(d.v().toBytesBE());
        g1(out, d.kzgProof());
        uint(out, instances.size());
        out.put(instances.toByteArray());
        out.put(new byte[padded - instances.size()]);
        return out.array();
    }

    private static void g1(ByteBuffer out, G1Affine p) {
        out.put(p.toBytesBE());
    }

    private static void uint(ByteBuffer out, long v) {
        out.put(new byte[24]);
        out.putLong(v);
    }
}
