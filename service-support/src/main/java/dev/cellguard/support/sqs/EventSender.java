package dev.cellguard.support.sqs;

import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Sends events onto SQS FIFO queues as plain JSON text: MessageGroupId keeps one cell's events in
 * order, MessageDeduplicationId is the event id so that resending after a failure never delivers an
 * event twice. No Java-specific message attributes are added, so any consumer can read the body.
 */
@ApplicationScoped
public class EventSender implements EventTransport {

    private final SqsAsyncClient sqs;
    private final EventCodec codec;
    private final ConcurrentMap<String, CompletableFuture<String>> queueUrls = new ConcurrentHashMap<>();

    @Inject
    public EventSender(SqsAsyncClient sqs, EventCodec codec) {
        this.sqs = sqs;
        this.codec = codec;
    }

    /** Completes once every queue has accepted the event; fails if any did not. */
    @Override
    public CompletionStage<Void> send(EventEnvelope<?> event, String... queueNames) {
        String body = codec.toJson(event);
        CompletableFuture<?>[] sends = Arrays.stream(queueNames)
                .map(queue -> queueUrl(queue).thenCompose(url -> sqs.sendMessage(b -> b
                        .queueUrl(url)
                        .messageBody(body)
                        .messageGroupId(event.messageGroupId())
                        .messageDeduplicationId(event.deduplicationId()))))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    private CompletableFuture<String> queueUrl(String queueName) {
        CompletableFuture<String> url = queueUrls.computeIfAbsent(queueName,
                name -> sqs.getQueueUrl(b -> b.queueName(name)).thenApply(r -> r.queueUrl()));
        // A failed look-up is not cached: the next send asks again.
        url.whenComplete((ok, failure) -> {
            if (failure != null) {
                queueUrls.remove(queueName, url);
            }
        });
        return url;
    }
}
