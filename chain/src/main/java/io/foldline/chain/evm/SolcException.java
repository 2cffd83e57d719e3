package io.foldline.chain.evm;

/** solc rejected a source: the message quotes solc's formatted errors, each with its file:line:column. */
public final class SolcException extends ChainException {
    public SolcException(String message) {
        super(message);
    }
}
