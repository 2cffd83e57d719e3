package io.foldline.cli;

import java.util.List;

/** A verb that only groups others, like {@code groth16} or {@code zkey export}. */
public record CommandGroup(String name, String summary, List<Command> children) implements Command {
    @Override
    public String usage() {
        return "<command> ...";
    }

    @Override
    public int run(Args args, Console out) {
        throw new UsageException("missing command after '" + name + "'");
    }
}
