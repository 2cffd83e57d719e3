package io.foldline.cli;

import java.util.List;
import java.util.Set;

/**
 * One verb of the command line. A verb either runs ({@link #run}) or groups further verbs
 * ({@link CommandGroup}). Exit codes follow snarkjs's spirit: 0 success (or a valid proof), 1 a well-formed
 * proof that does not verify, 2 malformed input or usage, 3 an internal error (a bug: please report it).
 */
public interface Command {
    int OK = 0;
    int INVALID = 1;
    int USAGE = 2;
    int INTERNAL = 3;

    String name();

    /** One line for the parent's help listing. */
    String summary();

    /** Arguments after the verb, e.g. {@code "<circuit.r1cs> <pot.ptau> <circuit.zkey>"}. */
    String usage();

    /** Longer help: what it does, each option, and an example. */
    default String details() {
        return "";
    }

    /** Runs with the arguments after the verb; {@code --help} never reaches here. */
    int run(Args args, Console out) throws Exception;

    /** Options that take a value, without the leading dashes. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Options that take no value, without the leading dashes. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /** Verbs nested under this one (empty for a runnable verb). */
    default List<Command> children() {
        return List.of();
    }
}
