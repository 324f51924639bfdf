package dev.cellguard.monitor.messaging;

import dev.cellguard.support.sqs.SqsConfig;
import java.util.List;

/** Where the monitor's events go: the orchestrator's signal queue and the audit queue. */
final class SignalChannels {

    private SignalChannels() {
    }

    static List<String> of(SqsConfig config) {
        return List.of(config.queues().signals(), config.queues().audit());
    }
}
