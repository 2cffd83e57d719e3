package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;

/** Shared checks of the prime fields that headers declare. */
final class Fields {
    private Fields() {
    }

    /** Reads a 32-byte little-endian prime and fails unless it is the modulus of {@code f}. */
    static void expectPrime(SectionReader s, MontField f, String field, String description) {
        BigInteger p = s.bigInteger(32, field);
        if (!p.equals(f.modulus)) {
            throw s.error(field + ": " + p + " is not the " + description + " (" + f.modulus
                    + "); only BN254 (bn128) is supported");
        }
    }
}
