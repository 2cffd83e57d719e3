package io.foldline.jobs.settle;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Lets tests outside this package inject a crash just before a settlement transaction commits. */
public final class SettlementServiceHooks {
    private SettlementServiceHooks() {
    }

    public static void beforeCommit(SettlementService service, Consumer<List<ProducerRecord<byte[], byte[]>>> hook) {
        service.beforeCommit(hook);
    }
}
