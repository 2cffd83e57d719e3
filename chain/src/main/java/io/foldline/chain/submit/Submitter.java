package io.foldline.chain.submit;

import io.foldline.chain.submit.WindowStatus.State;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Settles windows on chain: {@link #offer} queues a window, and one thread sends whatever is pending every
 * {@code interval}, or as soon as {@code batchSize} windows wait, then follows each transaction to
 * CONFIRMED or FAILED. The states, the journal and the fee policy are described in the package
 * documentation. One submitter per key and journal file: two would race for nonces.
 *
 * <p>Life-cycle: {@link #open}, {@link #start} (checks the chain id, recovers in-flight windows from the
 * journal, resyncs the nonce; throws {@link SubmitterException} if the node is on another chain or
 * unreachable), {@link #offer} any number of times, {@link #close}.
 */
public final class Submitter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Submitter.class.getName());

    private final String rpcUrl;
    private final Web3j web3j;
    private final Rpc rpc;
    private final SettlementJournal journal;
    private final Settler settler;
    private final SubmitterOptions options;
    private final Consumer<WindowStatus> listener;
    private final Queue<PendingWindow> inbox = new ConcurrentLinkedQueue<>();
    private final Map<WindowId, WindowStatus> statuses = new ConcurrentHashMap<>();
    // Touched only by the loop thread (and by start() before the loop exists).
    private final Map<WindowId, PendingWindow> pending = new LinkedHashMap<>();
    private final Map<WindowId, String> pendingReasons = new HashMap<>();
    private final Map<WindowId, Tracked> inFlight = new LinkedHashMap<>();
    private ScheduledExecutorService loop;
    private long lastFlushNanos;
    private volatile String halted;

    private Submitter(String rpcUrl, SigningKey key, Path journalFile, SettledCheck check, SubmitterOptions options,
                      Consumer<WindowStatus> listener) {
        this.rpcUrl = rpcUrl;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.rpc = new Rpc(web3j, rpcUrl, options.rpcAttempts(), options.rpcBackoff());
        this.journal = SettlementJournal.open(journalFile);
        this.options = options;
        this.listener = listener;
        this.settler = new Settler(rpc, key, journal, check, options, this::emit);
    }

    /** Opens the journal (creating it if absent); nothing touches the node until {@link #start}. */
    public static Submitter open(String rpcUrl, SigningKey key, Path journal, SettledCheck check,
                                 SubmitterOptions options, Consumer<WindowStatus> listener) {
        return new Submitter(rpcUrl, key, journal, check, options, listener);
    }

    public synchronized void start() {
        if (loop != null) {
            throw new IllegalStateException("submitter already started");
        }
        BigInteger id = rpc.checked("eth_chainId", () -> web3j.ethChainId().send()).getChainId();
        if (id.longValue() != options.chainId()) {
            throw new SubmitterException("node " + rpcUrl + " reports chain id " + id
                    + " but the submitter is configured for chain id " + options.chainId()
                    + "; refusing to sign or send anything");
        }
        journal.entries().forEach((windowId, entry) -> {
            if (entry.inFlight()) {
                Tracked t = settler.adopt(entry);
                if (!t.done) {
                    inFlight.put(windowId, t);
                }
            }
        });
        settler.nonces().resync();
        lastFlushNanos = System.nanoTime();
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "foldline-submitter");
            th.setDaemon(true);
            return th;
        });
        loop.scheduleWithFixedDelay(this::step, 0, options.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a window; a window already queued, in flight or confirmed is not sent again. */
    public void offer(PendingWindow window) {
        inbox.add(window);
    }

    public Optional<WindowStatus> status(WindowId id) {
        return Optional.ofNullable(statuses.get(id));
    }

    public Map<WindowId, WindowStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /** Why the loop stopped on an unexpected error, or null while it runs. */
    public String halted() {
        return halted;
    }

    /** Test hook: see {@link Settler#afterBroadcast}. */
    void afterBroadcast(Consumer<SettlementJournal.Intent> hook) {
        settler.afterBroadcast(hook);
    }

    private void step() {
        try {
            drainInbox();
            flushIfDue();
            advanceAll();
        } catch (NodeUnreachableException e) {
            failAll(e.getMessage());
        } catch (SubmitterException e) {
            // The node answered with an error we did not expect; the next poll tries again.
            LOG.log(Level.WARNING, "submitter step: {0}", e.getMessage());
        } catch (RuntimeException | Error e) {
            // Fail-stop: the in-memory state may now disagree with the journal, which a restart reconciles.
            halted = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.ERROR, "submitter halted: {0}", halted);
            loop.shutdown();
        }
    }

    private void drainInbox() {
        for (PendingWindow w; (w = inbox.poll()) != null; ) {
            WindowId id = w.id();
            if (pending.containsKey(id) || inFlight.containsKey(id)) {
                continue;
            }
            SettlementJournal.Entry e = journal.entry(id);
            if (e != null && !e.inFlight() && e.lastOutcome().state() == State.CONFIRMED) {
                SettlementJournal.Outcome o = e.lastOutcome();
                emit(new WindowStatus(id, State.CONFIRMED, "already confirmed (journal): " + o.reason(), o.txHash(),
                        o.block()));
                continue;
            }
            pending.put(id, w);
            emit(WindowStatus.of(id, State.PENDING, "queued"));
        }
    }

    private void flushIfDue() {
        boolean due = pending.size() >= options.batchSize()
                || System.nanoTime() - lastFlushNanos >= options.interval().toNanos();
        if (!due || pending.isEmpty()) {
            return;
        }
        lastFlushNanos = System.nanoTime();
        for (Iterator<PendingWindow> it = pending.values().iterator(); it.hasNext(); ) {
            PendingWindow w = it.next();
            Settler.FirstTry result;
            try {
                result = settler.tryFirst(w);
            } catch (NodeUnreachableException e) {
                throw e;
            } catch (SubmitterException e) {
                // Nothing of this window is in flight unless the journal says so, and then a new offer adopts it.
                result = Settler.FirstTry.RESOLVED;
                emit(WindowStatus.of(w.id(), State.FAILED, e.getMessage()));
            }
            if (result.waitReason() != null) {
                if (!result.waitReason().equals(pendingReasons.put(w.id(), result.waitReason()))) {
                    emit(WindowStatus.of(w.id(), State.PENDING, result.waitReason()));
                }
                continue;
            }
            it.remove();
            pendingReasons.remove(w.id());
            if (result.tracked() != null && !result.tracked().done) {
                inFlight.put(w.id(), result.tracked());
            }
        }
    }

    private void advanceAll() {
        for (Iterator<Tracked> it = inFlight.values().iterator(); it.hasNext(); ) {
            Tracked t = it.next();
            settler.advance(t);
            if (t.done) {
                it.remove();
            }
        }
    }

    private void failAll(String reason) {
        for (PendingWindow w : pending.values()) {
            emit(WindowStatus.of(w.id(), State.FAILED, reason));
        }
        for (Tracked t : inFlight.values()) {
            emit(new WindowStatus(t.window.id(), State.FAILED, reason + "; its transaction may still be mined: the "
                    + "journal keeps it, and a restart or a new offer re-checks it", t.latest().txHash(), null));
        }
        pending.clear();
        pendingReasons.clear();
        inFlight.clear();
    }

    private void emit(WindowStatus s) {
        statuses.put(s.windowId(), s);
        LOG.log(Level.INFO, "window {0}: {1} {2}{3}", s.windowId(), s.state(), s.reason(),
                s.txHash() == null ? "" : " (tx " + s.txHash() + ")");
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "status listener failed on window {0}: {1}", s.windowId(), e.toString());
        }
    }

    /** Stops the loop (letting a step in progress finish), then closes the journal and the connection. */
    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.shutdown();
            try {
                if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
                    loop.shutdownNow();
                }
            } catch (InterruptedException e) {
                loop.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        journal.close();
        web3j.shutdown();
    }

    @Override
    public String toString() {
        return "Submitter[" + rpcUrl + ", chain " + options.chainId() + "]";
    }
}
