package io.foldline.chain.submit;

/**
 * The submitter refuses to run or cannot reach its node. Messages name the node, the window or the file
 * concerned and never carry key material or passwords.
 */
public class SubmitterException extends RuntimeException {
    public SubmitterException(String message) {
        super(message);
    }

    public SubmitterException(String message, Throwable cause) {
        super(message, cause);
    }
}
