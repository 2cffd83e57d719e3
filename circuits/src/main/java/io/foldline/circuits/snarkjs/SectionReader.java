package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.internal.MontField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Sequential little-endian reads inside one section of a binfile. Every read is bounded by the section, so
 * a truncated or lying file gives a {@link FormatException} naming the file, the section and the field,
 * never an out-of-bounds error. Field elements and points are validated as they are read.
 */
public final class SectionReader {
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final String label;
    private final long start;
    private final long size;
    private ByteBuffer buf; // allocated on the first read, at most the section's size
    private long bufStart; // section-relative offset of buf[0]
    private long pos;      // section-relative offset of the next byte
    private CurveCheck check;

    SectionReader(FileChannel channel, String label, long start, long size) {
        this.channel = channel;
        this.label = label;
        this.start = start;
        this.size = size;
    }

    static String label(String file, int id, String name) {
        return file + ": section " + Integer.toUnsignedString(id) + (name.isEmpty() ? "" : " (" + name + ")");
    }

    /** "file: section N (name)", the prefix of every error about this section. */
    public String label() {
        return label;
    }

    public long size() {
        return size;
    }

    public long position() {
        return pos;
    }

    public long remaining() {
        return size - pos;
    }

    public FormatException error(String what) {
        return new FormatException(label + ": " + what);
    }

    /** Moves to a section-relative offset. */
    public void seek(long offset) {
        if (offset < 0 || offset > size) {
            throw error("offset " + offset + " outside the section's " + size + " bytes");
        }
        pos = offset;
    }

    public void skip(long n) {
        require(n, "skipped bytes");
        pos += n;
    }

    /** Fails unless the section holds exactly {@code expected} bytes; {@code what} describes them. */
    public void expectSize(long expected, String what) {
        if (size != expected) {
            throw error("expected " + what + " (" + expected + " bytes), found " + size + " bytes");
        }
    }

    /** Fails unless the whole section has been read. */
    public void expectEnd() {
        if (pos != size) {
            throw error((size - pos) + " unexpected bytes after the last field (section has " + size + " bytes)");
        }
    }

    public long u32(String field) {
        fill(4, field);
        return Integer.toUnsignedLong(buf.getInt());
    }

    /** A u32 that must not exceed {@code max} (counts and indices that size arrays). */
    public int u32(String field, long max) {
        long v = u32(field);
        if (v > max) {
            throw error(field + ": " + v + " exceeds the maximum " + max);
        }
        return (int) v;
    }

    public long u64(String field) {
        fill(8, field);
        long v = buf.getLong();
        if (v < 0) {
            throw error(field + ": " + Long.toUnsignedString(v) + " does not fit in 63 bits");
        }
        return v;
    }

    public byte[] bytes(int n, String field) {
        if (n < 0) {
            throw error(field + ": negative length " + n);
        }
        require(n, field);
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            int k = Math.min(n - done, BUFFER);
            fill(k, field);
            buf.get(out, done, k);
            done += k;
        }
        return out;
    }

    /** An unsigned little-endian integer of {@code n8} bytes. */
    public BigInteger bigInteger(int n8, String field) {
        byte[] le = bytes(n8, field);
        byte[] be = new byte[n8 + 1];
        for (int i = 0; i < n8; i++) {
            be[n8 - i] = le[i];
        }
        return new BigInteger(be);
    }

    /** Reads {@code nLongs} raw little-endian longs (e.g. Montgomery limbs) without any check. */
    public void longs(long[] dst, int off, int nLongs, String field) {
        require(8L * nLongs, field);
        int done = 0;
        while (done < nLongs) {
            int k = Math.min(nLongs - done, BUFFER / 8);
            fill(8 * k, field);
            buf.asLongBuffer().get(dst, off + done, k);
            buf.position(buf.position() + 8 * k);
            done += k;
        }
    }

    /**
     * Field elements stored canonically (normal form, 32 bytes LE, as in .r1cs and .wtns), converted to
     * Montgomery limbs in {@code dst}; each must be below the modulus of {@code f}.
     */
    public void canonicalElements(MontField f, long[] dst, int off, int count, String field) {
        longs(dst, off, 4 * count, field);
        for (int i = 0; i < count; i++) {
            int o = off + 4 * i;
            if (!f.isCanonical(dst, o)) {
                throw error(field + "[" + i + "]: value >= field modulus");
            }
            f.fromCanonical(dst, o, dst, o);
        }
    }

    /** Field elements already in Montgomery form (LEM); each must be below the modulus of {@code f}. */
    public void montElements(MontField f, long[] dst, int off, int count, String field) {
        longs(dst, off, 4 * count, field);
        for (int i = 0; i < count; i++) {
            if (!f.isCanonical(dst, off + 4 * i)) {
                throw error(field + "[" + i + "]: value >= field modulus");
            }
        }
    }

    /** {@code count} G1 points (8 limbs each, LEM, zeros = infinity), each checked to lie on the curve. */
    public void g1Points(long[] dst, int off, int count, String field) {
        g1Points(dst, off, count, field, 0);
    }

    /** As {@link #g1Points(long[], int, int, String)}; errors number the points from {@code firstIndex}. */
    public void g1Points(long[] dst, int off, int count, String field, long firstIndex) {
        longs(dst, off, 8 * count, field);
        CurveCheck c = check();
        for (int i = 0; i < count; i++) {
            int o = off + 8 * i;
            if (!CurveCheck.canonical(dst, o, 2)) {
                throw error(field + "[" + (firstIndex + i) + "]: coordinate >= field modulus");
            }
            if (!c.g1(dst, o)) {
                throw error(field + "[" + (firstIndex + i) + "]: point off the curve");
            }
        }
    }

    /** {@code count} G2 points (16 limbs each), checked to lie on the twist (not the subgroup: see Points). */
    public void g2Points(long[] dst, int off, int count, String field) {
        g2Points(dst, off, count, field, 0);
    }

    public void g2Points(long[] dst, int off, int count, String field, long firstIndex) {
        longs(dst, off, 16 * count, field);
        CurveCheck c = check();
        for (int i = 0; i < count; i++) {
            int o = off + 16 * i;
            if (!CurveCheck.canonical(dst, o, 4)) {
                throw error(field + "[" + (firstIndex + i) + "]: coordinate >= field modulus");
            }
            if (!c.g2(dst, o)) {
                throw error(field + "[" + (firstIndex + i) + "]: point off the curve");
            }
        }
    }

    private CurveCheck check() {
        if (check == null) {
            check = new CurveCheck();
        }
        return check;
    }

    private void require(long n, String field) {
        if (n > size - pos) {
            throw error("truncated: " + field + " needs " + n + " bytes at offset " + pos + ", only "
                    + (size - pos) + " left in the section");
        }
    }

    /** Makes the next {@code n <= BUFFER} bytes available at buf.position(), advancing pos past them. */
    private void fill(int n, String field) {
        require(n, field);
        if (buf == null) {
            buf = ByteBuffer.allocate((int) Math.min(BUFFER, size)).order(ByteOrder.LITTLE_ENDIAN);
            buf.limit(0);
        }
        long inBuf = pos - bufStart;
        if (inBuf < 0 || inBuf + n > buf.limit()) {
            buf.clear();
            int want = (int) Math.min(buf.capacity(), size - pos);
            buf.limit(want);
            try {
                while (buf.hasRemaining()) {
                    if (channel.read(buf, start + pos + buf.position()) < 0) {
                        throw error("truncated: file ends inside the section");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + label, e);
            }
            buf.flip();
            bufStart = pos;
            inBuf = 0;
        }
        buf.position((int) inBuf);
        pos += n;
    }
}
