package dev.cellguard.testsupport;

/**
 * Chooses where tests get SQS and PostgreSQL from: embedded in the JVM (the default, no Docker), or
 * containers when the build runs with {@code -Pcontainers} (system property
 * {@code cellguard.test.infra=containers}).
 */
public final class TestInfrastructure {

    public static final String PROPERTY = "cellguard.test.infra";

    private TestInfrastructure() {
    }

    public static boolean containers() {
        return "containers".equals(System.getProperty(PROPERTY));
    }

    public static SqsServer startSqs() {
        return containers() ? ContainerServers.startSqs() : EmbeddedSqs.start(0);
    }

    public static PostgresServer startPostgres() {
        return containers() ? ContainerServers.startPostgres() : EmbeddedPostgresServer.start(0, null);
    }
}
