package io.foldline.chain.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Asks the contract whether a window is already settled: the chain's own answer to "has this idempotency
 * key been used", checked before a first broadcast and on restart.
 */
@FunctionalInterface
public interface SettledCheck {
    boolean isSettled(Web3j web3j, String contract, WindowId id) throws IOException;

    /**
     * An {@code eth_call} of a view function {@code name(bytes32) returns (bool)} at the latest block, e.g.
     * {@code viewFunction("isSettled")}.
     */
    static SettledCheck viewFunction(String name) {
        byte[] selector = Hash.sha3((name + "(bytes32)").getBytes(StandardCharsets.UTF_8));
        String prefix = Numeric.toHexString(selector, 0, 4, true);
        return (web3j, contract, id) -> {
            EthCall r = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, prefix + id.hex()),
                    DefaultBlockParameterName.LATEST).send();
            if (r.hasError() || r.isReverted()) {
                throw new SubmitterException(name + "(" + id + ") on " + contract + " failed: "
                        + (r.hasError() ? r.getError().getMessage() : r.getRevertReason()));
            }
            byte[] out = Numeric.hexStringToByteArray(r.getValue());
            if (out.length != 32) {
                throw new SubmitterException(name + "(" + id + ") on " + contract + ": expected a 32-byte bool, got "
                        + out.length + " bytes (is the contract deployed?)");
            }
            return out[31] != 0;
        };
    }
}
