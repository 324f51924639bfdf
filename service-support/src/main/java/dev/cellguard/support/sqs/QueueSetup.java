package dev.cellguard.support.sqs;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Creates cellguard's queues at start-up when {@code cellguard.sqs.create-queues=true} (local and
 * test runs). It observes start-up before the messaging channels connect, because the SQS connector
 * only looks queues up and fails on a missing one.
 */
@ApplicationScoped
public class QueueSetup {

    void createQueues(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            SqsConfig config, SqsAsyncClient sqs) {
        if (!config.createQueues()) {
            return;
        }
        QueueProvisioner provisioner = new QueueProvisioner(sqs, config.maxReceiveCount(), config.visibilityTimeoutSeconds());
        for (String queue : new String[] {config.queues().signals(), config.queues().audit()}) {
            String url = provisioner.ensureQueueWithDeadLetterQueue(queue);
            Log.infof("Queue %s ready at %s (DLQ %s, maxReceiveCount %d)", queue, url,
                    CellguardQueues.deadLetterQueueOf(queue), config.maxReceiveCount());
        }
    }
}
