package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.Fr;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.source.RawRecord;
import io.foldline.jobs.validate.Accepted;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.jobs.validate.ValidateRequests;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.InferenceRequest;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of malformed request becomes one dead letter with its reason and original bytes. */
class ValidateRequestsTest {
    @TempDir
    static Path dir;
    static ModelSpec spec;
    static double[] row;

    @BeforeAll
    static void compile() {
        spec = TestModels.digits(dir, false);
        row = TestModels.digitsRows().get(0);
    }

    @Test
    void validRequestPassesUnchanged() throws Exception {
        InferenceRequest r = Requests.request("ok-1", TestModels.DIGITS, 1000, row);
        Run run = validate(Requests.raw(r, 7));
        assertEquals(List.of(), run.dead());
        assertEquals(1, run.accepted().size());
        assertEquals(r, run.accepted().get(0).request());
        assertEquals(7, run.accepted().get(0).source().offset());
    }

    @Test
    void garbageAndTrailingBytesAreUndecodable() throws Exception {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
        byte[] valid = AvroBinary.encode(Requests.request("x", TestModels.DIGITS, 1, row));
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        Run run = validate(Requests.raw(garbage, 1), Requests.raw(trailing, 2), Requests.raw(new byte[0], 3));
        assertEquals(List.of(), run.accepted());
        assertEquals(3, run.dead().size());
        for (DeadLetter d : run.dead()) {
            assertEquals(DeadLetterReason.UNDECODABLE, d.getReason());
        }
        assertArrayEquals(garbage, bytes(run.dead().get(0).getOriginal()));
        assertArrayEquals(trailing, bytes(run.dead().get(1).getOriginal()));
        assertTrue(run.dead().get(1).getMessage().contains("trailing"), run.dead().get(1).getMessage());
        assertEquals(2, run.dead().get(1).getOffset());
        assertEquals("inference-requests", run.dead().get(1).getSourceTopic());
    }

    @Test
    void eachModelProblemHasItsReason() throws Exception {
        double[] big = row.clone();
        big[5] = 1e6;
        double[] nan = row.clone();
        nan[0] = Double.NaN;
        InferenceRequest shortSalt = Requests.request("salt-short", TestModels.DIGITS, 1, row);
        shortSalt.setSalt(ByteBuffer.wrap(new byte[31]));
        InferenceRequest bigSalt = Requests.request("salt-r", TestModels.DIGITS, 1, row);
        bigSalt.setSalt(ByteBuffer.wrap(toWord(Fr.MODULUS)));
        Run run = validate(
                Requests.raw(Requests.request("m", "no_such_model", 1, row), 1),
                Requests.raw(Requests.request("s", TestModels.DIGITS, 1, Arrays.copyOf(row, 63)), 2),
                Requests.raw(Requests.request("r", TestModels.DIGITS, 1, big), 3),
                Requests.raw(Requests.request("n", TestModels.DIGITS, 1, nan), 4),
                Requests.raw(shortSalt, 5),
                Requests.raw(bigSalt, 6),
                Requests.raw(Requests.request("", TestModels.DIGITS, 1, row), 7));
        assertEquals(List.of(), run.accepted());
        List<DeadLetterReason> reasons = run.dead().stream().map(DeadLetter::getReason).toList();
        assertEquals(List.of(DeadLetterReason.UNKNOWN_MODEL, DeadLetterReason.WRONG_SHAPE,
                DeadLetterReason.OUT_OF_RANGE, DeadLetterReason.OUT_OF_RANGE, DeadLetterReason.WRONG_SHAPE,
                DeadLetterReason.OUT_OF_RANGE, DeadLetterReason.UNDECODABLE), reasons);
        assertTrue(run.dead().get(0).getMessage().contains("no_such_model"), run.dead().get(0).getMessage());
        assertTrue(run.dead().get(1).getMessage().contains("63 values"), run.dead().get(1).getMessage());
        assertTrue(run.dead().get(2).getMessage().contains("input[5]"), run.dead().get(2).getMessage());
    }

    @Test
    void saltBelowModulusIsAccepted() throws Exception {
        InferenceRequest r = Requests.request("salted", TestModels.DIGITS, 1, row);
        r.setSalt(ByteBuffer.wrap(toWord(Fr.MODULUS.subtract(BigInteger.ONE))));
        assertEquals(1, validate(Requests.raw(r, 1)).accepted().size());
    }

    record Run(List<Accepted> accepted, List<DeadLetter> dead) {
    }

    private static Run validate(RawRecord... records) throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, Accepted> h =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ValidateRequests(Map.of(spec.id(), spec)))) {
            for (RawRecord r : records) {
                h.processElement(r, r.timestamp());
            }
            var side = h.getSideOutput(DeadLetters.TAG);
            List<DeadLetter> dead = side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
            return new Run(h.extractOutputValues(), dead);
        }
    }

    static byte[] toWord(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
