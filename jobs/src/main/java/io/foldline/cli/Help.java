package io.foldline.cli;

import java.util.List;

/** Renders {@code --help} for a verb: its usage, details, and the verbs under it. */
final class Help {
    private Help() {
    }

    static String of(List<String> path, Command cmd) {
        StringBuilder sb = new StringBuilder();
        String full = "foldline" + (path.isEmpty() ? "" : " " + String.join(" ", path));
        if (path.isEmpty()) {
            sb.append("foldline: zero-knowledge proofs of ML inferences, folded into windows and settled on an EVM chain.\n");
            sb.append("Verbs follow snarkjs where snarkjs has one; files are snarkjs/circom compatible.\n\n");
        }
        sb.append("usage: ").append(full).append(' ').append(cmd.usage()).append('\n');
        if (!path.isEmpty()) {
            sb.append('\n').append(cmd.summary()).append('\n');
        }
        if (!cmd.details().isEmpty()) {
            sb.append('\n').append(cmd.details().strip()).append('\n');
        }
        if (!cmd.children().isEmpty()) {
            sb.append("\ncommands:\n");
            listChildren(sb, "", cmd);
            sb.append("\nRun '").append(full).append(" <command> --help' for a command's arguments.\n");
        }
        sb.append("\nexit codes: 0 ok / valid, 1 proof does not verify, 2 malformed input or usage, 3 internal error\n");
        sb.append("global options: --quiet (no progress on stderr), --help");
        return sb.toString();
    }

    private static void listChildren(StringBuilder sb, String prefix, Command cmd) {
        for (Command c : cmd.children()) {
            String name = prefix + c.name();
            if (c.children().isEmpty()) {
                sb.append("  ").append(name).append(' ').append(c.usage()).append('\n');
                sb.append("      ").append(c.summary()).append('\n');
            } else {
                listChildren(sb, name + " ", c);
            }
        }
    }
}
