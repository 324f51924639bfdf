package dev.cellguard.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the application one cell runs: {@code GET /health} answers 200 or 503,
 * {@code POST /fail} and {@code POST /recover} flip it, {@code GET /info} describes the deployed
 * version, and {@code POST /version?v=…} changes it (to cause drift between cells).
 */
public final class DemoCell implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean healthy = true;
    private volatile String version;

    private DemoCell(String name, HttpServer server, ExecutorService executor, String version) {
        this.name = name;
        this.server = server;
        this.executor = executor;
        this.version = version;
    }

    /** Starts a healthy cell on 127.0.0.1; port 0 picks a free one. */
    public static DemoCell start(String name, int port) {
        return start(name, "127.0.0.1", port);
    }

    /** Starts a healthy cell listening on the given address; port 0 picks a free one. */
    public static DemoCell start(String name, String bindAddress, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "demo-cell-" + name);
                t.setDaemon(true);
                return t;
            });
            DemoCell cell = new DemoCell(name, server, executor, "1.0.0");
            server.createContext("/health", cell::health);
            server.createContext("/fail", exchange -> cell.flip(exchange, false));
            server.createContext("/recover", exchange -> cell.flip(exchange, true));
            server.createContext("/info", cell::info);
            server.createContext("/version", cell::setVersion);
            server.setExecutor(executor);
            server.start();
            return cell;
        } catch (IOException e) {
            throw new UncheckedIOException("demo cell " + name + " cannot listen on port " + port, e);
        }
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : server.getAddress().getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    public URI healthUrl() {
        return baseUrl().resolve("/health");
    }

    public void fail() {
        healthy = false;
    }

    public void recover() {
        healthy = true;
    }

    public boolean isHealthy() {
        return healthy;
    }

    /** Deploys another version to this cell (what {@code POST /version?v=} does). */
    public void deployVersion(String version) {
        this.version = version;
    }

    private void health(HttpExchange exchange) throws IOException {
        respond(exchange, healthy ? 200 : 503, "{\"cell\":\"" + name + "\",\"status\":\"" + (healthy ? "UP" : "DOWN") + "\"}");
    }

    private void flip(HttpExchange exchange, boolean toHealthy) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"use POST\"}");
            return;
        }
        healthy = toHealthy;
        health(exchange);
    }

    private void info(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "{\"cell\":\"" + name + "\",\"app\":{\"name\":\"orders\",\"version\":\"" + version + "\"}}");
    }

    private void setVersion(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (!"POST".equals(exchange.getRequestMethod()) || query == null || !query.matches("v=[A-Za-z0-9._-]{1,32}")) {
            respond(exchange, 400, "{\"error\":\"POST /version?v=<version>\"}");
            return;
        }
        version = query.substring(2);
        info(exchange);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
