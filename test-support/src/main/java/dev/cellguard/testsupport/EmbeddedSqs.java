package dev.cellguard.testsupport;

import dev.cellguard.support.sqs.QueueProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * An in-process SQS server (ElasticMQ) on 127.0.0.1 that the real AWS SDK talks to: FIFO queues,
 * deduplication ids and DLQ redrive behave as in SQS. Starts in about a second.
 */
public final class EmbeddedSqs implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "cellguard";
    public static final String SECRET_ACCESS_KEY = "cellguard";
    public static final String REGION = "us-west-2";

    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on the given port; 0 picks a free one. */
    public static EmbeddedSqs start(int port) {
        int actualPort = port == 0 ? freePort() : port;
        SQSRestServer server = SQSRestServerBuilder
                .withPort(actualPort)
                .withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", actualPort, ""))
                .start();
        server.waitUntilStarted();
        return new EmbeddedSqs(server, actualPort);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** A client with the dummy credentials this server accepts. Close it when done. */
    public SqsAsyncClient newClient() {
        return SqsAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .build();
    }

    /** Creates each FIFO queue with its DLQ and redrive policy. */
    public void createQueues(List<String> queueNames, int maxReceiveCount, int visibilityTimeoutSeconds) {
        try (SqsAsyncClient sqs = newClient()) {
            QueueProvisioner provisioner = new QueueProvisioner(sqs, maxReceiveCount, visibilityTimeoutSeconds);
            queueNames.forEach(provisioner::ensureQueueWithDeadLetterQueue);
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
