package io.foldline.cli;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.WalletUtils;

/**
 * What {@code chain deploy} writes and the other chain verbs read: a JSON object
 * <pre>
 *   {"contract": "0x5fbd...", "chainId": 31337, "rpc": "http://127.0.0.1:8545", "txHash": "0x...",
 *    "block": 1, "gasUsed": 3100000, "runtimeBytes": 12345, "vkDigest": "0x...(64 hex digits)"}
 * </pre>
 * {@code rpc} is where it was deployed; a verb's {@code --rpc} flag overrides it.
 */
record ChainDeployment(String contract, long chainId, String rpc, String txHash, long block, long gasUsed,
                       int runtimeBytes, String vkDigest) {
    Map<String, JsonValue> json() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("contract", JsonValue.string(contract));
        m.put("chainId", JsonValue.number(chainId));
        m.put("rpc", JsonValue.string(rpc));
        m.put("txHash", JsonValue.string(txHash));
        m.put("block", JsonValue.number(block));
        m.put("gasUsed", JsonValue.number(gasUsed));
        m.put("runtimeBytes", JsonValue.number(runtimeBytes));
        m.put("vkDigest", JsonValue.string(vkDigest));
        return m;
    }

    void write(Path file) {
        JsonWriter.write(JsonValue.object(json()), file);
    }

    static ChainDeployment read(Path file) {
        String name = String.valueOf(file.getFileName());
        JsonValue v = JsonValue.read(file);
        String contract = v.get("contract").asString();
        if (!WalletUtils.isValidAddress(contract)) {
            throw new FormatException(name + ": contract: not an address: " + contract);
        }
        return new ChainDeployment(contract, v.get("chainId").asLong(1, Long.MAX_VALUE), v.get("rpc").asString(),
                v.get("txHash").asString(), v.get("block").asLong(0, Long.MAX_VALUE),
                v.get("gasUsed").asLong(0, Long.MAX_VALUE),
                (int) v.get("runtimeBytes").asLong(0, Integer.MAX_VALUE), v.get("vkDigest").asString());
    }
}
