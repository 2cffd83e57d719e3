package io.foldline.chain.evm;

/**
 * A failure talking to the chain tools: a missing binary (anvil, node, solc-js), an RPC error, a transaction
 * that was never mined. Unchecked, with a message a user can act on; never carries a private key.
 */
public class ChainException extends RuntimeException {
    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
