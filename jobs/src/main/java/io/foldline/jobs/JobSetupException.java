package io.foldline.jobs;

/**
 * The world does not fit the configuration: the broker cannot be reached, a topic is missing, the broker
 * would refuse the transaction timeout. The message says what to do; {@link ProvingJob#main} prints it
 * without a stack trace.
 */
public final class JobSetupException extends RuntimeException {
    public JobSetupException(String message) {
        super(message);
    }

    public JobSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
