package io.foldline.cli;

import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.window.WindowVerifierKey;
import io.foldline.chain.window.WindowVerifierSolidity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code foldline chain deploy | submit | status}: the model's WindowVerifier on an EVM chain (DESIGN.md
 * section 5). Deploy generates, compiles (solc-js) and deploys it and writes deployment.json
 * ({@link ChainDeployment}); submit settles one window proof through the product's submitter
 * ({@link ChainSubmitCommand}); status asks the contract whether a window is settled.
 */
final class ChainCommands {
    private ChainCommands() {
    }

    static Command group() {
        return new CommandGroup("chain", "settle window proofs on an EVM chain: deploy, submit, status, settle (from Kafka)",
                List.of(new DeployCommand(), new ChainSubmitCommand(), new StatusCommand(), new ChainSettleCommand()));
    }

    /** The node a verb talks to: --rpc, else the one deployment.json names. */
    static String rpc(Args args, ChainDeployment d) {
        return args.option("rpc", d.rpc());
    }

    static final class DeployCommand implements Command {
        @Override
        public String name() {
            return "deploy";
        }

        @Override
        public String summary() {
            return "generate, compile and deploy the model's WindowVerifier; writes deployment.json";
        }

        @Override
        public String usage() {
            return "<window keys dir> --rpc URL --chain-id N --keystore FILE (--password-file F | --password-env VAR)"
                    + " [--out deployment.json]";
        }

        @Override
        public String details() {
            return """
                    Generates the WindowVerifier of the window keys folder (verification_key.json and
                    window_vk.bin), compiles it with solc-js (optimizer on, many runs) and deploys it from the
                    keystore's account. The node must report the chain id given (exit 2 otherwise, before
                    anything is signed). Writes deployment.json: contract address, chainId, rpc, txHash, block,
                    gasUsed, runtimeBytes, vkDigest. Prints the address and the gas.
                    options:
                      --rpc URL              the node's JSON-RPC endpoint
                      --chain-id N           the chain the transaction is signed for
                      --keystore FILE        an encrypted Ethereum keystore (geth, web3j, cast wallet)
                      --password-file F      its password: the file's content (one trailing newline dropped)
                      --password-env VAR     its password: an environment variable
                      --out FILE             where to write the deployment (default deployment.json)
                    example: foldline chain deploy digits_mlp/window --rpc http://127.0.0.1:8545 --chain-id 31337
                             --keystore key.json --password-file key.pw""";
        }

        @Override
        public Set<String> valuedOptions() {
            Set<String> s = new HashSet<>(ChainAccess.KEY_OPTIONS);
            s.addAll(Set.of("rpc", "chain-id", "out"));
            return s;
        }

        @Override
        public int run(Args args, Console out) throws Exception {
            args.expect(1, 1, usage());
            Path dir = args.path(0);
            for (String f : new String[] {WindowVerifierKey.VERIFICATION_KEY, WindowVerifierKey.WINDOW_VK}) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    throw new UsageException(dir + ": not a window keys folder (no " + f + ")");
                }
            }
            String rpc = args.option("rpc", null);
            if (rpc == null || args.option("chain-id", null) == null) {
                throw new UsageException("--rpc URL and --chain-id N are required");
            }
            long chainId = Args.parseInt("--chain-id", args.option("chain-id", null));
            Path target = Path.of(args.option("out", "deployment.json"));
            return ChainAccess.guarded(out, "chain deploy",
                    () -> deploy(dir, rpc, chainId, ChainAccess.deployerKey(args), target, out));
        }

        private static int deploy(Path dir, String rpc, long chainId, SigningKey key, Path target, Console out)
                throws Exception {
            try (ChainAccess chain = ChainAccess.connect(rpc, chainId)) {
                WindowVerifierKey vk = WindowVerifierKey.read(dir);
                out.progress("compiling the WindowVerifier of %s with solc-js ...", dir);
                Compiled contract = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile(
                        "WindowVerifier.sol", WindowVerifierSolidity.generate(vk), WindowVerifierSolidity.CONTRACT_NAME);
                out.progress("deploying %d bytes of code from %s on chain %d ...", contract.runtimeBytes(),
                        key.address(), chainId);
                Evm.Deployed d = key.deploy(chain.evm(), contract);
                long block = chain.web3j().ethGetTransactionReceipt(d.txHash()).send().getTransactionReceipt()
                        .orElseThrow().getBlockNumber().longValueExact();
                ChainDeployment dep = new ChainDeployment(d.address(), chainId, rpc, d.txHash(), block, d.gasUsed(),
                        contract.runtimeBytes(), ChainAccess.hex(vk.vkDigest()));
                dep.write(target);
                out.println("WindowVerifier deployed at " + d.address());
                out.println("  chain " + chainId + ", tx " + d.txHash() + ", block " + block + ", gas " + d.gasUsed()
                        + ", " + contract.runtimeBytes() + " bytes of code");
                out.println("  deployment written to " + target);
                return OK;
            }
        }
    }

    static final class StatusCommand implements Command {
        @Override
        public String name() {
            return "status";
        }

        @Override
        public String summary() {
            return "is a window settled? prints its receipts root (exit 0) or 'not settled' (exit 1)";
        }

        @Override
        public String usage() {
            return "<deployment.json> --window NAME [--rpc URL]";
        }

        @Override
        public String details() {
            return """
                    Asks the deployed WindowVerifier (eth_call isSettled and receiptsRoot) about the window whose
                    id is keccak256(utf8(NAME)). Exit 0 and "settled" with the stored receipts root, 1 and
                    "not settled", 2 when the node is unreachable or on another chain than the deployment's.
                    options:
                      --window NAME   the window's name, as given to 'chain submit'
                      --rpc URL       another endpoint than the one in deployment.json
                    example: foldline chain status deployment.json --window digits_mlp/0/1000/42""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("window", "rpc");
        }

        @Override
        public int run(Args args, Console out) throws Exception {
            args.expect(1, 1, usage());
            ChainDeployment d = ChainDeployment.read(args.inputFile(0));
            String name = args.option("window", null);
            if (name == null) {
                throw new UsageException("missing --window NAME");
            }
            byte[] id = Receipts.windowId(name);
            return ChainAccess.guarded(out, "chain status", () -> {
                try (ChainAccess chain = ChainAccess.connect(rpc(args, d), d.chainId())) {
                    chain.requireProtocol(d.contract());
                    if (!chain.isSettled(d.contract(), id)) {
                        out.println("window " + name + " (id " + ChainAccess.hex(id) + "): not settled");
                        return INVALID;
                    }
                    out.println("window " + name + " (id " + ChainAccess.hex(id) + "): settled");
                    out.println("  receipts root " + ChainAccess.hex(chain.receiptsRoot(d.contract(), id)));
                    return OK;
                }
            });
        }
    }
}
