package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON file as strict UTF-8. */
final class JsonFiles {
    private JsonFiles() {
    }

    static String read(Path path) {
        String name = String.valueOf(path.getFileName());
        byte[] b;
        try {
            b = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new FormatException(name + ": no such file (" + path + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(name + ": not valid UTF-8", e);
        }
    }
}
