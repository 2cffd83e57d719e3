package io.foldline.cli.bench;

import io.foldline.cli.Console;

/** Prints benchmark rows as a Markdown table, ready to paste into BENCHMARKS.md. */
final class Report {
    private final Console console;

    Report(Console console) {
        this.console = console;
    }

    void header() {
        console.println("| what | size | foldline | reference (same run) | ratio |");
        console.println("| --- | --- | --- | --- | --- |");
    }

    void row(String what, String size, double ours) {
        console.println(String.format("| %s | %s | %s | | |", what, size, Timer.human(ours)));
        console.out().flush();
    }

    void rowVs(String what, String size, double ours, String refName, double ref) {
        console.println(String.format("| %s | %s | %s | %s %s | %.1fx faster |", what, size, Timer.human(ours),
                refName, Timer.human(ref), ref / ours));
        console.out().flush();
    }

    void note(String what, String size, String text) {
        console.println(String.format("| %s | %s | %s | | |", what, size, text));
        console.out().flush();
    }
}
