package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.internal.MontField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an iden3 binfile section by section, streaming (a section's size is patched in when it ends).
 * The bytes go to a temporary sibling that {@link #commit()} renames onto the target, so a crash or an
 * exception never leaves a half-written file under the real name; {@link #close()} without a commit
 * deletes the temporary file.
 */
public final class BinFileWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final int nSections;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long flushed;            // bytes already on disk
    private long sectionSizeAt = -1; // file offset of the open section's size field
    private int written;
    private boolean committed;
    private final long[] scratch = new long[4];

    private BinFileWriter(Path target, Path tmp, FileChannel channel, int nSections) {
        this.target = target;
        this.tmp = tmp;
        this.channel = channel;
        this.nSections = nSections;
    }

    /** Starts {@code path} with the 4-byte magic, the version and the number of sections to follow. */
    public static BinFileWriter create(Path path, String magic, int version, int nSections) {
        if (magic.length() != 4) {
            throw new IllegalArgumentException("magic must be 4 characters: " + magic);
        }
        Path abs = path.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().threadId());
        try {
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            BinFileWriter w = new BinFileWriter(abs, tmp, ch, nSections);
            w.bytes(magic.getBytes(StandardCharsets.ISO_8859_1));
            w.u32(version);
            w.u32(nSections);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmp, e);
        }
    }

    public void beginSection(int id) {
        if (sectionSizeAt >= 0) {
            throw new IllegalStateException("section still open");
        }
        if (written == nSections) {
            throw new IllegalStateException("all " + nSections + " announced sections already written");
        }
        u32(id);
        sectionSizeAt = offset();
        u64(0);
    }

    public void endSection() {
        if (sectionSizeAt < 0) {
            throw new IllegalStateException("no open section");
        }
        long size = offset() - sectionSizeAt - 8;
        flush();
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, size);
        writeFully(b, sectionSizeAt);
        sectionSizeAt = -1;
        written++;
    }

    /** The number of bytes written so far (the file offset of the next byte). */
    public long offset() {
        return flushed + buf.position();
    }

    public void u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a u32: " + v);
        }
        room(4).putInt((int) v);
    }

    public void u64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative u64: " + v);
        }
        room(8).putLong(v);
    }

    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    public void bytes(byte[] b, int off, int len) {
        while (len > 0) {
            int k = Math.min(len, BUFFER);
            room(k).put(b, off, k);
            off += k;
            len -= k;
        }
    }

    /** An unsigned integer as {@code n8} little-endian bytes. */
    public void bigInteger(BigInteger v, int n8) {
        if (v.signum() < 0 || v.bitLength() > 8 * n8) {
            throw new IllegalArgumentException(v + " does not fit in " + n8 + " bytes");
        }
        byte[] le = new byte[n8];
        for (int i = 0; i < n8; i++) {
            le[i] = v.shiftRight(8 * i).byteValue();
        }
        bytes(le);
    }

    /** Raw little-endian longs: Montgomery limbs (LEM) of field elements and points. */
    public void longs(long[] src, int off, int nLongs) {
        while (nLongs > 0) {
            int k = Math.min(nLongs, BUFFER / 8);
            ByteBuffer b = room(8 * k);
            b.asLongBuffer().put(src, off, k);
            b.position(b.position() + 8 * k);
            off += k;
            nLongs -= k;
        }
    }

    /** Montgomery-form elements of {@code f} written canonically (normal form), as .r1cs and .wtns store them. */
    public void canonicalElements(MontField f, long[] src, int off, int count) {
        for (int i = 0; i < count; i++) {
            f.toCanonical(src, off + 4 * i, scratch, 0);
            longs(scratch, 0, 4);
        }
    }

    /** Flushes, checks that every announced section was written, and renames the file onto its target. */
    public void commit() {
        if (sectionSizeAt >= 0) {
            throw new IllegalStateException("section still open at commit");
        }
        if (written != nSections) {
            throw new IllegalStateException("announced " + nSections + " sections, wrote " + written);
        }
        flush();
        try {
            channel.force(false);
            channel.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + tmp, e);
        }
    }

    private ByteBuffer room(int n) {
        if (buf.remaining() < n) {
            flush();
        }
        return buf;
    }

    private void flush() {
        buf.flip();
        int n = buf.remaining();
        writeFully(buf, flushed);
        flushed += n;
        buf.clear();
    }

    private void writeFully(ByteBuffer b, long at) {
        try {
            long p = at;
            while (b.hasRemaining()) {
                p += channel.write(b, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
    }
}
