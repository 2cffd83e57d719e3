package io.foldline.cli;

import io.foldline.chain.submit.SettledCheck;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.SubmitterOptions;
import io.foldline.jobs.JobSetupException;
import io.foldline.jobs.kafka.Topics;
import io.foldline.jobs.settle.SettlementService;
import io.foldline.schemas.Settlement;
import io.foldline.schemas.SettlementStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code chain settle}: the settlement service on a window-proofs topic ({@link SettlementService}), with one
 * deployment per model, until Ctrl-C (or, with {@code --until-idle}, until nothing has happened for a while).
 */
final class ChainSettleCommand implements Command {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    @Override
    public String name() {
        return "settle";
    }

    @Override
    public String summary() {
        return "settle every folded window of a window-proofs topic; write statuses, settlements and receipts to Kafka";
    }

    @Override
    public String usage() {
        return "<model>=<deployment.json>... --bootstrap HOST:PORT --keystore FILE (--password-file F | --password-env V)"
                + " [--window-proofs T] [--settlements T] [--receipts T] [--statuses T] [--dead-letters T] [--group G]"
                + " [--journal FILE] [--confirmations N] [--max-fee-gwei X] [--interval S] [--batch K] [--rpc URL]"
                + " [--until-idle S] [--create-topics]";
    }

    @Override
    public String details() {
        return """
                Reads window proofs (read_committed) and settles each FOLDED window with the WindowVerifier its
                model's deployment names (from 'chain deploy'; all deployments must be on one chain). Writes, in
                Kafka transactions together with the consumed offsets: a status per state change (PENDING,
                SUBMITTED, CONFIRMED, FAILED with the reason), a settlement per confirmed window, and one receipt
                per inference (key: request id). A record that is not a window proof goes to the dead letters
                with its bytes. Stopped or killed at any point, a restart with the same --group and --journal
                settles nothing twice and writes every outcome once.
                options:
                  --bootstrap HOST:PORT   the Kafka brokers
                  --window-proofs T       input topic (default window-proofs)
                  --settlements T         default settlements
                  --receipts T            default receipts
                  --statuses T            default settlement-statuses
                  --dead-letters T        default settlement-dead-letters
                  --group G               consumer group, also the transactional id (default foldline-settler)
                  --journal FILE          the submitter's journal (default settlement.journal)
                  --confirmations N       blocks on top before CONFIRMED (default 2)
                  --max-fee-gwei X        the fee cap per gas (default 100)
                  --interval S            send pending windows at least every S seconds (default 30)
                  --batch K               or as soon as K windows wait (default 8)
                  --rpc URL               another endpoint than the one in the deployments
                  --until-idle S          exit once nothing was read or pending for S seconds
                  --create-topics         create the output topics the broker lacks (broker defaults for
                                          partitions and replication); without it a missing topic is refused
                example: foldline chain settle digits_mlp=deployment.json --bootstrap 127.0.0.1:9092
                         --keystore key.json --password-env FOLDLINE_KEY_PASSWORD""";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(ChainAccess.KEY_OPTIONS);
        s.addAll(Set.of("bootstrap", "window-proofs", "settlements", "receipts", "statuses", "dead-letters", "group",
                "journal", "confirmations", "max-fee-gwei", "interval", "batch", "rpc", "until-idle"));
        return s;
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("create-topics");
    }

    @Override
    public int run(Args args, Console out) throws Exception {
        args.expect(1, Integer.MAX_VALUE, usage());
        if (System.getProperty(LOG_FORMAT) == null) {
            // the submitter's status changes are this service's progress: one line each, not JUL's two
            System.setProperty(LOG_FORMAT, "%1$tT %4$s %5$s%6$s%n");
        }
        Map<String, String> contracts = new LinkedHashMap<>();
        ChainDeployment first = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("expected <model>=<deployment.json>, got '" + a + "'");
            }
            ChainDeployment d = ChainDeployment.read(Path.of(a.substring(eq + 1)));
            if (first != null && d.chainId() != first.chainId()) {
                throw new UsageException(a + ": chain id " + d.chainId() + ", but " + args.get(0) + " is on "
                        + first.chainId() + "; one settle service serves one chain");
            }
            first = first == null ? d : first;
            contracts.put(a.substring(0, eq), d.contract());
        }
        String bootstrap = args.option("bootstrap", null);
        if (bootstrap == null) {
            throw new UsageException("missing --bootstrap HOST:PORT (the Kafka brokers)");
        }
        String group = args.option("group", "foldline-settler");
        SettlementService.Config cfg = new SettlementService.Config(bootstrap,
                args.option("window-proofs", "window-proofs"), args.option("settlements", "settlements"),
                args.option("receipts", "receipts"), args.option("statuses", "settlement-statuses"),
                args.option("dead-letters", "settlement-dead-letters"), group, group, contracts, first.chainId());
        SubmitterOptions options = options(args, first.chainId());
        String untilIdle = args.option("until-idle", null);
        Duration idle = untilIdle == null ? null : Duration.ofSeconds(Args.parseInt("--until-idle", untilIdle));
        String rpc = ChainCommands.rpc(args, first);
        Path journal = Path.of(args.option("journal", "settlement.journal"));
        ChainDeployment chainOf = first;
        if (args.flag("create-topics")) {
            List<String> created;
            try {
                created = Topics.createMissing(bootstrap, Stream.of(cfg.settlements(), cfg.receipts(),
                        cfg.statuses(), cfg.deadLetters()).map(t -> new NewTopic(t, Optional.empty(), Optional.empty()))
                        .toList(), Duration.ofSeconds(30));
            } catch (ExecutionException | TimeoutException e) {
                out.err().println("foldline chain settle: cannot create the output topics at " + bootstrap + ": "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                return USAGE;
            }
            if (!created.isEmpty()) {
                out.progress("created topics %s", String.join(", ", created));
            }
        }
        return ChainAccess.guarded(out, "chain settle", () -> {
            SigningKey key = SigningKey.fromKeystore(ChainAccess.keystore(args), ChainAccess.password(args));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread stop = new Thread(() -> running.set(false), "foldline-settle-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try (ChainAccess chain = ChainAccess.connect(rpc, chainOf.chainId());
                 SettlementService service = new SettlementService(cfg, chain.evm(), printer(out));
                 Submitter submitter = Submitter.open(rpc, key, journal, SettledCheck.viewFunction("isSettled"),
                         options, service.listener())) {
                submitter.start();
                out.progress("settling windows of %s for %s from %s on chain %d ...", cfg.windowProofs(),
                        contracts.keySet(), key.address(), chainOf.chainId());
                try {
                    service.run(submitter, running::get, idle);
                } catch (JobSetupException e) {
                    out.err().println("foldline chain settle: " + e.getMessage()
                            + (e.getMessage().contains("missing on the broker") ? " (--create-topics creates them)" : ""));
                    return USAGE;
                }
                out.println("settled " + service.settledCount() + " windows, " + service.failedCount() + " failed, "
                        + service.deadLetteredCount() + " records dead-lettered");
                return service.failedCount() == 0 ? OK : INVALID;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: Ctrl-C
                }
            }
        });
    }

    private static SettlementService.Outcomes printer(Console out) {
        return new SettlementService.Outcomes() {
            @Override
            public void settled(Settlement s) {
                out.println(String.format("window %s: CONFIRMED in block %s, %,d inferences, %s gas", s.getWindowId(),
                        s.getBlock(), s.getSize(), s.getGasUsed() == null ? "?" : String.format("%,d", s.getGasUsed())));
            }

            @Override
            public void failed(SettlementStatus s) {
                out.println("window " + s.getWindowId() + ": FAILED: " + s.getReason());
            }
        };
    }

    private static SubmitterOptions options(Args args, long chainId) {
        int confirmations = args.intOption("confirmations", 2);
        int interval = args.intOption("interval", 30);
        int batch = args.intOption("batch", 8);
        if (confirmations < 1 || interval < 1 || batch < 1) {
            throw new UsageException("--confirmations, --interval and --batch must be at least 1");
        }
        BigInteger maxFee = ChainAccess.gwei(args.option("max-fee-gwei", "100"));
        return SubmitterOptions.builder(chainId, maxFee).confirmations(confirmations).batchSize(batch)
                .interval(Duration.ofSeconds(interval)).poll(Duration.ofMillis(500)).build();
    }
}
