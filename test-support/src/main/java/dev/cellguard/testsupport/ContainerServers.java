package dev.cellguard.testsupport;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code containers} profile's servers: PostgreSQL 17 and ElasticMQ in Docker through
 * Testcontainers. Loaded only when {@code cellguard.test.infra=containers}, so the default build
 * needs neither Docker nor Testcontainers on the class path.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String ELASTICMQ_IMAGE = "softwaremill/elasticmq-native:1.6.11";

    private ContainerServers() {
    }

    static SqsServer startSqs() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(ELASTICMQ_IMAGE))
                .withExposedPorts(9324)
                .waitingFor(Wait.forListeningPort());
        container.start();
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(9324));
        return new SqsServer() {
            @Override
            public URI endpoint() {
                return endpoint;
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static PostgresServer startPostgres() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
        container.start();
        return new PostgresServer() {
            @Override
            public String user() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
