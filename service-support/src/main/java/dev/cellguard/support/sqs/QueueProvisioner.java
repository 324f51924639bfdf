package dev.cellguard.support.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a FIFO queue with its FIFO dead-letter queue and a redrive policy. CreateQueue is
 * idempotent for identical attributes, so every local process may call this at start-up.
 * In AWS the queues come from {@code deploy/aws} instead.
 */
public final class QueueProvisioner {

    private final SqsAsyncClient sqs;
    private final int maxReceiveCount;
    private final int visibilityTimeoutSeconds;

    public QueueProvisioner(SqsAsyncClient sqs, int maxReceiveCount, int visibilityTimeoutSeconds) {
        this.sqs = sqs;
        this.maxReceiveCount = maxReceiveCount;
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    }

    /** Creates the queue and its DLQ if missing; returns the queue's URL. */
    public String ensureQueueWithDeadLetterQueue(String queueName) {
        boolean fifo = queueName.endsWith(".fifo");
        String dlqUrl = sqs.createQueue(b -> b.queueName(CellguardQueues.deadLetterQueueOf(queueName))
                .attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of())).join().queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .join().attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        Map<QueueAttributeName, String> attributes = fifo
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                        QueueAttributeName.REDRIVE_POLICY, redrivePolicy)
                : Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                        QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
        return sqs.createQueue(b -> b.queueName(queueName).attributes(attributes)).join().queueUrl();
    }
}
