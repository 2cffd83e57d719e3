package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.circuits.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinFileTest {
    @TempDir
    Path dir;

    @Test
    void sectionsAreFoundInAnyOrderAndReadBackExactly() {
        Path p = dir.resolve("t.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 3, 2)) {
            w.beginSection(9);
            w.u32(0xFFFF_FFFFL);
            w.u64(Long.MAX_VALUE);
            w.endSection();
            w.beginSection(2);
            w.longs(new long[] {1, -2, 3}, 0, 3);
            w.endSection();
            w.commit();
        }
        try (BinFileReader r = BinFileReader.open(p, "test", 3)) {
            assertEquals(List.of(2, 9), r.sectionIds());
            assertEquals(3, r.version());
            SectionReader s = r.section(9, "nine");
            assertEquals(0xFFFF_FFFFL, s.u32("a"));
            assertEquals(Long.MAX_VALUE, s.u64("b"));
            s.expectEnd();
            long[] l = new long[3];
            r.section(2, "two").longs(l, 0, 3, "longs");
            assertEquals(-2, l[1]);
            FormatException e = assertThrows(FormatException.class, () -> r.section(5, "five"));
            assertEquals("t.bin: section 5 (five): missing", e.getMessage());
            e = assertThrows(FormatException.class, () -> r.section(9, "nine").bytes(13, "blob"));
            assertEquals("t.bin: section 9 (nine): truncated: blob needs 13 bytes at offset 0, only 12 left in "
                    + "the section", e.getMessage());
        }
    }

    @Test
    void headerProblemsAreNamed() throws Exception {
        Path p = dir.resolve("h.bin");
        Files.write(p, new byte[] {'t', 'e', 's', 't', 2, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("h.bin: unsupported test version 2 (supported: 1..1)",
                assertThrows(FormatException.class, () -> BinFileReader.open(p, "test", 1)).getMessage());
        Files.write(p, new byte[] {'t', 'e', 's', 't', 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("h.bin: truncated: section 1 declares 9 bytes but only 0 remain",
                assertThrows(FormatException.class, () -> BinFileReader.open(p, "test", 1)).getMessage());
        Files.write(p, new byte[] {'t', 'e', 's', 't', 1, 0, 0, 0, 0, 0, 0, 0, 7});
        assertEquals("h.bin: 1 trailing bytes after the last of 0 sections",
                assertThrows(FormatException.class, () -> BinFileReader.open(p, "test", 1)).getMessage());
        assertThrows(FormatException.class, () -> BinFileReader.open(dir.resolve("none.bin"), "test", 1));
    }

    @Test
    void duplicatedSectionIsRejectedWhenRead() {
        Path p = dir.resolve("d.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 2)) {
            for (int i = 0; i < 2; i++) {
                w.beginSection(4);
                w.endSection();
            }
            w.commit();
        }
        try (BinFileReader r = BinFileReader.open(p, "test", 1)) {
            assertEquals("d.bin: section 4 (four): present 2 times",
                    assertThrows(FormatException.class, () -> r.section(4, "four")).getMessage());
        }
    }

    @Test
    void uncommittedWriterLeavesNothing() throws Exception {
        Path p = dir.resolve("never.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 1)) {
            w.beginSection(1);
        }
        assertFalse(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file must be removed");
        }
    }
}
