package io.foldline.circuits.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Fills cache entries under {@code .cache/} so that concurrent producers never see half-written files:
 * each builds in a private temporary folder next to the target and publishes it with one atomic rename.
 * Within a JVM a per-target lock also avoids doing the same work twice; across JVMs (parallel forks, two
 * builds) the loser of the race drops its copy.
 */
final class CacheDirs {

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private CacheDirs() {
    }

    /**
     * Returns {@code target}, first producing it when absent: {@code producer} gets an empty temporary
     * folder and returns what to publish (that folder itself, or a file inside it).
     */
    static Path materialize(Path target, Function<Path, Path> producer) {
        if (Files.exists(target)) {
            return target;
        }
        synchronized (LOCKS.computeIfAbsent(target, t -> new Object())) {
            if (Files.exists(target)) {
                return target;
            }
            Path tmp = null;
            try {
                Files.createDirectories(target.getParent());
                tmp = target.resolveSibling(".tmp-" + target.getFileName() + "-" + UUID.randomUUID());
                Files.createDirectory(tmp);
                Path produced = producer.apply(tmp);
                publish(produced, target);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fill cache entry " + target, e);
            } finally {
                if (tmp != null) {
                    deleteRecursively(tmp);
                }
            }
        }
    }

    private static void publish(Path produced, Path target) throws IOException {
        try {
            Files.move(produced, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A directory rename onto a non-empty directory fails: another process published first.
            if (!Files.exists(target)) {
                throw e;
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path src : (Iterable<Path>) walk::iterator) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** SHA-256 over the length-prefixed parts (so that moving bytes between parts changes the digest). */
    static String sha256Hex(byte[]... parts) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(part.length).array());
                md.update(part);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
