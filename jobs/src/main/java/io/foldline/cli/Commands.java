package io.foldline.cli;

import java.util.List;

/** The tree of verbs. Each verb's class lives beside its subject; this only lists them. */
final class Commands {
    private Commands() {
    }

    static Command root() {
        return new CommandGroup("foldline", "", List.of(
                PowersOfTauCommands.group(),
                Groth16Commands.group(),
                ZkeyCommands.group(),
                ModelCommands.group(),
                WindowCommands.group(),
                ChainCommands.group(),
                ReceiptCommands.group(),
                new io.foldline.cli.bench.BenchCommand(),
                new DemoCommand()));
    }
}
