package io.foldline.chain.submit;

/** The node did not answer after the configured retries with backoff. */
public final class NodeUnreachableException extends SubmitterException {
    public NodeUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
