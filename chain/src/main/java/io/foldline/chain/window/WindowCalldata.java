package io.foldline.chain.window;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.DeciderProof;
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
 * static arrays inline in the head, {@code instances} and {@code crossTerms} as offsets to length-prefixed
 * tails). For n public signals and N inferences, in 32-byte words after the 4-byte selector:
 * <pre>
 *   0          windowId
 *   1          offset of instances   = 32 (18 + n)
 *   2          offset of crossTerms  = 32 (19 + n) + the instances' bytes rounded up to 32
 *   3 ..       startInstance[3 + n]  K0.x, K0.y, u0, x0...
 *   6 + n ..   deciderProof[8]       A, B (x.c1, x.c0, y.c1, y.c0), C
 *   14 + n ..  kzgProof[4]           zeta, v, pi
 *   18 + n     the byte length of instances, then its bytes, zero-padded to a multiple of 32
 *   then       2 N, then per fold K_T.x, K_T.y
 * </pre>
 * {@code instances} is the N records {@code K_i.x, K_i.y} (32 bytes each) followed by the n public signals as
 * compact scalars: a header byte {@code sign << 7 | len} ({@code len <= 32}), then {@code len} big-endian bytes
 * of a magnitude m; the value is m for sign 0 and {@code r - m} for sign 1. The encoder writes x below
 * {@code r / 2} as itself and the rest as {@code r - x}, with the fewest bytes, so the small and negative
 * integers that logits, classes and tags are take 2 to 4 bytes instead of a 32-byte word (16 gas a non-zero
 * calldata byte; 40 under EIP-7623's floor). The contract refuses a decoded value not below r and records that
 * do not end exactly at the end of {@code instances}; it does not validate headers (bit 6 is ignored, a len above
 * 32 reads as m = 0), which only makes some encodings wasteful: the decoded values are what it checks.
 * Everything else is the words of the window proof file (FLWP) in the same order.
 */
public final class WindowCalldata {
    private static final BigInteger HALF_R = Fr.MODULUS.shiftRight(1);

    private WindowCalldata() {
    }

    /** {@code submitWindow(bytes32,bytes,uint256[],uint256[3+n],uint256[8],uint256[4])}. */
    public static String signature(int nPublic) {
        return "submitWindow(bytes32,bytes,uint256[],uint256[" + (3 + nPublic) + "],uint256[8],uint256[4])";
    }

    public static byte[] selector(int nPublic) {
        return Arrays.copyOf(Keccak256.digest(signature(nPublic).getBytes(StandardCharsets.US_ASCII)), 4);
    }

    public static byte[] encode(byte[] windowId, WindowProof p) {
        return encode(windowId, p, i -> instance(p.instances().get(i)));
    }

    /** One instance record of {@code instances}: K_i, then the compact public signals. */
    public static byte[] instance(CommittedInstance c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 5 * c.nPublic());
        out.writeBytes(c.commitment().toBytesBE());
        for (Fr x : c.x()) {
            BigInteger v = x.toBigInteger();
            boolean negative = v.compareTo(HALF_R) > 0;
            scalar(out, negative ? Fr.MODULUS.subtract(v) : v, negative);
        }
        return out.toByteArray();
    }

    /** A compact scalar with the given magnitude and sign, not checked against r (tests write bad ones). */
    static void scalar(ByteArrayOutputStream out, BigInteger magnitude, boolean negative) {
        byte[] m = magnitude.signum() == 0 ? new byte[0] : magnitude.toByteArray();
        int skip = m.length > 0 && m[0] == 0 ? 1 : 0;
        int len = m.length - skip;
        if (len > 32) {
            throw new IllegalArgumentException("a compact scalar has at most 32 bytes, got " + len);
        }
        out.write((negative ? 0x80 : 0) | len);
        out.write(m, skip, len);
    }

    /** The calldata with instance record i given by {@code records} (tests substitute tampered records). */
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
        int head = 18 + n;
        int padded = (instances.size() + 31) / 32 * 32;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(4 + 32L * (head + 2 + 2L * size) + padded));
        out.put(selector(n));
        out.put(windowId);
        uint(out, 32L * head);
        uint(out, 32L * (head + 1) + padded);
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
        uint(out, 2L * size);
        for (G1Affine t : p.crossTerms()) {
            g1(out, t);
        }
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
