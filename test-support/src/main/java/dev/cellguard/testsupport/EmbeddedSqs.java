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
    private final String host;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** Starts on 127.0.0.1 and the given port; 0 picks a free one. */
    public static EmbeddedSqs start(int port) {
        return start("127.0.0.1", "127.0.0.1", port);
    }

    /**
     * @param bindAddress the interface to listen on
     * @param host        the host name clients reach it by, used in queue URLs
     * @param port        0 picks a free one
     */
    public static EmbeddedSqs start(String bindAddress, String host, int port) {
        int actualPort = port == 0 ? freePort() : port;
        SQSRestServer server = SQSRestServerBuilder
                .withPort(actualPort)
                .withInterface(bindAddress)
                .withServerAddress(new NodeAddress("http", host, actualPort, ""))
                .start();
        server.waitUntilStarted();
        return new EmbeddedSqs(server, host, actualPort);
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port);
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
