package io.foldline.cli;

import io.foldline.aggregation.WindowProof;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.receipt.Receipts;
import io.foldline.chain.window.WindowCalldata;
import io.foldline.chain.window.WindowVerifierKey;
import io.foldline.chain.window.WindowVerifierSolidity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code export solidityverifier | soliditycalldata}: the per-model WindowVerifier contract from a window
 * keys folder, and the submitWindow calldata of a window proof (DESIGN.md section 5). Not registered here:
 * the caller decides where the group hangs.
 */
final class WindowExportCommands {
    private WindowExportCommands() {
    }

    static Command group() {
        return new CommandGroup("export", "export a window verifier contract or a window's calldata",
                List.of(new SolidityVerifierCommand(), new SolidityCalldataCommand()));
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
                    submitWindow replays the folds, checks the decider and stores the receipts root;
                    isVerified checks one receipt. Compile with solc 0.8.24 or later, evm version cancun or
                    later, optimizer on with many runs (--optimize-runs 1000000 keeps its constants inline).
                    example: foldline window export solidityverifier keys/digits_mlp WindowVerifier.sol""";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            Path dir = args.path(0);
            for (String f : new String[] {WindowVerifierKey.VERIFICATION_KEY, WindowVerifierKey.WINDOW_VK}) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    throw new UsageException(dir + ": not a window keys folder (no " + f + ")");
                }
            }
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
