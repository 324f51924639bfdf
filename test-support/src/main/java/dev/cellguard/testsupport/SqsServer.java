package dev.cellguard.testsupport;

import dev.cellguard.support.sqs.QueueProvisioner;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** An SQS-compatible server a test talks to: embedded ElasticMQ by default, a container with {@code -Pcontainers}. */
public interface SqsServer extends AutoCloseable {

    String ACCESS_KEY_ID = "cellguard";
    String SECRET_ACCESS_KEY = "cellguard";
    String REGION = "us-west-2";

    URI endpoint();

    /** A client with the dummy credentials the server accepts. Close it when done. */
    default SqsAsyncClient newClient() {
        return SqsAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .build();
    }

    /** Creates each FIFO queue with its DLQ and redrive policy. */
    default void createQueues(List<String> queueNames, int maxReceiveCount, int visibilityTimeoutSeconds) {
        try (SqsAsyncClient sqs = newClient()) {
            QueueProvisioner provisioner = new QueueProvisioner(sqs, maxReceiveCount, visibilityTimeoutSeconds);
            queueNames.forEach(provisioner::ensureQueueWithDeadLetterQueue);
        }
    }

    @Override
    void close();
}
