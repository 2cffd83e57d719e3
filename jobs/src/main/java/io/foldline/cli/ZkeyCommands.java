package io.foldline.cli;

import io.foldline.chain.groth16.SolidityCalldata;
import io.foldline.chain.groth16.SolidityVerifier;
import io.foldline.circuits.groth16.Phase2;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code foldline zkey contribute | beacon | export verificationkey | solidityverifier | soliditycalldata}:
 * phase 2 of the trusted setup and the exports of a proving key.
 */
final class ZkeyCommands {
    private ZkeyCommands() {
    }

    static Command group() {
        return new CommandGroup("zkey", "phase-2 contributions and exports of a Groth16 proving key",
                List.of(new ContributeCommand(), new BeaconCommand(),
                        new CommandGroup("export", "export parts of a proving key",
                                List.of(new ExportVerificationKeyCommand(), new ExportSolidityVerifierCommand(),
                                        new ExportSolidityCalldataCommand()))));
    }

    /** Hex bytes, with or without a 0x prefix; {@code what} names the argument in the usage error. */
    static byte[] hex(String s, String what) {
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() % 2 != 0) {
            throw new UsageException(what + ": expected an even number of hex digits, got '" + s + "'");
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": not hexadecimal: '" + s + "'");
        }
    }

    static final class ContributeCommand implements Command {
        @Override
        public String name() {
            return "contribute";
        }

        @Override
        public String summary() {
            return "add a secret phase-2 contribution";
        }

        @Override
        public String usage() {
            return "<in.zkey> <out.zkey> --name <name> [--entropy <hex>]";
        }

        @Override
        public String details() {
            return """
                    Multiplies delta by a fresh secret and appends a contribution record that 'snarkjs zkey
                    verify' checks. The secret comes from the operating system's random source mixed with the
                    optional --entropy bytes; it is never stored. Prints the contribution hash to publish.
                    options:
                      --name <name>     contributor name recorded in the key (at most 64 characters kept)
                      --entropy <hex>   extra entropy to mix in
                    example: foldline zkey contribute model_0000.zkey model_0001.zkey --name alice""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("name", "entropy");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            Path in = args.inputFile(0);
            String name = args.option("name", null);
            if (name == null || name.isBlank()) {
                throw new UsageException("--name is required");
            }
            String e = args.option("entropy", null);
            byte[] entropy = e == null ? new byte[0] : hex(e, "--entropy");
            out.progress("contributing to %s", in);
            Phase2.Result r = Phase2.contribute(ZkeyFile.read(in), name, entropy, new SecureRandom());
            ZkeyFile.write(r.zkey(), args.path(1), ZkeyFile.Layout.ASCENDING);
            out.println("Circuit Hash:\n" + Phase2.formatHash(r.zkey().csHash()));
            out.println("Contribution Hash:\n" + Phase2.formatHash(r.contributionHash()));
            return OK;
        }
    }

    static final class BeaconCommand implements Command {
        @Override
        public String name() {
            return "beacon";
        }

        @Override
        public String summary() {
            return "add a public, reproducible contribution from a random beacon";
        }

        @Override
        public String usage() {
            return "<in.zkey> <out.zkey> <beaconHashHex> <numIterationsExp> [--name <name>]";
        }

        @Override
        public String details() {
            return """
                    The final phase-2 step: the secret is derived from the beacon (e.g. a future block hash) by
                    2^numIterationsExp SHA-256 iterations, so anyone can recompute it; 'snarkjs zkey verify'
                    does. Byte-identical to 'snarkjs zkey beacon' with the same arguments.
                    arguments: beaconHashHex 1 to 255 bytes in hex; numIterationsExp in [10, 63]
                    example: foldline zkey beacon model_0001.zkey model_final.zkey 0102...1f 10 --name final""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("name");
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(4, 4, usage());
            Path in = args.inputFile(0);
            byte[] beacon = hex(args.get(2), "beaconHashHex");
            int exp = Args.parseInt("numIterationsExp", args.get(3));
            if (exp < Phase2.MIN_BEACON_EXP || exp > Phase2.MAX_BEACON_EXP) {
                throw new UsageException("numIterationsExp must be in [" + Phase2.MIN_BEACON_EXP + ", "
                        + Phase2.MAX_BEACON_EXP + "], got " + exp);
            }
            if (beacon.length > Phase2.MAX_BEACON_BYTES) {
                throw new UsageException("beaconHashHex: at most " + Phase2.MAX_BEACON_BYTES + " bytes, got " + beacon.length);
            }
            out.progress("beacon: 2^%d SHA-256 iterations, then applying the key to %s", exp, in);
            Phase2.Result r = Phase2.beacon(ZkeyFile.read(in), beacon, exp, args.option("name", null));
            ZkeyFile.write(r.zkey(), args.path(1), ZkeyFile.Layout.ASCENDING);
            out.println("Contribution Hash:\n" + Phase2.formatHash(r.contributionHash()));
            return OK;
        }
    }

    static final class ExportVerificationKeyCommand implements Command {
        @Override
        public String name() {
            return "verificationkey";
        }

        @Override
        public String summary() {
            return "write verification_key.json (same text as snarkjs)";
        }

        @Override
        public String usage() {
            return "<circuit.zkey> <verification_key.json>";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            Path in = args.inputFile(0);
            Zkey z = ZkeyFile.read(in);
            VerifyingKey.of(z).toJson().write(args.path(1));
            out.progress("wrote %s", args.path(1));
            return OK;
        }
    }

    static final class ExportSolidityVerifierCommand implements Command {
        static final String DEFAULT_CONTRACT = "Groth16Verifier";

        @Override
        public String name() {
            return "solidityverifier";
        }

        @Override
        public String summary() {
            return "write a Solidity verifier contract for the key (snarkjs's verifyProof ABI)";
        }

        @Override
        public String usage() {
            return "<circuit.zkey> <verifier.sol> [--contract <Name>]";
        }

        @Override
        public String details() {
            return """
                    Writes our own gas-lean Groth16 verifier (BN254 precompiles 0x06, 0x07, 0x08) with the same
                    ABI as 'snarkjs zkey export solidityverifier': verifyProof(uint[2] _pA, uint[2][2] _pB,
                    uint[2] _pC, uint[N] _pubSignals) returns (bool); the calldata comes from
                    'zkey export soliditycalldata'. Compile with solc >= 0.8.20 (evmVersion cancun or later).
                    options:
                      --contract <Name>   contract name (default Groth16Verifier)
                    example: foldline zkey export solidityverifier model_final.zkey Verifier.sol""";
        }

        @Override
        public Set<String> valuedOptions() {
            return Set.of("contract");
        }

        @Override
        public int run(Args args, Console out) throws IOException {
            args.expect(2, 2, usage());
            Path in = args.inputFile(0);
            VerifyingKey vk = VerifyingKey.of(ZkeyFile.read(in));
            String contract = args.option("contract", DEFAULT_CONTRACT);
            String source;
            try {
                source = SolidityVerifier.generate(vk, contract);
            } catch (IllegalArgumentException e) {
                throw new UsageException(in.getFileName() + ": " + e.getMessage());
            }
            Files.writeString(args.path(1), source, StandardCharsets.UTF_8);
            out.progress("wrote %s (contract %s, %d public inputs)", args.path(1), contract, vk.nPublic());
            return OK;
        }
    }

    static final class ExportSolidityCalldataCommand implements Command {
        @Override
        public String name() {
            return "soliditycalldata";
        }

        @Override
        public String summary() {
            return "print a proof as verifyProof arguments (same text as snarkjs)";
        }

        @Override
        public String usage() {
            return "<public.json> <proof.json>";
        }

        @Override
        public int run(Args args, Console out) {
            args.expect(2, 2, usage());
            PublicJson pub = PublicJson.read(args.inputFile(0));
            ProofJson proof = ProofJson.read(args.inputFile(1));
            if (pub.values().isEmpty()) {
                throw new UsageException(args.path(0).getFileName() + ": no public signals (verifyProof needs at least one)");
            }
            out.println(SolidityCalldata.text(proof, pub));
            return OK;
        }
    }
}
