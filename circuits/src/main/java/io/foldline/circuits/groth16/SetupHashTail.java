package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.crypto.bn254.internal.G1Ops;
import io.foldline.crypto.bn254.internal.MontField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The τ-difference points of the circuit hash ({@link CircuitHash}), including one snarkjs quirk that
 * must be copied byte for byte. Above 2^14 rows snarkjs hashes n differences τ^{i+n} - τ^i, the last one
 * reading τ^{2n-1} G1; when the circuit uses the whole ptau (n = 2^power), section 2 ends at τ^{2n-2}, and
 * snarkjs reads the next 64 bytes of the file instead (the following section's header and first point) and
 * subtracts τ^{n-1} G1 from that non-point with its wasm field code. The result is deterministic, so we
 * replay it: the point subtraction of wasmcurves' {@code g1m_addAffine} step by step on raw 256-bit words
 * with wasmcurves' own add/sub/mul semantics (which differ from field arithmetic for inputs that are not
 * reduced), after which only multiplications follow, and those preserve residues mod q.
 */
final class SetupHashTail {
    private static final BigInteger Q = MontField.FQ.modulus;
    private static final BigInteger W = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MASK = W.subtract(BigInteger.ONE);
    private static final BigInteger NEG_Q_INV = Q.modInverse(W).negate().mod(W);

    private SetupHashTail() {
    }

    /** The hashedHPoints(n) differences for the ptau at {@code ptauPath}, already opened as {@code ptau}. */
    static long[] differences(PtauFile ptau, Path ptauPath, int n) {
        int count = CircuitHash.hashedHPoints(n);
        long inSection = (2L << ptau.power()) - 1;
        if (n + (long) count <= inSection) {
            return CircuitHash.tauDifferences(ptau.tauG1(0, n + count), n, count);
        }
        long[] tau = ptau.tauG1(0, 2 * n - 1);
        long[] out = Arrays.copyOf(CircuitHash.tauDifferences(tau, n, count - 1), 8 * count);
        long[] last = replaySubAffine(bytesAfterSection(ptauPath, PtauFile.TAU_G1, 64), tau, 8 * (n - 1));
        System.arraycopy(last, 0, out, 8 * (count - 1), 8);
        return out;
    }

    /** The 64 bytes after the data of the first section {@code id} (zeros past the end of the file). */
    static byte[] bytesAfterSection(Path path, int id, int count) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long pos = 12;
            long size = ch.size();
            while (pos + 12 <= size) {
                ByteBuffer h = read(ch, pos, 12);
                int sid = h.getInt();
                long len = h.getLong();
                if (sid == id) {
                    byte[] out = new byte[count];
                    ByteBuffer b = read(ch, pos + 12 + len, (int) Math.max(0, Math.min(count, size - pos - 12 - len)));
                    b.get(out, 0, b.remaining());
                    return out;
                }
                pos += 12 + len;
            }
            throw new IllegalStateException(path + ": no section " + id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
            // keep reading
        }
        return b.flip();
    }

    /**
     * g1m_subAffine(raw, p2) then batchToAffine: raw is 64 bytes read as an "affine point" in Montgomery
     * form (x, y little-endian); p2 is a real point. Returns affine Montgomery limbs (zeros for infinity).
     */
    static long[] replaySubAffine(byte[] raw, long[] p2, int off) {
        BigInteger x1 = le(raw, 0);
        BigInteger y1 = le(raw, 32);
        BigInteger x2 = limbs(p2, off);
        BigInteger y2 = sub(BigInteger.ZERO, limbs(p2, off + 4)); // g1m_negAffine
        G1Ops g = new G1Ops();
        long[] jac = new long[12];
        BigInteger one = BigInteger.ONE.shiftLeft(256).mod(Q);
        if (x1.signum() == 0 && y1.signum() == 0) {
            return affine(g, x2, y2, one);
        }
        if (x2.signum() == 0 && y2.signum() == 0) {
            return affine(g, x1, y1, one);
        }
        if (x1.equals(x2) && y1.equals(y2)) { // g1m_doubleAffine of a real point: plain field arithmetic
            put(x2, jac, 0);
            put(y2, jac, 4);
            MontField.FQ.setOne(jac, 8);
            g.dbl(jac, 0, jac, 0);
            long[] out = new long[8];
            g.toAffine(jac, 0, out, 0);
            return out;
        }
        BigInteger h = sub(x2, x1);
        BigInteger dy = sub(y2, y1);
        BigInteger hh = mul(h, h);
        BigInteger i = add(hh, hh);
        i = add(i, i);
        BigInteger j = mul(h, i);
        BigInteger r = add(dy, dy);
        BigInteger v = mul(x1, i);
        BigInteger r2 = mul(r, r);
        BigInteger v2 = add(v, v);
        BigInteger x3 = sub(sub(r2, j), v2);
        BigInteger y1j2 = mul(y1, j);
        y1j2 = add(y1j2, y1j2);
        BigInteger y3 = sub(mul(sub(v, x3), r), y1j2);
        BigInteger z3 = add(h, h);
        if (z3.signum() == 0) {
            return new long[8]; // batchToAffine writes zeros for Z = 0
        }
        return affine(g, x3, y3, z3);
    }

    /** Jacobian (X, Y, Z), raw words reduced mod q (every later wasm step is a multiplication), to affine. */
    private static long[] affine(G1Ops g, BigInteger x, BigInteger y, BigInteger z) {
        long[] jac = new long[12];
        put(x.mod(Q), jac, 0);
        put(y.mod(Q), jac, 4);
        put(z.mod(Q), jac, 8);
        long[] out = new long[8];
        g.toAffine(jac, 0, out, 0);
        return out;
    }

    /** wasmcurves f1m_add: add; on carry subtract q once (mod 2^256), else subtract q if >= q. */
    static BigInteger add(BigInteger x, BigInteger y) {
        BigInteger s = x.add(y);
        if (s.compareTo(W) >= 0) {
            return s.subtract(W).subtract(Q).and(MASK);
        }
        return s.compareTo(Q) >= 0 ? s.subtract(Q) : s;
    }

    /** wasmcurves f1m_sub: subtract; on borrow add q (mod 2^256). */
    static BigInteger sub(BigInteger x, BigInteger y) {
        if (x.compareTo(y) < 0) {
            return x.subtract(y).add(W).add(Q).and(MASK);
        }
        return x.subtract(y);
    }

    /** wasmcurves f1m_mul / f1m_square: exact Montgomery product, then one conditional subtraction of q. */
    static BigInteger mul(BigInteger x, BigInteger y) {
        BigInteger t = x.multiply(y);
        BigInteger m = t.and(MASK).multiply(NEG_Q_INV).and(MASK);
        BigInteger u = t.add(m.multiply(Q)).shiftRight(256);
        if (u.compareTo(W) >= 0) {
            return u.subtract(W).subtract(Q).and(MASK);
        }
        return u.compareTo(Q) >= 0 ? u.subtract(Q) : u;
    }

    private static BigInteger le(byte[] b, int off) {
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    private static BigInteger limbs(long[] a, int off) {
        return MontField.limbsToBigInteger(a, off);
    }

    private static void put(BigInteger v, long[] dst, int off) {
        System.arraycopy(MontField.limbs(v), 0, dst, off, 4);
    }
}
