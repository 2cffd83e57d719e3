package io.foldline.cli;

import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.AtomicFolder;
import io.foldline.circuits.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a window keys folder all or nothing ({@link AtomicFolder}, as {@code ModelPackage} writes a model
 * folder), so that an interrupted setup never leaves a decider.zkey without its verification key.
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
        if (AtomicFolder.isEmpty(dir)) {
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
        AtomicFolder.write(dir, keys::write, () -> checkTarget(dir, force)); // it may have changed during the setup
    }
}
