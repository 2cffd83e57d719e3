package io.foldline.chain.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Deploy, call and send on an EVM node: the thin layer that tests, benchmarks and the submitter share.
 * Transactions are EIP-1559, signed locally for an explicit chain id, and their receipts are polled every
 * 100 ms (web3j's default of 15 s would make every local transaction take 15 s).
 */
public final class Evm {
    private static final long POLL_MS = 100;
    private static final int POLL_ATTEMPTS = 1200;
    private static final String ERROR_STRING_SELECTOR = "0x08c379a0";

    private final Web3j web3j;
    private final long chainId;
    private final TransactionReceiptProcessor receipts;

    public Evm(Web3j web3j, long chainId) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
        this.chainId = chainId;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, POLL_MS, POLL_ATTEMPTS);
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        return chainId;
    }

    /** A deployed contract and the gas its creation transaction used. */
    public record Deployed(String address, long gasUsed, String txHash) {
    }

    /** A mined transaction; {@code revertReason} is null when it succeeded or the revert carried no reason. */
    public record Sent(String txHash, boolean status, long gasUsed, long blockNumber, String revertReason) {
    }

    public Deployed deploy(Credentials from, Compiled contract, byte[] constructorArgs) {
        return deploy(from, contract.bytecodeHex(), constructorArgs);
    }

    /** Deploys with constructor arguments given as web3j ABI types (e.g. {@code new Uint256(7)}). */
    public Deployed deploy(Credentials from, Compiled contract, List<Type> constructorArgs) {
        return deploy(from, contract.bytecodeHex(),
                Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(constructorArgs)));
    }

    public Deployed deploy(Credentials from, Compiled contract) {
        return deploy(from, contract.bytecodeHex(), new byte[0]);
    }

    /**
     * Deploys creation code followed by ABI-encoded constructor arguments. The gas limit is the node's
     * estimate plus a quarter; a constructor that reverts fails here with its reason.
     */
    public Deployed deploy(Credentials from, String bytecodeHex, byte[] constructorArgs) {
        String data = "0x" + Numeric.cleanHexPrefix(bytecodeHex) + Numeric.toHexStringNoPrefix(constructorArgs);
        BigInteger estimate = estimateGas(from.getAddress(), null, data);
        Sent sent = submit(from, null, data, estimate.add(estimate.shiftRight(2)));
        TransactionReceipt receipt = receipt(sent.txHash());
        if (!sent.status() || receipt.getContractAddress() == null) {
            throw new ChainException("deployment " + sent.txHash() + " failed"
                    + (sent.revertReason() == null ? "" : ": " + sent.revertReason()));
        }
        return new Deployed(receipt.getContractAddress(), sent.gasUsed(), sent.txHash());
    }

    /** eth_call at the latest block: the returned bytes, or a ChainException carrying the revert data. */
    public byte[] call(String to, byte[] calldata) {
        Transaction tx = Transaction.createEthCallTransaction(null, to, Numeric.toHexString(calldata));
        EthCall result = check(send(web3j.ethCall(tx, DefaultBlockParameterName.LATEST)), "eth_call " + to);
        if (result.isReverted()) {
            throw new ChainException("eth_call " + to + " reverted: " + reason(result));
        }
        return Numeric.hexStringToByteArray(result.getValue());
    }

    /** Signs, sends and waits for a transaction with an explicit gas limit (no estimate, so reverts get mined). */
    public Sent send(Credentials from, String to, byte[] calldata, long gasLimit) {
        Objects.requireNonNull(to, "to");
        return submit(from, to, Numeric.toHexString(calldata), BigInteger.valueOf(gasLimit));
    }

    private Sent submit(Credentials from, String to, String data, BigInteger gasLimit) {
        RawTransactionManager manager = new RawTransactionManager(web3j, from, chainId, receipts);
        BigInteger tip = check(send(web3j.ethMaxPriorityFeePerGas()), "eth_maxPriorityFeePerGas").getMaxPriorityFeePerGas();
        BigInteger baseFee = check(send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)),
                "eth_getBlockByNumber").getBlock().getBaseFeePerGas();
        BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
        EthSendTransaction response;
        try {
            response = manager.sendEIP1559Transaction(chainId, tip, maxFee, gasLimit, to, data, BigInteger.ZERO, false);
        } catch (IOException e) {
            throw new ChainException("eth_sendRawTransaction: " + e.getMessage(), e);
        }
        String hash = check(response, "eth_sendRawTransaction").getTransactionHash();
        TransactionReceipt receipt = receipt(hash);
        String reason = receipt.isStatusOK() ? null : revertReason(from.getAddress(), to, data, receipt);
        return new Sent(hash, receipt.isStatusOK(), receipt.getGasUsed().longValueExact(),
                receipt.getBlockNumber().longValueExact(), reason);
    }

    private TransactionReceipt receipt(String hash) {
        try {
            return receipts.waitForTransactionReceipt(hash);
        } catch (IOException | org.web3j.protocol.exceptions.TransactionException e) {
            throw new ChainException("no receipt for " + hash + ": " + e.getMessage(), e);
        }
    }

    /** The revert reason, replayed as an eth_call on the state the transaction saw (the parent block). */
    private String revertReason(String from, String to, String data, TransactionReceipt receipt) {
        Transaction replay = Transaction.createEthCallTransaction(from, to, data);
        DefaultBlockParameter parent = DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE));
        try {
            EthCall result = web3j.ethCall(replay, parent).send();
            return result.isReverted() ? reason(result) : null;
        } catch (IOException | ContractCallException e) {
            return null;
        }
    }

    /**
     * The {@code Error(string)} message from the revert data (selector 0x08c379a0, then an ABI string);
     * other revert data as hex; the node's own words when it sent no data.
     */
    static String reason(EthCall result) {
        // web3j keeps the error's data as JSON text, so a hex string arrives in quotes
        String data = result.getError() == null ? null : result.getError().getData();
        String hex = data == null ? null : data.replace("\"", "");
        if (hex == null || !hex.matches("0x([0-9a-fA-F]{2})*")) {
            return result.getRevertReason();
        }
        byte[] bytes = Numeric.hexStringToByteArray(hex);
        if (bytes.length >= 68 && Numeric.toHexString(bytes, 0, 4, true).equals(ERROR_STRING_SELECTOR)) {
            int length = new BigInteger(1, Arrays.copyOfRange(bytes, 36, 68)).intValueExact();
            if (68 + length <= bytes.length) {
                return new String(bytes, 68, length, StandardCharsets.UTF_8);
            }
        }
        return bytes.length == 0 ? "reverted without data" : "reverted with data " + hex;
    }

    private BigInteger estimateGas(String from, String to, String data) {
        Transaction tx = Transaction.createFunctionCallTransaction(from, null, null, null, to, data);
        var response = send(web3j.ethEstimateGas(tx));
        if (response.hasError()) {
            throw new ChainException("eth_estimateGas failed (the transaction would revert?): "
                    + response.getError().getMessage());
        }
        return response.getAmountUsed();
    }

    private static <R extends Response<?>> R send(org.web3j.protocol.core.Request<?, R> request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new ChainException(request.getMethod() + ": " + e.getMessage(), e);
        }
    }

    private static <R extends Response<?>> R check(R response, String what) {
        if (response.hasError()) {
            throw new ChainException(what + " failed: " + response.getError().getMessage());
        }
        return response;
    }
}
