package dev.cellguard.support.sqs;

import dev.cellguard.contracts.EventEnvelope;
import java.util.concurrent.CompletionStage;

/** Sends one event to some queues; the stage completes once every queue accepted it. */
@FunctionalInterface
public interface EventTransport {

    CompletionStage<Void> send(EventEnvelope<?> event, String... queueNames);
}
