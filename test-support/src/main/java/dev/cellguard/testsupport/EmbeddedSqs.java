package dev.cellguard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An in-process SQS server (ElasticMQ) on 127.0.0.1 that the real AWS SDK talks to: FIFO queues,
 * deduplication ids and DLQ redrive behave as in SQS. Starts in about a second.
 */
public final class EmbeddedSqs implements SqsServer {

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

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
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
