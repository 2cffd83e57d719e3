package io.foldline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code foldline} command line. Its verbs follow snarkjs ({@code groth16 setup}, {@code zkey contribute},
 * {@code zkey export verificationkey}, ...) so that circom users feel at home. {@code main} only wires.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, Console.system()));
    }

    /** Runs one command line and returns its exit code; never throws for a user error. */
    public static int run(String[] argv, Console console) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean quiet = args.remove("--quiet");
        Console out = quiet ? new Console(console.out(), console.err(), true) : console;
        Command root = Commands.root();
        List<String> path = new ArrayList<>();
        Command cmd = root;
        while (!args.isEmpty() && !args.get(0).startsWith("-") && !cmd.children().isEmpty()) {
            Command next = child(cmd, args.get(0));
            if (next == null) {
                out.err().println("foldline: unknown command '" + String.join(" ", path)
                        + (path.isEmpty() ? "" : " ") + args.get(0) + "'");
                out.err().println(Help.of(path, cmd));
                return Command.USAGE;
            }
            path.add(args.remove(0));
            cmd = next;
        }
        if (args.contains("--help") || args.contains("-h")) {
            out.out().println(Help.of(path, cmd));
            return Command.OK;
        }
        if (cmd == root && args.contains("--version")) {
            out.out().println("foldline " + Main.class.getPackage().getImplementationVersion());
            return Command.OK;
        }
        if (!cmd.children().isEmpty()) {
            if (path.isEmpty() && args.isEmpty()) {
                out.out().println(Help.of(path, cmd));
                return Command.OK;
            }
            out.err().println("foldline: missing or unknown command" + (args.isEmpty() ? "" : " '" + args.get(0) + "'"));
            out.err().println(Help.of(path, cmd));
            return Command.USAGE;
        }
        String where = "foldline " + String.join(" ", path);
        try {
            Args parsed = Args.parse(args, cmd.valuedOptions(), cmd.flagOptions());
            return cmd.run(parsed, out);
        } catch (UsageException e) {
            out.err().println(where + ": " + e.getMessage());
            out.err().println("usage: " + where + " " + cmd.usage() + "   (--help for more)");
            return Command.USAGE;
        } catch (NoSuchFileException e) {
            out.err().println(where + ": " + e.getFile() + ": no such file");
            return Command.USAGE;
        } catch (IOException | UncheckedIOException e) {
            out.err().println(where + ": " + e.getMessage());
            return Command.USAGE;
        } catch (RuntimeException e) {
            if (UserErrors.isUserError(e)) {
                out.err().println(where + ": " + e.getMessage());
                return Command.USAGE;
            }
            out.err().println(where + ": internal error (please report it): " + e);
            e.printStackTrace(out.err());
            return Command.INTERNAL;
        } catch (Exception e) {
            out.err().println(where + ": internal error (please report it): " + e);
            e.printStackTrace(out.err());
            return Command.INTERNAL;
        } catch (OutOfMemoryError e) {
            out.err().println(where + ": out of memory; give the JVM more with FOLDLINE_JAVA_OPTS=-Xmx16g");
            return Command.INTERNAL;
        }
    }

    private static Command child(Command parent, String name) {
        for (Command c : parent.children()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static final Set<String> GLOBAL_FLAGS = Set.of("--quiet", "--help", "--version");
}
