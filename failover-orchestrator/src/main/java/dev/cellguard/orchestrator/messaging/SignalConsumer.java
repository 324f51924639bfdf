package dev.cellguard.orchestrator.messaging;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.orchestrator.failover.FailoverService;
import dev.cellguard.support.sqs.InboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the signal queue. A message is deleted once its signal is recorded; one that is not a valid
 * event is nacked and, after the queue's maxReceiveCount, lands in the DLQ.
 */
@ApplicationScoped
public class SignalConsumer {

    /** The channel name; its queue is set in application.properties. */
    public static final String CHANNEL = "signals";

    private final InboundEvents inbound;
    private final FailoverService failover;

    @Inject
    public SignalConsumer(InboundEvents inbound, FailoverService failover) {
        this.inbound = inbound;
        this.failover = failover;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onMessage(Message<String> message) {
        return inbound.decode(message)
                .map(event -> dispatch(event).thenCompose(ignored -> message.ack()))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private CompletionStage<Void> dispatch(EventEnvelope<?> event) {
        return failover.onSignal(event);
    }
}
