package io.foldline.circuits;

/**
 * A malformed circuit or setup file (or JSON document): bad magic or version, a missing, duplicated or
 * wrongly sized section, a value not below its field modulus, a point off the curve or outside the subgroup,
 * a truncated file. The message names the file, the section or field, and what is wrong, e.g.
 * {@code "pot12.ptau: section 2 (tauG1): expected 8191 points of 64 bytes, found 524000 bytes"}.
 */
public final class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
