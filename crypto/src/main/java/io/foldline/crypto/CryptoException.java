package io.foldline.crypto;

/**
 * Malformed input to the crypto layer: bytes of the wrong length, a point off the curve or outside the
 * subgroup, a scalar that is not below the field modulus. The message names what was wrong.
 */
public final class CryptoException extends RuntimeException {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
