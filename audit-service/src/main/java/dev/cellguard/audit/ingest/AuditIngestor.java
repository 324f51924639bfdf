package dev.cellguard.audit.ingest;

import dev.cellguard.audit.config.AuditConfig;
import dev.cellguard.audit.store.AuditStore;
import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.InvalidEventException;
import dev.cellguard.support.sqs.SqsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moves the audit queue into PostgreSQL in batches: receive (up to ten a call, and while the queue
 * is full a few calls more, up to {@code max-batch}), decode, store the batch in one transaction,
 * and only then delete its messages. A message that is not a valid event is
 * logged with its id and reason and made visible again at once, so the queue's redrive policy moves
 * it to the DLQ after its last receive; the batch's good messages go on. When PostgreSQL cannot be
 * reached, the batch stays on the queue and the receivers back off, receiving nothing until the
 * database answers again — an outage costs each message at most one receive.
 */
@ApplicationScoped
public class AuditIngestor {

    private final SqsAsyncClient sqs;
    private final SqsConfig sqsConfig;
    private final AuditConfig.Ingest config;
    private final AuditStore store;
    private final EventCodec codec;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter invalid;
    private final Counter storeFailures;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService pollers;
    private volatile String queueUrl;
    private volatile Duration backoff = Duration.ZERO;

    @Inject
    public AuditIngestor(SqsAsyncClient sqs, SqsConfig sqsConfig, AuditConfig config, AuditStore store, EventCodec codec,
            MeterRegistry registry) {
        this.sqs = sqs;
        this.sqsConfig = sqsConfig;
        this.config = config.ingest();
        this.store = store;
        this.codec = codec;
        this.stored = registry.counter("cellguard.audit.ingest.stored");
        this.duplicates = registry.counter("cellguard.audit.ingest.duplicates");
        this.invalid = registry.counter("cellguard.audit.ingest.invalid");
        this.storeFailures = registry.counter("cellguard.audit.ingest.store.failures");
    }

    void start(@Observes StartupEvent event) {
        running.set(true);
        pollers = Executors.newScheduledThreadPool(config.pollers(), r -> {
            Thread t = new Thread(r, "audit-ingest");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < config.pollers(); i++) {
            pollers.execute(this::pollAndReschedule);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        if (pollers != null) {
            pollers.shutdownNow();
        }
    }

    private void pollAndReschedule() {
        if (!running.get()) {
            return;
        }
        Duration pause;
        try {
            pause = pollOnce();
        } catch (RuntimeException e) {
            Log.warnf("Receiving from the audit queue failed: %s", e.getMessage());
            pause = Duration.ofSeconds(1);
        }
        if (running.get() && !pollers.isShutdown()) {
            pollers.schedule(this::pollAndReschedule, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One receive-store-delete round; returns how long to wait before the next. */
    Duration pollOnce() {
        if (!backoff.isZero() && !store.reachable()) {
            backoff = next(backoff);
            return backoff;
        }
        String url = queueUrl();
        List<Message> messages = new ArrayList<>(receive(url, config.waitSeconds()));
        // While the queue is full, gather a few receives into one transaction: fewer commits per event.
        while (messages.size() >= 10 && messages.size() + 10 <= config.maxBatch()) {
            List<Message> more = receive(url, 0);
            messages.addAll(more);
            if (more.size() < 10) {
                break;
            }
        }
        if (messages.isEmpty()) {
            return Duration.ZERO;
        }
        List<AuditStore.Incoming> batch = new ArrayList<>();
        List<Message> good = new ArrayList<>();
        for (Message message : messages) {
            try {
                batch.add(new AuditStore.Incoming(codec.fromJson(message.body()), message.body()));
                good.add(message);
            } catch (InvalidEventException e) {
                invalid.increment();
                Log.warnf("Rejected SQS message %s: %s; it goes to the DLQ after its last receive", message.messageId(), e.getMessage());
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        if (batch.isEmpty()) {
            return Duration.ZERO;
        }
        AuditStore.Appended appended;
        try {
            appended = store.append(batch);
        } catch (RuntimeException e) {
            storeFailures.increment();
            backoff = next(backoff);
            Log.errorf("Cannot store %d event(s), leaving them on the queue and pausing %d ms: %s", batch.size(),
                    backoff.toMillis(), rootMessage(e));
            return backoff;
        }
        if (!backoff.isZero()) {
            Log.infof("PostgreSQL is reachable again: ingest resumes");
            backoff = Duration.ZERO;
        }
        stored.increment(appended.stored());
        duplicates.increment(appended.duplicates());
        delete(url, good);
        return Duration.ZERO;
    }

    private List<Message> receive(String url, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .visibilityTimeout(config.visibilityTimeoutSeconds())).join().messages();
    }

    /** Deletes stored messages, ten to a call. A failed delete only means a redelivery, skipped as a duplicate. */
    private void delete(String url, List<Message> stored) {
        List<java.util.concurrent.CompletableFuture<?>> calls = new ArrayList<>();
        for (int from = 0; from < stored.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, stored.size()); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .receiptHandle(stored.get(i).receiptHandle()).build());
            }
            calls.add(sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries)).thenAccept(result -> {
                if (result.hasFailed() && !result.failed().isEmpty()) {
                    Log.warnf("%d stored message(s) could not be deleted; they will be redelivered and skipped as duplicates",
                            result.failed().size());
                }
            }));
        }
        java.util.concurrent.CompletableFuture.allOf(calls.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(b -> b.queueName(sqsConfig.queues().audit())).join().queueUrl();
        }
        return queueUrl;
    }

    private Duration next(Duration current) {
        Duration doubled = current.isZero() ? Duration.ofMillis(250) : current.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
