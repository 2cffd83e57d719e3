package io.foldline.cli;

import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.window.WindowCalldata;
import io.foldline.chain.window.WindowVerifierKey;
import io.foldline.chain.window.WindowVerifierSolidity;
import io.foldline.circuits.AtomicFolder;
import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.web3j.codegen.SolidityFunctionWrapper;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.utils.Version;

/**
 * {@code export solidityverifier | web3j | soliditycalldata}: the per-model WindowVerifier contract from a
 * window keys folder, its typed web3j wrapper ({@link Web3jCommand}), and the submitWindow calldata of a
 * window proof (DESIGN.md section 5). Not registered here:
 * the caller decides where the group hangs.
 */
final class WindowExportCommands {
    private WindowExportCommands() {
    }

    static Command group() {
        return new CommandGroup("export", "export a window verifier contract, its web3j wrapper or a window's calldata",
                List.of(new SolidityVerifierCommand(), new Web3jCommand(), new SolidityCalldataCommand()));
    }

    /** The verifier needs only these two files of a keys folder; the proving files may be elsewhere. */
    static Path requireKeys(Path dir) {
        for (String f : new String[] {WindowVerifierKey.VERIFICATION_KEY, WindowVerifierKey.WINDOW_VK}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new UsageException(dir + ": not a window keys folder (no " + f + ")");
            }
        }
        return dir;
    }

    static final class SolidityVerifierCommand implements Command {
        @Override
        public String name() {
            return "solidityverifier";
        }

        @Override
        public String summary() {
            return "write the model's WindowVerifier.sol from its window keys folder";
        }

        @Override
        public String usage() {
            return "<window keys dir> <WindowVerifier.sol>";
        }

        @Override
        public String details() {
            return """
                    Reads verification_key.json and window_vk.bin of the folder (the proving files are not
                    needed) and writes a Solidity contract, WindowVerifier, with the model's keys as constants:
                    submitWindow replays the folds, checks the decider and stores the receipts root (in the
                    code of a holder contract at a CREATE2 address of the verifier and the window id);
                    isVerified checks one receipt. The same file defines the library FoldlineReceipts, the same
                    for every model: a consumer contract imports it and calls
                    FoldlineReceipts.isVerified(verifier, windowId, leaf, index, path), which reads the root
                    from the holder itself (about 4k gas). Compile with solc 0.8.24 or later, evm version cancun or
                    later, optimizer on with many runs (--optimize-runs 1000000 keeps its constants inline), and
                    the legacy code generator (not --via-ir: its unrolled fold runs out of stack there).
                    example: foldline window export solidityverifier keys/digits_mlp WindowVerifier.sol""";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            Path dir = requireKeys(args.path(0));
            String source = WindowVerifierSolidity.generate(dir);
            try {
                Files.writeString(args.path(1), source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + args.path(1), e);
            }
            out.progress("wrote %s", args.path(1));
            return OK;
        }
    }

    /**
     * The model's verifier for a Java project: its source, ABI and creation code, and a typed wrapper written by
     * web3j's own codegen (the same web3j version as ours), offline, from what solc-js compiled. The folder is
     * written all or nothing, like a keys folder.
     */
    static final class Web3jCommand implements Command {
        static final String DEFAULT_PACKAGE = "io.foldline.contracts";
        static final String JAVA = "java";
        private static final String SOL = WindowVerifierSolidity.CONTRACT_NAME + ".sol";
        private static final String WEB3J_VERSION = web3jVersion();
        private static final int WEB3J_MAX_FIXED_ARRAY = 32;
        private static final Pattern FIXED_ARRAY = Pattern.compile("\\[(\\d+)\\]");

        @Override
        public String name() {
            return "web3j";
        }

        @Override
        public String summary() {
            return "write a typed web3j Java wrapper of the model's WindowVerifier, with its .sol, .abi and .bin";
        }

        @Override
        public String usage() {
            return "<window keys dir> <out dir> [--package NAME] [--class NAME] [--force]";
        }

        @Override
        public String details() {
            return """
                    Generates and compiles (solc-js) the WindowVerifier of the keys folder, as 'chain deploy'
                    does, and writes into the out folder WindowVerifier.sol, WindowVerifier.abi (JSON),
                    WindowVerifier.bin (creation code, hex) and java/<package path>/<class>.java, a wrapper made
                    by web3j codegen %s: static deploy(...), submitWindow(...), isSettled(...), isVerified(...).
                    It compiles against org.web3j:core %s and Java 21 or later.
                    options:
                      --package NAME    the wrapper's Java package (default %s)
                      --class NAME      the wrapper's class name (default WindowVerifier)
                      --force           replace an out folder that holds an earlier export
                    example: foldline window export web3j keys/digits_mlp build/verifier --package com.acme.chain"""
                    .formatted(WEB3J_VERSION, WEB3J_VERSION, DEFAULT_PACKAGE);
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("package", "class");
        }

        @Override
        public Set<String> flagOptions() {
            return Set.of("force");
        }

        @Override
        public int run(Args args, Console out) throws Exception {
            args.expect(2, 2, usage());
            Path keys = requireKeys(args.path(0));
            Path target = args.path(1);
            String pkg = args.option("package", DEFAULT_PACKAGE);
            if (!SourceVersion.isName(pkg)) {
                throw new UsageException("--package " + pkg + ": not a Java package name (dot-separated "
                        + "identifiers, no keywords)");
            }
            String cls = args.option("class", WindowVerifierSolidity.CONTRACT_NAME);
            // web3j capitalises the name it is given; one that is already capitalised is the file it writes
            if (cls.contains(".") || !SourceVersion.isName(cls) || !Character.isUpperCase(cls.charAt(0))) {
                throw new UsageException("--class " + cls + ": not a Java class name starting with a capital letter");
            }
            boolean force = args.flag("force");
            checkTarget(target, force);
            return ChainAccess.guarded(out, "window export web3j", () -> {
                out.progress("compiling the WindowVerifier of %s with solc-js ...", keys);
                String source = WindowVerifierSolidity.generate(keys);
                Compiled c = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile(
                        SOL, source, WindowVerifierSolidity.CONTRACT_NAME);
                AtomicFolder.write(target, dir -> fill(dir, source, c, pkg, cls), () -> checkTarget(target, force));
                report(out, target, c, pkg, cls);
                return OK;
            });
        }

        // what web3j core says of itself, the version the generated wrappers are made for
        private static String web3jVersion() {
            try {
                return Version.getVersion();
            } catch (IOException | RuntimeException e) {
                return "(version unknown)";
            }
        }

        private static void checkTarget(Path dir, boolean force) {
            if (!Files.exists(dir)) {
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + ": exists and is not a folder; name a folder to write");
            }
            if (AtomicFolder.isEmpty(dir)) {
                return;
            }
            if (!force) {
                throw new UsageException(dir + ": folder exists and is not empty; pass --force to replace an "
                        + "earlier export");
            }
            if (!Files.isRegularFile(dir.resolve(WindowVerifierSolidity.CONTRACT_NAME + ".abi"))) {
                throw new UsageException(dir + ": not an earlier export (no " + WindowVerifierSolidity.CONTRACT_NAME
                        + ".abi); --force replaces only those, so remove it yourself if you mean to");
            }
        }

        private static void fill(Path dir, String source, Compiled c, String pkg, String cls) throws IOException {
            String name = WindowVerifierSolidity.CONTRACT_NAME;
            Files.writeString(dir.resolve(name + ".sol"), source, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(name + ".abi"), c.abiJson() + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(name + ".bin"), c.bytecodeHex() + "\n", StandardCharsets.US_ASCII);
            List<AbiDefinition> abi = List.of(ObjectMapperFactory.getObjectMapper()
                    .readValue(c.abiJson(), AbiDefinition[].class));
            requireWeb3jArrays(abi);
            try {
                // native Java types (BigInteger, byte[], List) rather than web3j's Uint256, Bytes32, ...
                new SolidityFunctionWrapper(true).generateJavaFiles(cls, c.bytecodeHex(), abi,
                        dir.resolve(JAVA).toString(), pkg, null);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("web3j codegen has no Java type for a type of the ABI: "
                        + e.getMessage(), e);
            }
        }

        /**
         * web3j has types for fixed arrays of 1 to 32 elements only; for a longer one its codegen writes a
         * wrapper that does not compile. startInstance is uint256[3 + public signals], so this refuses models
         * with more than 29 public signals rather than write such a file.
         */
        private static void requireWeb3jArrays(List<AbiDefinition> abi) {
            for (AbiDefinition d : abi) {
                List<AbiDefinition.NamedType> params = new ArrayList<>();
                Optional.ofNullable(d.getInputs()).ifPresent(params::addAll);
                Optional.ofNullable(d.getOutputs()).ifPresent(params::addAll);
                for (AbiDefinition.NamedType t : params) {
                    Matcher m = FIXED_ARRAY.matcher(t.getType());
                    while (m.find()) {
                        if (Integer.parseInt(m.group(1)) > WEB3J_MAX_FIXED_ARRAY) {
                            throw new FormatException("the WindowVerifier's " + d.getName() + " has a " + t.getType()
                                    + " (" + t.getName() + "): web3j has no Java type for fixed arrays of more than "
                                    + WEB3J_MAX_FIXED_ARRAY + " elements, so its wrapper would not compile; 'chain "
                                    + "deploy' and 'chain submit' work for this model without one");
                        }
                    }
                }
            }
        }

        private static void report(Console out, Path target, Compiled c, String pkg, String cls) {
            Path java = target.resolve(JAVA).resolve(pkg.replace('.', '/')).resolve(cls + ".java");
            String name = WindowVerifierSolidity.CONTRACT_NAME;
            out.println("wrote " + target.resolve(name + ".sol") + ", " + name + ".abi, " + name + ".bin ("
                    + c.runtimeBytes() + " bytes of code)");
            out.println("wrote " + java + " (web3j " + WEB3J_VERSION + " wrapper)");
            out.println("""
                    use it with org.web3j:core %1$s; the wrapper sends legacy (gasPrice) transactions:
                      TransactionManager tm = new RawTransactionManager(web3j, credentials, chainId);
                      ContractGasProvider gas = new StaticGasProvider(gasPrice, gasLimit); // covers deploy and windows
                      %2$s v = %2$s.deploy(web3j, tm, gas).send(); // or %2$s.load(address, web3j, tm, gas)
                      v.submitWindow(windowId, instances, startInstance, deciderProof, kzgProof).send();
                      //   the arguments that 'foldline window export soliditycalldata' encodes;
                      //   windowId = keccak256(utf8(window name))
                      boolean settled = v.isSettled(windowId).send();
                      boolean ok = v.isVerified(windowId, leaf, index, path).send(); // a receipt of *.receipts.json"""
                    .formatted(WEB3J_VERSION, cls).stripTrailing());
        }
    }

    static final class SolidityCalldataCommand implements Command {
        @Override
        public String name() {
            return "soliditycalldata";
        }

        @Override
        public String summary() {
            return "print the submitWindow calldata of a window proof, in hex";
        }

        @Override
        public String usage() {
            return "<window.proof> [--window <name>]";
        }

        @Override
        public String details() {
            return """
                    Prints 0x-prefixed calldata (selector included) for WindowVerifier.submitWindow: the window
                    id, then the proof's words in the order of the FLWP file.
                    options:
                      --window <name>   the window's name; its id on chain is keccak256(utf8(name))
                                        (default: the proof file's name without its extension)
                    example: foldline export soliditycalldata w42.proof --window digits_mlp/0/1000/42""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("window");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(1, 1, usage());
            Path file = args.inputFile(0);
            String fileName = String.valueOf(file.getFileName());
            int dot = fileName.lastIndexOf('.');
            String name = args.option("window", dot > 0 ? fileName.substring(0, dot) : fileName);
            WindowProof proof = WindowProofFile.read(file);
            byte[] id = Receipts.windowId(name);
            out.progress("window %s: id 0x%s, %d inferences", name, HexFormat.of().formatHex(id), proof.size());
            out.println("0x" + HexFormat.of().formatHex(WindowCalldata.encode(id, proof)));
            return OK;
        }
    }
}
