package io.foldline.cli;

import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.window.WindowVerifierViews;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.web3j.crypto.WalletUtils;

/**
 * {@code foldline receipt verify}: one inference's receipt from the file {@code chain submit} wrote (layout
 * in {@link ChainSubmitCommand}), checked offline against the window's receipts root and on chain with the
 * WindowVerifier's {@code isVerified} (an eth_call, no transaction).
 */
final class ReceiptCommands {
    private ReceiptCommands() {
    }

    static Command group() {
        return new CommandGroup("receipt", "check the receipt of one settled inference", List.of(new VerifyCommand()));
    }

    /** One receipt as the file holds it. */
    record Receipt(String windowName, byte[] windowId, int index, byte[] leaf, List<byte[]> path) {
        static Receipt of(JsonValue r, String where) {
            List<byte[]> path = new ArrayList<>();
            List<JsonValue> siblings = r.get("path").elements();
            for (int i = 0; i < siblings.size(); i++) {
                path.add(ChainAccess.word(siblings.get(i).asString(), where + ".path[" + i + "]"));
            }
            return new Receipt(r.get("windowName").asString(),
                    ChainAccess.word(r.get("windowId").asString(), where + ".windowId"),
                    (int) r.get("index").asLong(0, Integer.MAX_VALUE),
                    ChainAccess.word(r.get("leaf").asString(), where + ".leaf"), path);
        }
    }

    static final class VerifyCommand implements Command {
        @Override
        public String name() {
            return "verify";
        }

        @Override
        public String summary() {
            return "check one receipt offline and on chain: VERIFIED (exit 0) or NOT VERIFIED (exit 1)";
        }

        @Override
        public String usage() {
            return "<receipts.json> <index> [<deployment.json> | --rpc URL --contract ADDR]";
        }

        @Override
        public String details() {
            return """
                    Takes receipt <index> of a file 'chain submit' wrote. Offline: its Merkle path must lead from
                    its leaf to the file's receipts root. On chain: the WindowVerifier's isVerified(windowId,
                    leaf, index, path) must return true (an eth_call on the node of deployment.json, of --rpc
                    and --contract, or else of the receipts file). Exit 0 and "VERIFIED" when both hold, 1 and
                    "NOT VERIFIED" (naming the check that failed) when either does not, 2 when a file is
                    malformed or the node is unreachable.
                    example: foldline receipt verify w42.proof.receipts.json 3 deployment.json""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("rpc", "contract");
        }

        @Override
        public int run(Args args, Console out) throws Exception {
            args.expect(2, 3, usage());
            Path file = args.inputFile(0);
            String name = String.valueOf(file.getFileName());
            JsonValue v = JsonValue.read(file);
            List<JsonValue> all = v.get("receipts").elements();
            int index = Args.parseInt("<index>", args.get(1));
            if (index < 0 || index >= all.size()) {
                throw new FormatException(name + ": no receipt " + index + " (the window has " + all.size() + ")");
            }
            Receipt r = Receipt.of(all.get(index), name + ": receipts[" + index + "]");
            byte[] root = ChainAccess.word(v.get("receiptsRoot").asString(), name + ": receiptsRoot");
            String rpc = v.get("rpc").asString();
            String contract = v.get("contract").asString();
            long chainId = v.get("chainId").asLong(1, Long.MAX_VALUE);
            if (args.size() == 3) {
                ChainDeployment d = ChainDeployment.read(args.inputFile(2));
                rpc = d.rpc();
                contract = d.contract();
                chainId = d.chainId();
            }
            rpc = args.option("rpc", rpc);
            contract = args.option("contract", contract);
            if (!WalletUtils.isValidAddress(contract)) {
                throw new UsageException("--contract: not an address: " + contract);
            }
            boolean offline = Receipts.verify(root, r.leaf(), r.index(), r.path());
            out.println("receipt " + r.index() + " of window " + r.windowName() + ", leaf " + ChainAccess.hex(r.leaf()));
            out.println("  offline: " + (offline ? "the path leads to the receipts root " + ChainAccess.hex(root)
                    : "FAILED: the path does not lead from the leaf to the receipts root " + ChainAccess.hex(root)));
            String to = contract;
            String url = rpc;
            long id = chainId;
            return ChainAccess.guarded(out, "receipt verify", () -> {
                try (ChainAccess chain = ChainAccess.connect(url, id)) {
                    boolean onChain = isVerified(chain, to, r);
                    out.println("  on chain: " + (onChain ? "isVerified is true" : "FAILED: isVerified is false")
                            + " (" + to + ")");
                    out.println(offline && onChain ? "VERIFIED" : "NOT VERIFIED");
                    return offline && onChain ? OK : INVALID;
                }
            });
        }

        private static boolean isVerified(ChainAccess chain, String contract, Receipt r) {
            return WindowVerifierViews.isVerified(chain.evm(), contract, r.windowId(), r.leaf(), r.index(), r.path());
        }
    }
}
