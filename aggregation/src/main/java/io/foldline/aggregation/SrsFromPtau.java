package io.foldline.aggregation;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.kzg.Srs;
import java.nio.file.Path;

/**
 * The KZG SRS of the folding commitments, read from the same snarkjs {@code .ptau} file as the Groth16
 * keys: the first {@code size} points of section 2 ({@code tau^i G1}) and the first two of section 3
 * ({@code G2}, {@code tau G2}). A file of power p holds {@code 2^(p+1) - 1} G1 powers.
 */
public final class SrsFromPtau {
    private SrsFromPtau() {
    }

    public static Srs read(Path ptau, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("SRS size must be at least 1, got " + size);
        }
        try (PtauFile f = PtauFile.open(ptau)) {
            long available = (2L << f.power()) - 1;
            if (size > available) {
                throw new FormatException(f.fileName() + ": section 2 (tauG1): holds " + available
                        + " powers (power " + f.power() + "), the folding commitments need " + size
                        + "; use a file of power " + powerFor(size) + " or more");
            }
            long[] g1 = f.tauG1(0, size);
            long[] g2 = f.tauG2(0, 2);
            return new Srs(g1, size, G2Affine.fromLimbs(g2, 0), G2Affine.fromLimbs(g2, 16));
        }
    }

    /** The smallest power p with {@code 2^(p+1) - 1 >= size}. */
    static int powerFor(long size) {
        int p = 1;
        while ((2L << p) - 1 < size) {
            p++;
        }
        return p;
    }
}
