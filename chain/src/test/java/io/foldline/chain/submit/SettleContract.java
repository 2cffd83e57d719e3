package io.foldline.chain.submit;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.SolcJs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.utils.Numeric;

/** A stand-in for the window verifier: settles an id once, rejects it after, and logs each settlement. */
final class SettleContract {
    static final String SOURCE = """
            // SPDX-License-Identifier: MIT
            pragma solidity ^0.8.20;
            contract Settle {
                mapping(bytes32 => bool) public isSettled;
                event Settled(bytes32 indexed id, bytes data);
                function settle(bytes32 id, bytes calldata data) external {
                    require(!isSettled[id], "already settled");
                    isSettled[id] = true;
                    emit Settled(id, data);
                }
            }
            """;
    private static final String SETTLED_TOPIC =
            Numeric.toHexString(Hash.sha3("Settled(bytes32,bytes)".getBytes(StandardCharsets.UTF_8)));

    private static Compiled compiled;

    private SettleContract() {
    }

    static synchronized Compiled compiled() {
        if (compiled == null) {
            compiled = SolcJs.defaults().compile("Settle.sol", SOURCE, "Settle");
        }
        return compiled;
    }

    /** Deploys with dev key 0, so that the submitter's key (dev key 1) starts at nonce 0. */
    static String deploy(Anvil anvil) {
        return anvil.evm().deploy(anvil.devKey(0), compiled()).address();
    }

    static PendingWindow window(String contract, int n, byte[] payload) {
        byte[] id = Hash.sha3(("window-" + n).getBytes(StandardCharsets.UTF_8));
        String data = FunctionEncoder.encode(new Function("settle", List.of(new Bytes32(id), new DynamicBytes(payload)),
                List.of()));
        return new PendingWindow(WindowId.of(id), contract, Numeric.hexStringToByteArray(data));
    }

    /** How many Settled events the canonical chain holds for this id. */
    static int settlements(Anvil anvil, String contract, WindowId id) {
        EthFilter f = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        f.addSingleTopic(SETTLED_TOPIC);
        f.addSingleTopic("0x" + id.hex());
        try {
            EthLog logs = anvil.web3j().ethGetLogs(f).send();
            if (logs.hasError()) {
                throw new AssertionError("eth_getLogs: " + logs.getError().getMessage());
            }
            return logs.getLogs().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
