package io.foldline.cli.demo;

/**
 * The topics, consumer group and transactional-id prefix of one demo run. Each run has its own, named after
 * its start time, so that a kept broker's older runs (and their open or aborted transactions) never mix in.
 */
record DemoTopics(String run, String requests, String windowProofs, String deadLetters) {
    static DemoTopics forRun(String run) {
        String p = "demo-" + run;
        return new DemoTopics(run, p + "-requests", p + "-window-proofs", p + "-dead-letters");
    }

    String settlements() {
        return "demo-" + run + "-settlements";
    }

    String receipts() {
        return "demo-" + run + "-receipts";
    }

    String statuses() {
        return "demo-" + run + "-settlement-statuses";
    }

    String settleDeadLetters() {
        return "demo-" + run + "-settlement-dead-letters";
    }

    String groupId() {
        return "demo-" + run;
    }

    String transactionalIdPrefix() {
        return "foldline-demo-" + run;
    }
}
