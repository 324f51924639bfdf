package dev.cellguard.support.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

    /** Fails the first {@code failures} sends, then accepts; records every attempt and every acceptance. */
    private static final class FlakyTransport implements EventTransport {
        final AtomicInteger failuresLeft;
        final List<UUID> attempts = new CopyOnWriteArrayList<>();
        final List<UUID> accepted = new CopyOnWriteArrayList<>();

        FlakyTransport(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public CompletionStage<Void> send(EventEnvelope<?> event, String... queueNames) {
            attempts.add(event.id());
            if (failuresLeft.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("SQS unavailable"));
            }
            accepted.add(event.id());
            return CompletableFuture.completedFuture(null);
        }
    }

    private EventPublisher publisher;

    @AfterEach
    void stop() {
        publisher.stop();
    }

    @Test
    void aFailedSendIsRetriedWithTheSameEventUntilAccepted() {
        FlakyTransport transport = new FlakyTransport(2);
        publisher = new EventPublisher(transport);
        EventEnvelope<CellHealthChanged> event = event("us-west-2");

        CompletableFuture<Void> published = publisher.publish(event, List.of("q"));

        await().atMost(Duration.ofSeconds(5)).until(published::isDone);
        assertThat(published).isCompleted();
        assertThat(transport.attempts).containsExactly(event.id(), event.id(), event.id());
        assertThat(transport.accepted).containsExactly(event.id());
        assertThat(publisher.pendingCount()).isZero();
    }

    @Test
    void aLaterEventOfTheSameCellNeverOvertakesOneBeingRetried() {
        FlakyTransport transport = new FlakyTransport(2);
        publisher = new EventPublisher(transport);
        EventEnvelope<CellHealthChanged> first = event("us-west-2");
        EventEnvelope<CellHealthChanged> second = event("us-west-2");

        publisher.publish(first, List.of("q"));
        CompletableFuture<Void> last = publisher.publish(second, List.of("q"));

        await().atMost(Duration.ofSeconds(5)).until(last::isDone);
        assertThat(transport.accepted).containsExactly(first.id(), second.id());
    }

    private static EventEnvelope<CellHealthChanged> event(String cell) {
        return EventEnvelope.create(new CellHealthChanged("local", HealthStatus.UNHEALTHY, HealthStatus.HEALTHY,
                        "http://x/health", "HTTP 503", 3, 1L),
                new EventSource("readiness-monitor", "test"), "orders", cell, null, Instant.now());
    }
}
