package dev.cellguard.support.sqs;

import dev.cellguard.contracts.EventEnvelope;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes events reliably and in order. An event counts as emitted only once every target queue
 * accepted it; a failed send is retried with the same event id (the FIFO deduplication id), with
 * backoff, until it is accepted. Events of one message group (one cell) are sent one after another,
 * so a retry never lets a later event overtake an earlier one.
 */
@ApplicationScoped
public class EventPublisher {

    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final EventTransport sender;
    private final Map<String, CompletableFuture<Void>> tailByGroup = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-publisher-retry");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public EventPublisher(EventSender sender) {
        this((EventTransport) sender);
    }

    public EventPublisher(EventTransport sender) {
        this.sender = sender;
    }

    /** Queues the event for every given queue; the future completes once all accepted it. */
    public CompletableFuture<Void> publish(EventEnvelope<?> event, List<String> queueNames) {
        pending.incrementAndGet();
        CompletableFuture<Void> sent = tailByGroup.compute(event.messageGroupId(), (group, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return previous.thenCompose(ignored -> sendUntilAccepted(event, queueNames, 1, FIRST_RETRY));
        });
        sent.whenComplete((ok, failure) -> {
            pending.decrementAndGet();
            tailByGroup.remove(event.messageGroupId(), sent);
        });
        return sent;
    }

    /** Events accepted for publishing and not yet acknowledged by SQS. */
    public int pendingCount() {
        return pending.get();
    }

    private CompletableFuture<Void> sendUntilAccepted(EventEnvelope<?> event, List<String> queues, int attempt, Duration backoff) {
        return sender.send(event, queues.toArray(String[]::new)).toCompletableFuture()
                .handle((ok, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (retries.isShutdown()) {
                        return CompletableFuture.<Void>failedFuture(failure);
                    }
                    Log.warnf("Sending %s %s failed (attempt %d), retrying in %d ms: %s",
                            event.type(), event.id(), attempt, backoff.toMillis(), failure.getMessage());
                    CompletableFuture<Void> retried = new CompletableFuture<>();
                    retries.schedule(() -> sendUntilAccepted(event, queues, attempt + 1, next(backoff))
                            .whenComplete((r, f) -> {
                                if (f == null) {
                                    retried.complete(null);
                                } else {
                                    retried.completeExceptionally(f);
                                }
                            }), backoff.toMillis(), TimeUnit.MILLISECONDS);
                    return retried;
                })
                .thenCompose(f -> f);
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }

    @PreDestroy
    public void stop() {
        retries.shutdownNow();
        if (pending.get() > 0) {
            Log.warnf("Stopping with %d event(s) not yet accepted by SQS", pending.get());
        }
    }
}
