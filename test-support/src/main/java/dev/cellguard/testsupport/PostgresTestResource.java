package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a PostgreSQL 17 (embedded, or a container with {@code -Pcontainers}) for a {@code @QuarkusTest} and points the datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer postgres;

    @Override
    public Map<String, String> start() {
        postgres = TestInfrastructure.startPostgres();
        String url = postgres.createDatabase("cellguard_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, PostgresServer.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
