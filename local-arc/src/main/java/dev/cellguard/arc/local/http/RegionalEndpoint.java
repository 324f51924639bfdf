package dev.cellguard.arc.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cellguard.arc.local.Fault;
import dev.cellguard.arc.local.dataplane.ArcServiceException;
import dev.cellguard.arc.local.dataplane.DataPlane;
import dev.cellguard.arc.local.dataplane.DataPlaneRequest;
import dev.cellguard.arc.local.dataplane.DataPlaneResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One regional endpoint: an HTTP server on its own port serving the shared {@link DataPlane}, and
 * the fault currently injected into it.
 *
 * <p>How each fault is produced:
 * <ul>
 *   <li>{@code REFUSE}: the server is stopped (the listening socket is closed, so connections are
 *       refused); clearing the fault binds a new server to the same port.</li>
 *   <li>{@code BLACKHOLE}: the request is read and the exchange is parked without an answer; no
 *       thread waits on it. Parked exchanges are closed (the client sees the connection drop) when
 *       the fault is cleared or replaced, or when the endpoint closes.</li>
 *   <li>{@code SLOW}: the request is served from a scheduler after the latency; no thread sleeps.</li>
 *   <li>{@code UNAVAILABLE}, {@code THROTTLE}, {@code ERROR}: the matching service error, before
 *       the request reaches the data plane (so nothing is changed or counted).</li>
 * </ul>
 */
public final class RegionalEndpoint implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RegionalEndpoint.class.getName());
    private static final int BACKLOG = 64;

    private final String region;
    private final InetAddress bindAddress;
    private final DataPlane dataPlane;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;

    // Guarded by "this".
    private HttpServer server;
    private int port;
    private Fault fault;
    private boolean closed;
    private final Set<HttpExchange> parked = new HashSet<>();

    /**
     * @param region      the region label
     * @param bindAddress the address to listen on
     * @param port        the port; 0 = ephemeral, chosen on {@link #start()} and kept for re-binds
     * @param dataPlane   the shared data plane
     * @param executor    runs the request handlers
     * @param scheduler   delays requests of a {@code SLOW} endpoint
     */
    public RegionalEndpoint(String region, InetAddress bindAddress, int port, DataPlane dataPlane, Executor executor,
                            ScheduledExecutorService scheduler) {
        this.region = region;
        this.bindAddress = bindAddress;
        this.port = port;
        this.dataPlane = dataPlane;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /** Binds and starts serving. */
    public synchronized void start() throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(bindAddress, port), BACKLOG);
        created.createContext("/", this);
        created.setExecutor(executor);
        created.start();
        server = created;
        port = created.getAddress().getPort();
    }

    public String region() {
        return region;
    }

    public synchronized int port() {
        return port;
    }

    /** {@code http://<address>:<port>/v1}, shaped like a real ARC cluster endpoint. */
    public synchronized URI url() {
        String host = bindAddress.isAnyLocalAddress() ? "127.0.0.1" : bindAddress.getHostAddress();
        try {
            return new URI("http", null, host, port, "/v1", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot form the URL of endpoint " + region, e);
        }
    }

    /** Whether the endpoint currently accepts connections. */
    public synchronized boolean listening() {
        return server != null;
    }

    public synchronized Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    /**
     * Replaces the endpoint's fault ({@code null} clears it).
     *
     * @throws UncheckedIOException if the endpoint has to re-bind its port and cannot
     */
    public synchronized void setFault(Fault newFault) {
        if (closed) {
            throw new IllegalStateException("Endpoint " + region + " is closed");
        }
        fault = newFault;
        releaseParked();
        if (newFault != null && newFault.kind() == Fault.Kind.REFUSE) {
            stopListening();
        } else if (server == null) {
            try {
                start();
            } catch (IOException e) {
                throw new UncheckedIOException("Endpoint " + region + " cannot re-bind port " + port, e);
            }
        }
    }

    /** Stops listening, drops every connection and parked request. Idempotent. */
    public synchronized void close() {
        closed = true;
        releaseParked();
        stopListening();
    }

    private void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Closes every parked (blackholed) exchange; without an answer sent, that closes its connection. */
    private void releaseParked() {
        parked.forEach(HttpExchange::close);
        parked.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Fault current;
        synchronized (this) {
            current = fault;
            if (current != null && current.kind() == Fault.Kind.BLACKHOLE && !closed) {
                parked.add(exchange);
                return;
            }
        }
        if (current == null) {
            serve(exchange, body);
            return;
        }
        switch (current.kind()) {
            case SLOW -> delay(exchange, body, current.latencyMs());
            case UNAVAILABLE -> reply(exchange, dataPlane.errorResponse(ArcServiceException.endpointTemporarilyUnavailable(
                    "Endpoint " + region + " is temporarily unavailable; try another cluster endpoint")));
            case THROTTLE -> reply(exchange, dataPlane.errorResponse(ArcServiceException.throttling(
                    "Rate exceeded on endpoint " + region)));
            case ERROR -> reply(exchange, dataPlane.errorResponse(ArcServiceException.internalServer(
                    "Internal error on endpoint " + region)));
            // A request that raced with the endpoint being stopped, or a closed endpoint: drop the connection.
            case REFUSE, BLACKHOLE -> exchange.close();
        }
    }

    private void delay(HttpExchange exchange, byte[] body, long latencyMs) {
        try {
            scheduler.schedule(() -> serve(exchange, body), latencyMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The local ARC is shutting down.
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, byte[] body) {
        var request = new DataPlaneRequest(region, exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        reply(exchange, dataPlane.handle(request));
    }

    private void reply(HttpExchange exchange, DataPlaneResponse response) {
        try {
            HttpResponses.send(exchange, response.status(), DataPlaneResponse.CONTENT_TYPE, response.headers(), response.body());
        } catch (IOException e) {
            // The client went away (e.g. it timed out); nothing to answer to.
            LOG.log(System.Logger.Level.DEBUG, "Endpoint {0}: cannot send the answer: {1}", region, e.toString());
        }
    }
}
