package io.foldline.circuits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a folder of files all or nothing (a compiled model, window keys): the files go into a fresh hidden
 * sibling, which is renamed onto the target only when complete, so an interrupted write never leaves, say, a
 * proving key without its verification key under the real name. An earlier folder goes only once the new one is
 * in. The sibling is made with {@code createDirectory}, not {@code createTempDirectory}: the latter's owner-only
 * permissions would become the folder's, where a user expects those of any folder they create.
 */
public final class AtomicFolder {
    /** Writes the folder's files into {@code dir} (empty, the target's hidden sibling). */
    @FunctionalInterface
    public interface Filler {
        void fill(Path dir) throws IOException;
    }

    private AtomicFolder() {
    }

    /**
     * Fills a fresh sibling of {@code target} with {@code fill}, runs {@code recheck} (the target may have changed
     * while the files were made: it throws to refuse), then swaps the new folder in. On any failure the partial
     * folder is removed and the target is as it was.
     */
    public static void write(Path target, Filler fill, Runnable recheck) {
        Path t = target.toAbsolutePath().normalize();
        Path tmp;
        try {
            Files.createDirectories(t.getParent());
            tmp = freshSibling(t, "partial");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder beside " + target, e);
        }
        try {
            fill.fill(tmp);
            recheck.run();
            replace(tmp, t);
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Whether {@code dir} (an existing folder) has no entries. */
    public static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Removes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = freshSibling(target, "old");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static Path freshSibling(Path target, String what) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = target.resolveSibling("." + target.getFileName() + "." + what + "-" + ProcessHandle.current().pid()
                    + "-" + Long.toHexString(System.nanoTime()));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
