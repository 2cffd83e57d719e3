package io.foldline.chain.window;

import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Evm;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What the chain's side of Foldline reads back from a deployed {@code WindowVerifier}: its views
 * ({@code receiptsRoot}, {@code isSettled}, {@code isVerified}) by {@code eth_call} at the latest block, and the
 * {@code WindowSettled} event that names the transaction which settled a window. Window ids are the 32-byte
 * keys the contract knows ({@code keccak256(utf8(name))}).
 */
public final class WindowVerifierViews {
    /** The transaction and block of a window's WindowSettled event. */
    public record Settled(byte[] txHash, long block) {
    }

    private static final Event WINDOW_SETTLED = new Event("WindowSettled", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Bytes32>() { }, new TypeReference<Uint256>() { }));

    private WindowVerifierViews() {
    }

    public static byte[] receiptsRoot(Evm evm, String contract, byte[] windowId) {
        return view(evm, contract, "receiptsRoot", List.of(new Bytes32(windowId)));
    }

    public static boolean isSettled(Evm evm, String contract, byte[] windowId) {
        return view(evm, contract, "isSettled", List.of(new Bytes32(windowId)))[31] != 0;
    }

    public static boolean isVerified(Evm evm, String contract, byte[] windowId, byte[] leaf, long index,
                                     List<byte[]> path) {
        List<Bytes32> siblings = path.stream().map(Bytes32::new).toList();
        return view(evm, contract, "isVerified", List.of(new Bytes32(windowId), new Bytes32(leaf), new Uint256(index),
                new DynamicArray<>(Bytes32.class, siblings)))[31] != 0;
    }

    /** The WindowSettled event of {@code windowId}, if the contract emitted one. */
    public static Optional<Settled> settledEvent(Evm evm, String contract, byte[] windowId) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                contract);
        filter.addSingleTopic(EventEncoder.encode(WINDOW_SETTLED));
        filter.addSingleTopic("0x" + HexFormat.of().formatHex(windowId));
        EthLog logs = evm.web3j().ethGetLogs(filter).send();
        if (logs.hasError()) {
            throw new IOException("eth_getLogs on " + contract + ": " + logs.getError().getMessage());
        }
        if (logs.getLogs().isEmpty()) {
            return Optional.empty();
        }
        Log log = (Log) logs.getLogs().get(0).get();
        return Optional.of(new Settled(HexFormat.of().parseHex(log.getTransactionHash().substring(2)),
                log.getBlockNumber().longValueExact()));
    }

    /** One 32-byte word returned by a view (a missing contract returns no bytes). */
    @SuppressWarnings("rawtypes")
    private static byte[] view(Evm evm, String contract, String name, List<Type> inputs) {
        byte[] calldata = HexFormat.of().parseHex(FunctionEncoder.encode(new Function(name, inputs, List.of()))
                .substring(2));
        byte[] out = evm.call(contract, calldata);
        if (out.length != 32) {
            throw new ChainException(name + " on " + contract + ": expected one 32-byte word, got " + out.length
                    + " bytes (is a WindowVerifier deployed there, on this chain?)");
        }
        return out;
    }
}
