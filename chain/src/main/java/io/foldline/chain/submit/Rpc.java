package io.foldline.chain.submit;

import java.io.IOException;
import java.time.Duration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * Calls the node with retries: a transport failure (connection refused, timeout, HTTP error) is retried
 * with exponential backoff, and after the last attempt becomes a {@link NodeUnreachableException} naming
 * the node and the call. A JSON-RPC error is an answer, not an outage: it is returned to the caller.
 */
final class Rpc {
    interface Call<T> {
        T send() throws IOException;
    }

    /** A JSON-RPC error answer: the node is up and refused or could not do the call. */
    static final class ErrorAnswer extends SubmitterException {
        ErrorAnswer(String message) {
            super(message);
        }
    }

    private final Web3j web3j;
    private final String node;
    private final int attempts;
    private final Duration firstBackoff;

    Rpc(Web3j web3j, String node, int attempts, Duration firstBackoff) {
        this.web3j = web3j;
        this.node = node;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    Web3j web3j() {
        return web3j;
    }

    String node() {
        return node;
    }

    /** Sends with retries; a JSON-RPC error becomes an {@link ErrorAnswer}. */
    <R extends Response<?>> R checked(String what, Call<R> call) {
        R response = retrying(what, call);
        if (response.hasError()) {
            throw new ErrorAnswer(what + ": " + response.getError().getMessage());
        }
        return response;
    }

    <T> T retrying(String what, Call<T> call) {
        long backoff = firstBackoff.toMillis();
        Exception last = null;
        for (int i = 1; i <= attempts; i++) {
            try {
                return call.send();
            } catch (IOException | ClientConnectionException e) {
                last = e;
            }
            if (i < attempts) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        throw new NodeUnreachableException("node " + node + " unreachable: " + what + " failed " + attempts
                + " times (" + describe(last) + ")", last);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitterException("interrupted while backing off from node");
        }
    }
}
