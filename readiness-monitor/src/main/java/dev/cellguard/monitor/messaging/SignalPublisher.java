package dev.cellguard.monitor.messaging;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.support.sqs.EventPublisher;
import dev.cellguard.support.sqs.SqsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends the monitor's events to the orchestrator (signals queue) and to the audit trail. */
@ApplicationScoped
public class SignalPublisher {

    private final EventPublisher publisher;
    private final List<String> queues;

    @Inject
    public SignalPublisher(EventPublisher publisher, SqsConfig sqs) {
        this.publisher = publisher;
        this.queues = List.of(sqs.queues().signals(), sqs.queues().audit());
    }

    public CompletableFuture<Void> publish(EventEnvelope<?> event) {
        return publisher.publish(event, queues);
    }
}
