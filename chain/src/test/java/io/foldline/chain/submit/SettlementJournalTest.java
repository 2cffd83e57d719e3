package io.foldline.chain.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.submit.SettlementJournal.Intent;
import io.foldline.chain.submit.SettlementJournal.Outcome;
import io.foldline.chain.submit.WindowStatus.State;
import io.foldline.circuits.FormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementJournalTest {
    private static final WindowId A = new WindowId("0x" + "aa".repeat(32));
    private static final WindowId B = new WindowId("bb".repeat(32));
    private static final String CONTRACT = "0x" + "12".repeat(20);

    @TempDir
    Path dir;

    private static Intent intent(WindowId id, long nonce, String hashByte) {
        return new Intent(id, CONTRACT, BigInteger.valueOf(nonce), "0x" + hashByte.repeat(32), BigInteger.TWO,
                BigInteger.TEN, BigInteger.valueOf(60_000), "0x02f8");
    }

    @Test
    void recordsSurviveReopening() {
        Path file = dir.resolve("journal");
        try (SettlementJournal j = SettlementJournal.open(file)) {
            j.intent(intent(A, 0, "01"));
            j.intent(intent(A, 0, "02"));
            j.intent(intent(B, 1, "03"));
            j.outcome(new Outcome(B, State.CONFIRMED, "0x" + "03".repeat(32), BigInteger.valueOf(7),
                    "3 confirmations"));
        }
        try (SettlementJournal j = SettlementJournal.open(file)) {
            SettlementJournal.Entry a = j.entry(A);
            assertTrue(a.inFlight());
            assertEquals(List.of(intent(A, 0, "01"), intent(A, 0, "02")), a.openIntents());
            SettlementJournal.Entry b = j.entry(B);
            assertTrue(b.openIntents().isEmpty());
            assertEquals(State.CONFIRMED, b.lastOutcome().state());
            assertEquals(BigInteger.valueOf(7), b.lastOutcome().block());
        }
    }

    /** A crash in the middle of an append leaves a line without its newline: it is dropped, later appends are clean. */
    @Test
    void tornLastLineIsDropped() throws Exception {
        Path file = dir.resolve("journal");
        try (SettlementJournal j = SettlementJournal.open(file)) {
            j.intent(intent(A, 0, "01"));
        }
        Files.writeString(file, "O\t" + A.hex() + "\tCONFIR", StandardOpenOption.APPEND);
        try (SettlementJournal j = SettlementJournal.open(file)) {
            assertTrue(j.entry(A).inFlight(), "a torn outcome must not count");
            j.outcome(new Outcome(A, State.FAILED, null, null, "tab\there, newline\nhere"));
        }
        try (SettlementJournal j = SettlementJournal.open(file)) {
            assertEquals("tab\there, newline\nhere", j.entry(A).lastOutcome().reason());
            assertNull(j.entry(A).lastOutcome().txHash());
        }
        assertEquals(3, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path file = dir.resolve("journal");
        Files.writeString(file, SettlementJournal.HEADER + "\nI\t" + A.hex() + "\tonly-three\n");
        FormatException e = assertThrows(FormatException.class, () -> SettlementJournal.open(file));
        assertTrue(e.getMessage().startsWith(file + ": line 2: "), e.getMessage());

        Path other = dir.resolve("other");
        Files.writeString(other, "not a journal\n");
        FormatException h = assertThrows(FormatException.class, () -> SettlementJournal.open(other));
        assertTrue(h.getMessage().contains("line 1: expected header"), h.getMessage());
    }

    @Test
    void tenPercentBumpRoundsUp() {
        assertEquals(BigInteger.valueOf(2), FeeOracle.tenPercentMore(BigInteger.ONE));
        assertEquals(BigInteger.valueOf(11), FeeOracle.tenPercentMore(BigInteger.TEN));
        assertEquals(BigInteger.valueOf(3_028_142_500L), FeeOracle.tenPercentMore(BigInteger.valueOf(2_752_856_818L)));
    }
}
