package io.foldline.chain.submit;

import java.util.Locale;
import org.web3j.crypto.WalletUtils;

/**
 * One window to settle: its id, the contract that settles it and the full calldata of the settling call
 * (built by the caller, e.g. {@code WindowCalldata.encode}); the submitter never interprets the calldata.
 */
public final class PendingWindow {
    private final WindowId id;
    private final String contract;
    private final byte[] calldata;

    public PendingWindow(WindowId id, String contract, byte[] calldata) {
        if (id == null) {
            throw new IllegalArgumentException("pending window: id is null");
        }
        if (contract == null || !WalletUtils.isValidAddress(contract)) {
            throw new IllegalArgumentException("pending window " + id + ": contract is not an address: " + contract);
        }
        if (calldata == null || calldata.length < 4) {
            throw new IllegalArgumentException("pending window " + id + ": calldata must hold at least a selector");
        }
        this.id = id;
        this.contract = (contract.startsWith("0x") ? contract : "0x" + contract).toLowerCase(Locale.ROOT);
        this.calldata = calldata.clone();
    }

    public WindowId id() {
        return id;
    }

    public String contract() {
        return contract;
    }

    public byte[] calldata() {
        return calldata.clone();
    }

    @Override
    public String toString() {
        return "PendingWindow[" + id + " -> " + contract + ", " + calldata.length + " bytes of calldata]";
    }
}
