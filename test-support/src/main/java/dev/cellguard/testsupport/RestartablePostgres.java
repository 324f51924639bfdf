package dev.cellguard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL that a test can stop and start again on the same port with the same data,
 * to see how a service lives through a database outage.
 */
public final class RestartablePostgres implements PostgresServer {

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgresServer running;

    private RestartablePostgres(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(EmbeddedSqs.freePort(), Files.createTempDirectory("cellguard-pg"));
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; clients get connection errors until {@link #startAgain()}. */
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    public synchronized void startAgain() {
        if (running == null) {
            running = EmbeddedPostgresServer.start(port, dataDirectory);
        }
    }

    @Override
    public String user() {
        return EmbeddedPostgresServer.USER;
    }

    @Override
    public String password() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
