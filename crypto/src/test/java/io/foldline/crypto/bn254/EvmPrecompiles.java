package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Test-only model of the EVM's BN254 precompiles on top of the bn254 package: decodes their input bytes
 * (32-byte big-endian words; G2 as x.c1, x.c0, y.c1, y.c0), runs our arithmetic and encodes the output.
 * Where the precompile fails, this throws CryptoException.
 */
final class EvmPrecompiles {
    private EvmPrecompiles() {
    }

    /** 0x06: input (x1, y1, x2, y2), zero-padded to 128 bytes, extra bytes ignored; output 64 bytes. */
    static byte[] ecAdd(byte[] input) {
        byte[] in = Arrays.copyOf(input, 128);
        G1Affine a = G1Affine.fromBytesBE(Arrays.copyOfRange(in, 0, 64));
        G1Affine b = G1Affine.fromBytesBE(Arrays.copyOfRange(in, 64, 128));
        return a.add(b).toBytesBE();
    }

    /** 0x07: input (x, y, s) zero-padded to 96 bytes; s is any 256-bit integer (not reduced first). */
    static byte[] ecMul(byte[] input) {
        byte[] in = Arrays.copyOf(input, 96);
        G1Affine p = G1Affine.fromBytesBE(Arrays.copyOfRange(in, 0, 64));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
        return p.mul(s).toBytesBE();
    }

    /** 0x08: k pairs of (G1 64 bytes, G2 128 bytes); the length must be a multiple of 192; output 0 or 1. */
    static byte[] ecPairing(byte[] input) {
        if (input.length % 192 != 0) {
            throw new CryptoException("pairing input length " + input.length + " is not a multiple of 192");
        }
        int k = input.length / 192;
        G1Affine[] ps = new G1Affine[k];
        G2Affine[] qs = new G2Affine[k];
        for (int i = 0; i < k; i++) {
            ps[i] = G1Affine.fromBytesBE(Arrays.copyOfRange(input, 192 * i, 192 * i + 64));
            qs[i] = G2Affine.fromBytesBE(Arrays.copyOfRange(input, 192 * i + 64, 192 * i + 192));
        }
        byte[] out = new byte[32];
        out[31] = (byte) (Pairing.pairingCheck(ps, qs) ? 1 : 0);
        return out;
    }
}
