package io.foldline.chain.submit;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submitter's durable memory: an append-only text file, one record a line, each append fsync'd before
 * the call returns. An intent is written before its transaction is broadcast, so that after a crash every
 * transaction that may be in flight is known by hash, nonce and signed bytes; an outcome is written once a
 * window is confirmed or definitively failed. The layout is in the package documentation. A last line
 * without its newline is a write torn by a crash and is dropped (and truncated away) on open.
 */
final class SettlementJournal implements AutoCloseable {
    static final String HEADER = "# foldline settlement journal v1";

    /** A signed transaction for a window, recorded before its broadcast. */
    record Intent(WindowId windowId, String contract, BigInteger nonce, String txHash, BigInteger priorityFee,
                  BigInteger maxFee, BigInteger gasLimit, String rawTx) {
    }

    /** How a window ended: CONFIRMED (with its tx and block) or FAILED (with a reason). */
    record Outcome(WindowId windowId, WindowStatus.State state, String txHash, BigInteger block, String reason) {
    }

    /** One window's history since its last outcome: the intents still in play, or the outcome itself. */
    record Entry(List<Intent> openIntents, Outcome lastOutcome) {
        boolean inFlight() {
            return !openIntents.isEmpty();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<WindowId, Entry> entries = new LinkedHashMap<>();

    private SettlementJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static SettlementJournal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            boolean fresh = !Files.exists(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            SettlementJournal j = new SettlementJournal(file, ch);
            if (fresh || ch.size() == 0) {
                j.append(HEADER);
            } else {
                j.load();
            }
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("settlement journal " + file + ": " + e.getMessage(), e);
        }
    }

    Map<WindowId, Entry> entries() {
        return Map.copyOf(entries);
    }

    Entry entry(WindowId id) {
        return entries.get(id);
    }

    synchronized void intent(Intent i) {
        append(String.join("\t", "I", i.windowId().hex(), i.contract(), i.nonce().toString(), i.txHash(),
                i.priorityFee().toString(), i.maxFee().toString(), i.gasLimit().toString(), i.rawTx()));
        apply(i);
    }

    synchronized void outcome(Outcome o) {
        append(String.join("\t", "O", o.windowId().hex(), o.state().name(), o.txHash() == null ? "-" : o.txHash(),
                o.block() == null ? "-" : o.block().toString(), escape(o.reason())));
        apply(o);
    }

    private void apply(Intent i) {
        Entry e = entries.get(i.windowId());
        List<Intent> open = new ArrayList<>(e == null ? List.of() : e.openIntents());
        open.add(i);
        entries.put(i.windowId(), new Entry(List.copyOf(open), e == null ? null : e.lastOutcome()));
    }

    private void apply(Outcome o) {
        entries.put(o.windowId(), new Entry(List.of(), o));
    }

    private void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long pos = channel.size();
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("settlement journal " + file + ": cannot append: " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        if (end < all.length) {
            channel.truncate(end);
            channel.force(true);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new FormatException(file + ": line 1: expected header '" + HEADER + "'");
        }
        for (int n = 1; n < lines.length; n++) {
            parse(lines[n], n + 1);
        }
    }

    private void parse(String line, int lineNo) {
        String[] f = line.split("\t", -1);
        String where = file + ": line " + lineNo + ": ";
        try {
            if (f[0].equals("I") && f.length == 9) {
                apply(new Intent(new WindowId(f[1]), f[2], new BigInteger(f[3]), f[4], new BigInteger(f[5]),
                        new BigInteger(f[6]), new BigInteger(f[7]), f[8]));
            } else if (f[0].equals("O") && f.length == 6) {
                apply(new Outcome(new WindowId(f[1]), WindowStatus.State.valueOf(f[2]), f[3].equals("-") ? null : f[3],
                        f[4].equals("-") ? null : new BigInteger(f[4]), unescape(f[5])));
            } else {
                throw new FormatException(where + "expected an I record of 9 fields or an O record of 6, got '"
                        + f[0] + "' with " + f.length);
            }
        } catch (IllegalArgumentException e) {
            throw new FormatException(where + e.getMessage(), e);
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                b.append(d == 't' ? '\t' : d == 'n' ? '\n' : d == 'r' ? '\r' : d);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // every record was forced when written
        }
    }
}
