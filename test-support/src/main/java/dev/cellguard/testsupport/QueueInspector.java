package dev.cellguard.testsupport;

import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads what arrived on a queue, the way a test wants it: {@link #drain()} takes every visible
 * message off the queue (receive, then delete) and keeps its body, so repeated calls inside an
 * Awaitility condition accumulate everything that was ever sent.
 */
public final class QueueInspector implements AutoCloseable {

    private final SqsAsyncClient sqs;
    private final String queueUrl;
    private final EventCodec codec = new EventCodec();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public QueueInspector(SqsServer server, String queueName) {
        this.sqs = server.newClient();
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).join().queueUrl();
    }

    /** Takes every message now visible off the queue; returns all bodies seen so far, oldest first. */
    public List<String> drain() {
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .join().messages();
            if (batch.isEmpty()) {
                return List.copyOf(bodies);
            }
            for (Message message : batch) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())).join();
            }
        }
    }

    /** Every event seen so far, decoded; fails on a body that is not a valid event. */
    public List<EventEnvelope<?>> drainEvents() {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (String body : drain()) {
            try {
                events.add(codec.fromJson(body));
            } catch (InvalidEventException e) {
                throw new AssertionError("queue holds an invalid event: " + e.getMessage() + "\n" + body, e);
            }
        }
        return events;
    }

    /** Messages currently in the queue, visible or in flight, without taking any. */
    public int approximateDepth() {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).join().attributesAsStrings();
        return Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessages", "0"))
                + Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
    }

    /** Sends a raw body as a foreign producer would: no message attributes at all. */
    public void sendRaw(String body, String groupId, String deduplicationId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageGroupId(groupId)
                .messageDeduplicationId(deduplicationId)).join();
    }

    @Override
    public void close() {
        sqs.close();
    }
}
