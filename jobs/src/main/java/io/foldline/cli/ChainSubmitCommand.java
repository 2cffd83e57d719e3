package io.foldline.cli;

import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.submit.PendingWindow;
import io.foldline.chain.submit.SettledCheck;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.SubmitterOptions;
import io.foldline.chain.submit.WindowId;
import io.foldline.chain.submit.WindowStatus;
import io.foldline.chain.window.WindowCalldata;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code foldline chain submit}: settles one window proof through the product's submitter (journal, fee cap,
 * confirmations, exactly once per window id) and writes the window's receipts, one per inference with its
 * Merkle path, to {@code <window.proof>.receipts.json}:
 * <pre>
 *   {"windowName": "...", "windowId": "0x..", "contract": "0x..", "chainId": 31337, "rpc": "...",
 *    "receiptsRoot": "0x..", "txHash": "0x..", "block": 7,
 *    "receipts": [{"windowName", "windowId", "index": 0, "leaf": "0x..", "path": ["0x..", ...],
 *                  "txHash", "block"}, ...]}
 * </pre>
 * Leaves and paths are those of the chain module's {@code receipt} package.
 */
final class ChainSubmitCommand implements Command {
    /** The submitter logs each status change; this verb prints its own lines instead. */
    private static final Logger SUBMITTER_LOG = Logger.getLogger("io.foldline.chain.submit");

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String summary() {
        return "settle a window proof on the deployed WindowVerifier; writes <window.proof>.receipts.json";
    }

    @Override
    public String usage() {
        return "<deployment.json> <window.proof> --window NAME --keystore FILE (--password-file F | --password-env VAR)"
                + " [--journal FILE] [--confirmations N] [--max-fee-gwei X] [--timeout S] [--rpc URL]";
    }

    @Override
    public String details() {
        return """
                Sends submitWindow for the window id keccak256(utf8(NAME)) through the submitter and waits
                until the transaction is CONFIRMED (exit 0) or FAILED (exit 1, reason printed). A window the
                contract already holds is reported as already settled and no transaction is sent. Prints the
                transaction, its block and the gas per window and per inference; writes one receipt per
                inference (leaf, Merkle path, transaction) to <window.proof>.receipts.json.
                options:
                  --window NAME          the window's name (its id on chain is keccak256(utf8(NAME)))
                  --keystore FILE        an encrypted Ethereum keystore; --password-file F or --password-env VAR
                  --journal FILE         the settlement journal (default <window.proof>.journal): a crash or a
                                         second run never settles the window twice
                  --confirmations N      blocks on top before CONFIRMED (default 1)
                  --max-fee-gwei X       the fee cap per gas (default 100)
                  --timeout S            seconds to wait for CONFIRMED or FAILED (default 300; exit 1 after)
                  --rpc URL              another endpoint than the one in deployment.json
                example: foldline chain submit deployment.json w42.proof --window digits_mlp/0/1000/42
                         --keystore key.json --password-env FOLDLINE_KEY_PASSWORD""";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(ChainAccess.KEY_OPTIONS);
        s.addAll(Set.of("window", "journal", "confirmations", "max-fee-gwei", "timeout", "rpc"));
        return s;
    }

    @Override
    public int run(Args args, Console out) throws Exception {
        args.expect(2, 2, usage());
        ChainDeployment d = ChainDeployment.read(args.inputFile(0));
        Path proofFile = args.inputFile(1);
        String name = args.option("window", null);
        if (name == null) {
            throw new UsageException("missing --window NAME");
        }
        Path journal = Path.of(args.option("journal", proofFile + ".journal"));
        int confirmations = args.intOption("confirmations", 1);
        int timeout = args.intOption("timeout", 300);
        if (confirmations < 1 || timeout < 1) {
            throw new UsageException("--confirmations and --timeout must be at least 1");
        }
        BigInteger maxFee = ChainAccess.gwei(args.option("max-fee-gwei", "100"));
        WindowProof proof = WindowProofFile.read(proofFile);
        Window w = new Window(name, proof);
        String rpc = ChainCommands.rpc(args, d);
        return ChainAccess.guarded(out, "chain submit", () -> {
            SigningKey key = SigningKey.fromKeystore(ChainAccess.keystore(args), ChainAccess.password(args));
            try (ChainAccess chain = ChainAccess.connect(rpc, d.chainId())) {
                chain.requireProtocol(d.contract());
                if (chain.isSettled(d.contract(), w.id)) {
                    return alreadySettled(chain, d, w, out);
                }
                SubmitterOptions options = SubmitterOptions.builder(d.chainId(), maxFee).confirmations(confirmations)
                        .batchSize(1).interval(Duration.ofSeconds(1)).poll(Duration.ofMillis(200)).build();
                out.progress("settling window %s (%d inferences, %d bytes of calldata) from %s ...", name,
                        proof.size(), w.calldata.length, key.address());
                WindowStatus s = settle(rpc, key, journal, options, d, w, timeout);
                if (s == null) {
                    out.println("window " + name + ": not confirmed within " + timeout + " s (see " + journal + ")");
                    return INVALID;
                }
                if (s.state() == WindowStatus.State.FAILED) {
                    out.println("window " + name + ": FAILED: " + s.reason());
                    return INVALID;
                }
                if (s.txHash() == null) {
                    return alreadySettled(chain, d, w, out);
                }
                return confirmed(chain, d, w, s, proofFile, out);
            }
        });
    }

    private static WindowStatus settle(String rpc, SigningKey key, Path journal, SubmitterOptions options,
                                       ChainDeployment d, Window w, int timeoutSeconds) throws Exception {
        SUBMITTER_LOG.setLevel(Level.WARNING);
        WindowId id = WindowId.of(w.id);
        CompletableFuture<WindowStatus> done = new CompletableFuture<>();
        try (Submitter submitter = Submitter.open(rpc, key, journal, SettledCheck.viewFunction("isSettled"), options,
                s -> {
                    if (s.windowId().equals(id) && (s.state() == WindowStatus.State.CONFIRMED
                            || s.state() == WindowStatus.State.FAILED)) {
                        done.complete(s);
                    }
                })) {
            submitter.start();
            submitter.offer(new PendingWindow(id, d.contract(), w.calldata));
            return done.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    private static int confirmed(ChainAccess chain, ChainDeployment d, Window w, WindowStatus s, Path proofFile,
                                 Console out) throws Exception {
        long gas = chain.web3j().ethGetTransactionReceipt(s.txHash()).send().getTransactionReceipt().orElseThrow()
                .getGasUsed().longValueExact();
        Path receipts = Path.of(proofFile + ".receipts.json");
        JsonWriter.write(w.receiptsJson(d, s.txHash(), s.block().longValueExact()), receipts);
        out.println("window " + w.name + ": CONFIRMED");
        out.println("  tx " + s.txHash() + ", block " + s.block());
        out.println("  gas " + gas + " per window, " + gas / w.leaves.size() + " per inference ("
                + w.leaves.size() + " inferences)");
        out.println("  receipts written to " + receipts);
        return rootMatches(chain, d, w, out) ? OK : INVALID;
    }

    private static int alreadySettled(ChainAccess chain, ChainDeployment d, Window w, Console out) {
        out.println("window " + w.name + ": already settled on chain (id " + ChainAccess.hex(w.id)
                + "); no transaction sent");
        return rootMatches(chain, d, w, out) ? OK : INVALID;
    }

    private static boolean rootMatches(ChainAccess chain, ChainDeployment d, Window w, Console out) {
        byte[] stored = chain.receiptsRoot(d.contract(), w.id);
        if (!Arrays.equals(stored, w.root)) {
            out.println("  the contract holds receipts root " + ChainAccess.hex(stored) + ", not this proof's "
                    + ChainAccess.hex(w.root));
            return false;
        }
        out.println("  receipts root " + ChainAccess.hex(w.root));
        return true;
    }

    /** One window proof under a name: its id, calldata, receipt leaves and their root. */
    private static final class Window {
        final String name;
        final byte[] id;
        final byte[] calldata;
        final List<byte[]> leaves;
        final byte[] root;

        Window(String name, WindowProof proof) {
            this.name = name;
            this.id = Receipts.windowId(name);
            this.calldata = WindowCalldata.encode(id, proof);
            this.leaves = Receipts.leavesOf(id, proof);
            this.root = Receipts.root(leaves);
        }

        JsonValue receiptsJson(ChainDeployment d, String txHash, long block) {
            List<JsonValue> receipts = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) {
                Map<String, JsonValue> r = new LinkedHashMap<>();
                r.put("windowName", JsonValue.string(name));
                r.put("windowId", JsonValue.string(ChainAccess.hex(id)));
                r.put("index", JsonValue.number(i));
                r.put("leaf", JsonValue.string(ChainAccess.hex(leaves.get(i))));
                r.put("path", JsonValue.array(Receipts.path(leaves, i).stream()
                        .map(p -> JsonValue.string(ChainAccess.hex(p))).toList()));
                r.put("txHash", JsonValue.string(txHash));
                r.put("block", JsonValue.number(block));
                receipts.add(JsonValue.object(r));
            }
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("windowName", JsonValue.string(name));
            m.put("windowId", JsonValue.string(ChainAccess.hex(id)));
            m.put("contract", JsonValue.string(d.contract()));
            m.put("chainId", JsonValue.number(d.chainId()));
            m.put("rpc", JsonValue.string(d.rpc()));
            m.put("receiptsRoot", JsonValue.string(ChainAccess.hex(root)));
            m.put("txHash", JsonValue.string(txHash));
            m.put("block", JsonValue.number(block));
            m.put("receipts", JsonValue.array(receipts));
            return JsonValue.object(m);
        }
    }
}
