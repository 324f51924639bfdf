package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a PostgreSQL 17 (embedded, or a container with {@code -Pcontainers}) for a {@code @QuarkusTest} and points the datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer postgres;

    /** The server to start; {@link RestartablePostgresTestResource} starts one it can stop and restart. */
    protected PostgresServer startServer() {
        return TestInfrastructure.startPostgres();
    }

    @Override
    public Map<String, String> start() {
        postgres = startServer();
        String url = postgres.createDatabase("cellguard_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres, new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, postgres.getClass()));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
