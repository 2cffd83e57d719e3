package io.foldline.chain.groth16;

import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;

/**
 * The arguments of {@link SolidityVerifier}'s {@code verifyProof}: as the 8 + N words of the ABI (A.x, A.y,
 * B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y, then the public signals), as the calldata bytes of a call, and as
 * the text {@code snarkjs zkey export soliditycalldata} prints:
 * <pre>
 * ["0xAx", "0xAy"],[["0xBx1", "0xBx0"],["0xBy1", "0xBy0"]],["0xCx", "0xCy"],["0xs0","0xs1"]
 * </pre>
 * each number 64 lower-case hex digits; note snarkjs's ", " inside the points and "," between signals.
 */
public final class SolidityCalldata {
    private SolidityCalldata() {
    }

    public static List<BigInteger> words(Proof proof, List<Fr> publicSignals) {
        List<BigInteger> w = new ArrayList<>(8 + publicSignals.size());
        w.add(proof.a().x().toBigInteger());
        w.add(proof.a().y().toBigInteger());
        w.add(proof.b().x().c1().toBigInteger());
        w.add(proof.b().x().c0().toBigInteger());
        w.add(proof.b().y().c1().toBigInteger());
        w.add(proof.b().y().c0().toBigInteger());
        w.add(proof.c().x().toBigInteger());
        w.add(proof.c().y().toBigInteger());
        for (Fr s : publicSignals) {
            w.add(s.toBigInteger());
        }
        return w;
    }

    /** snarkjs's soliditycalldata text (without the newline its CLI adds). */
    public static String text(ProofJson proof, PublicJson publicSignals) {
        List<String> w = words(Proof.of(proof), publicSignals.values()).stream().map(SolidityCalldata::p256).toList();
        String inputs = w.subList(8, w.size()).stream().collect(Collectors.joining(","));
        return "[" + w.get(0) + ", " + w.get(1) + "],"
                + "[[" + w.get(2) + ", " + w.get(3) + "],[" + w.get(4) + ", " + w.get(5) + "]],"
                + "[" + w.get(6) + ", " + w.get(7) + "],"
                + "[" + inputs + "]";
    }

    /**
     * Calldata for {@code verifyProof} with N = words.size() - 8 public signals. The words are taken as given
     * (any value below 2^256), so tests can also send out-of-range or off-curve values.
     */
    public static byte[] verifyProofCall(List<BigInteger> words) {
        if (words.size() < 9) {
            throw new IllegalArgumentException("need 8 proof words and at least one public signal, got " + words.size());
        }
        byte[] out = Arrays.copyOf(selector(words.size() - 8), 4 + 32 * words.size());
        for (int i = 0; i < words.size(); i++) {
            BigInteger v = words.get(i);
            if (v.signum() < 0 || v.bitLength() > 256) {
                throw new IllegalArgumentException("word " + i + " is not a uint256: " + v);
            }
            byte[] b = v.toByteArray();
            int len = Math.min(b.length, 32);
            System.arraycopy(b, b.length - len, out, 4 + 32 * i + 32 - len, len);
        }
        return out;
    }

    public static byte[] verifyProofCall(Proof proof, List<Fr> publicSignals) {
        return verifyProofCall(words(proof, publicSignals));
    }

    /** The 4-byte selector of verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[n]). */
    public static byte[] selector(int nPublic) {
        String signature = "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + nPublic + "])";
        return Arrays.copyOf(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    private static String p256(BigInteger v) {
        return "\"0x" + String.format("%064x", v) + "\"";
    }
}
