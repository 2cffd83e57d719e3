package io.foldline.cli;

import io.foldline.crypto.CryptoException;

/**
 * Which exceptions are the user's input being wrong (exit 2 with the message) rather than a bug (exit 3
 * with a stack trace). Each module's malformed-input exception is listed here.
 */
final class UserErrors {
    private UserErrors() {
    }

    static boolean isUserError(RuntimeException e) {
        if (e instanceof CryptoException || e instanceof UsageException) {
            return true;
        }
        // Matched by name so that this class does not pin every module's exception type at compile time.
        String n = e.getClass().getSimpleName();
        return n.equals("FormatException") || n.equals("CircuitException") || n.equals("ModelException");
    }
}
