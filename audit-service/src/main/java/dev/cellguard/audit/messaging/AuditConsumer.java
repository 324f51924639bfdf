package dev.cellguard.audit.messaging;

import dev.cellguard.audit.store.AuditStore;
import dev.cellguard.support.sqs.InboundEvents;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the audit queue. A message is deleted from SQS only after its row is committed; a message
 * that is not a valid event is nacked and reaches the DLQ after the queue's maxReceiveCount.
 */
@ApplicationScoped
public class AuditConsumer {

    /** The channel name; its queue is set in application.properties. */
    public static final String CHANNEL = "audit";

    private final InboundEvents inbound;
    private final AuditStore store;

    @Inject
    public AuditConsumer(InboundEvents inbound, AuditStore store) {
        this.inbound = inbound;
        this.store = store;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> onMessage(Message<String> message) {
        var event = inbound.decode(message);
        if (event.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            boolean stored = store.record(event.get(), message.getPayload());
            Log.debugf("Event %s (%s) %s", event.get().id(), event.get().type(), stored ? "stored" : "already stored");
            return message.ack();
        } catch (RuntimeException e) {
            Log.errorf("Cannot store event %s (%s), leaving it on the queue: %s", event.get().id(), event.get().type(),
                    e.getMessage());
            return message.nack(e);
        }
    }
}
