package io.foldline.jobs.settle;

import io.foldline.chain.evm.Evm;
import io.foldline.chain.receipt.Receipts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What the settlement service reads back from the chain once a window is confirmed: the receipts root the
 * contract stored, the settling transaction's gas, and, when the submitter's journal no longer knows the
 * transaction (the window was settled by an earlier run or by hand), the {@code WindowSettled} event that names it.
 */
final class ChainReads {
    /** The transaction and block of a WindowSettled event. */
    record Settled(byte[] txHash, long block) {
    }

    private static final String RECEIPTS_ROOT = "0x" + HexFormat.of().formatHex(Arrays.copyOf(
            Hash.sha3("receiptsRoot(bytes32)".getBytes(StandardCharsets.US_ASCII)), 4));
    private static final String WINDOW_SETTLED = "0x" + HexFormat.of().formatHex(
            Hash.sha3("WindowSettled(bytes32,bytes32,uint256)".getBytes(StandardCharsets.US_ASCII)));

    private final Evm evm;

    ChainReads(Evm evm) {
        this.evm = evm;
    }

    byte[] receiptsRoot(String contract, byte[] windowKey) {
        byte[] out = evm.call(contract, HexFormat.of().parseHex(RECEIPTS_ROOT.substring(2)
                + HexFormat.of().formatHex(windowKey)));
        if (out.length != 32) {
            throw new IllegalStateException("receiptsRoot on " + contract + ": expected one 32-byte word, got "
                    + out.length + " bytes (is a WindowVerifier deployed there, on this chain?)");
        }
        return out;
    }

    Long gasUsed(byte[] txHash) throws IOException {
        Optional<TransactionReceipt> r = evm.web3j().ethGetTransactionReceipt(hex(txHash)).send()
                .getTransactionReceipt();
        return r.map(t -> t.getGasUsed().longValueExact()).orElse(null);
    }

    Optional<Settled> settledEvent(String contract, byte[] windowKey) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                contract);
        filter.addSingleTopic(WINDOW_SETTLED);
        filter.addSingleTopic(hex(windowKey));
        EthLog logs = evm.web3j().ethGetLogs(filter).send();
        if (logs.hasError()) {
            throw new IOException("eth_getLogs on " + contract + ": " + logs.getError().getMessage());
        }
        List<EthLog.LogResult> found = logs.getLogs();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Log log = (Log) found.get(0).get();
        BigInteger block = log.getBlockNumber();
        return Optional.of(new Settled(HexFormat.of().parseHex(log.getTransactionHash().substring(2)),
                block.longValueExact()));
    }

    static byte[] windowKey(String windowName) {
        return Receipts.windowId(windowName);
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
