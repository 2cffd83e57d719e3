package io.foldline.aggregation;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.crypto.hash.Keccak256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 32-byte digest that the fold transcript starts from: Keccak-256 of a canonical encoding of the R1CS,
 * so that a challenge is bound to the circuit whose instances it folds (its public-signal count included).
 * The encoding (big-endian throughout) is given in the package documentation.
 */
public final class R1csDigest {
    /** The encoding's first bytes, so that no other Foldline digest can collide with it by construction. */
    public static final String TAG = "foldline.r1cs.v1";
    private static final int FLUSH = 1 << 16;

    private R1csDigest() {
    }

    public static byte[] of(R1cs r1cs) {
        Keccak256 k = new Keccak256();
        ByteBuffer buf = ByteBuffer.allocate(FLUSH + 64);
        buf.put(TAG.getBytes(StandardCharsets.US_ASCII));
        buf.putInt(r1cs.nWires()).putInt(r1cs.nPubOut()).putInt(r1cs.nPubIn()).putInt(r1cs.nPrvIn())
                .putInt(r1cs.nConstraints());
        for (SparseMatrix matrix : new SparseMatrix[] {r1cs.a(), r1cs.b(), r1cs.c()}) {
            for (int row = 0; row < matrix.rows(); row++) {
                buf.putInt(matrix.rowEnd(row) - matrix.rowStart(row));
                for (int term = matrix.rowStart(row); term < matrix.rowEnd(row); term++) {
                    buf.putInt(matrix.col(term)).put(matrix.coeff(term).toBytesBE());
                    flushIfFull(k, buf);
                }
                flushIfFull(k, buf);
            }
        }
        flush(k, buf);
        return k.digest();
    }

    private static void flushIfFull(Keccak256 k, ByteBuffer buf) {
        if (buf.position() >= FLUSH) {
            flush(k, buf);
        }
    }

    private static void flush(Keccak256 k, ByteBuffer buf) {
        k.update(buf.array(), 0, buf.position());
        buf.clear();
    }
}
