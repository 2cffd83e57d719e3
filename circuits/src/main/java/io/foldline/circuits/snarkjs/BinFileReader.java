package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens an iden3 binfile ({@code .r1cs}, {@code .wtns}, {@code .ptau}, {@code .zkey}): checks the magic and
 * version, scans the section table and checks that every section lies inside the file. Sections are read
 * lazily through {@link SectionReader}s, so a caller that needs only a slice of a 300 MB ptau reads only that.
 */
public final class BinFileReader implements AutoCloseable {
    private static final int FILE_HEADER = 12;
    private static final int SECTION_HEADER = 12;

    private final String fileName;
    private final FileChannel channel;
    private final int version;
    private final Map<Integer, List<long[]>> sections; // id -> [start, size] in file order

    private BinFileReader(String fileName, FileChannel channel, int version, Map<Integer, List<long[]>> sections) {
        this.fileName = fileName;
        this.channel = channel;
        this.version = version;
        this.sections = sections;
    }

    /** Opens {@code path}, which must start with {@code magic} and have a version in [1, maxVersion]. */
    public static BinFileReader open(Path path, String magic, int maxVersion) {
        String name = String.valueOf(path.getFileName());
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FormatException(name + ": no such file (" + path + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        try {
            return scan(name, ch, magic, maxVersion);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static BinFileReader scan(String name, FileChannel ch, String magic, int maxVersion) {
        long fileSize = size(ch, name);
        if (fileSize < FILE_HEADER) {
            throw new FormatException(name + ": truncated: " + fileSize + " bytes, a " + magic
                    + " file needs at least a 12-byte header");
        }
        ByteBuffer head = readAt(ch, name, 0, FILE_HEADER);
        byte[] m = new byte[4];
        head.get(m);
        String found = new String(m, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!found.equals(magic)) {
            throw new FormatException(name + ": not a " + magic + " file (magic " + printable(m) + ")");
        }
        long version = Integer.toUnsignedLong(head.getInt());
        if (version < 1 || version > maxVersion) {
            throw new FormatException(name + ": unsupported " + magic + " version " + version
                    + " (supported: 1.." + maxVersion + ")");
        }
        long nSections = Integer.toUnsignedLong(head.getInt());
        Map<Integer, List<long[]>> sections = new TreeMap<>();
        long pos = FILE_HEADER;
        for (long i = 0; i < nSections; i++) {
            if (fileSize - pos < SECTION_HEADER) {
                throw new FormatException(name + ": truncated: header of section #" + i + " of " + nSections
                        + " missing at offset " + pos + " (file has " + fileSize + " bytes)");
            }
            ByteBuffer sh = readAt(ch, name, pos, SECTION_HEADER);
            int id = sh.getInt();
            long size = sh.getLong();
            pos += SECTION_HEADER;
            if (size < 0 || size > fileSize - pos) {
                throw new FormatException(name + ": truncated: section " + Integer.toUnsignedString(id)
                        + " declares " + Long.toUnsignedString(size) + " bytes but only " + (fileSize - pos)
                        + " remain");
            }
            sections.computeIfAbsent(id, k -> new ArrayList<>()).add(new long[] {pos, size});
            pos += size;
        }
        if (pos != fileSize) {
            throw new FormatException(name + ": " + (fileSize - pos) + " trailing bytes after the last of "
                    + nSections + " sections");
        }
        return new BinFileReader(name, ch, (int) version, sections);
    }

    public String fileName() {
        return fileName;
    }

    public int version() {
        return version;
    }

    public boolean has(int id) {
        return sections.containsKey(id);
    }

    /** The ids of the sections present, ascending. */
    public List<Integer> sectionIds() {
        return List.copyOf(sections.keySet());
    }

    /** A reader over the one section {@code id}; {@code name} goes into error messages ("tauG1"). */
    public SectionReader section(int id, String name) {
        List<long[]> list = sections.get(id);
        String label = SectionReader.label(fileName, id, name);
        if (list == null) {
            throw new FormatException(label + ": missing");
        }
        if (list.size() > 1) {
            throw new FormatException(label + ": present " + list.size() + " times");
        }
        long[] s = list.get(0);
        return new SectionReader(channel, label, s[0], s[1]);
    }

    /** The size in bytes of the one section {@code id} (a missing or duplicated section is an error). */
    public long sectionSize(int id, String name) {
        return section(id, name).size();
    }

    /** Fails unless every id in {@code required} is present exactly once. */
    public void require(int... required) {
        for (int id : required) {
            section(id, "");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + fileName, e);
        }
    }

    static ByteBuffer readAt(FileChannel ch, String name, long pos, int n) {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                int r = ch.read(b, pos + b.position());
                if (r < 0) {
                    throw new FormatException(name + ": truncated at offset " + (pos + b.position()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return b.flip();
    }

    private static long size(FileChannel ch, String name) {
        try {
            return ch.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String printable(byte[] m) {
        StringBuilder sb = new StringBuilder();
        for (byte b : m) {
            int c = b & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return "\"" + sb + "\"";
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
