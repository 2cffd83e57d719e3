package io.foldline.cli;

/** The command line itself is wrong: a missing argument, an unknown option or verb. Exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
