package io.foldline.cli;

import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.FormatException;
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
 * Writes a window keys folder all or nothing, as {@code ModelPackage} writes a model folder: the four files
 * go into a fresh hidden sibling, renamed onto the target only when complete, so that an interrupted setup
 * never leaves a decider.zkey without its verification key under the real name.
 */
final class WindowKeysFolder {
    private WindowKeysFolder() {
    }

    /**
     * Fails unless {@code dir} can receive keys: it does not exist, is empty, or (with {@code force}) holds
     * earlier window keys. Called before the setup's minutes of work and again before the rename.
     */
    static void checkTarget(Path dir, boolean force) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir + ": exists and is not a folder; choose another keys folder");
        }
        if (isEmpty(dir)) {
            return;
        }
        if (!force) {
            throw new FormatException(dir + ": folder exists and is not empty; pass --force to replace it");
        }
        if (!Files.isRegularFile(dir.resolve(WindowKeys.WINDOW_VK))) {
            throw new FormatException(dir + ": not a window keys folder (no " + WindowKeys.WINDOW_VK
                    + "); --force replaces only earlier keys, so remove it yourself if you mean to");
        }
    }

    static void write(WindowKeys keys, Path dir, boolean force) {
        Path target = dir.toAbsolutePath().normalize();
        Path tmp;
        try {
            Files.createDirectories(target.getParent());
            tmp = freshSibling(target, "partial");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder beside " + dir, e);
        }
        try {
            keys.write(tmp);
            checkTarget(target, force); // it may have changed during the setup
            replace(tmp, target);
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Moves the complete {@code tmp} onto {@code target}; earlier keys go only once the new ones are in. */
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
            Path p = target.resolveSibling("." + target.getFileName() + "." + what + "-"
                    + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
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

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static void deleteTree(Path root) {
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
}
