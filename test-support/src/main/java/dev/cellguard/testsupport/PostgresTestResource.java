package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts an embedded PostgreSQL 17 for a {@code @QuarkusTest} and points the datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresServer.start(0, null);
        String url = postgres.createDatabase("cellguard_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres,
                new TestInjector.AnnotatedAndMatchesType(InjectEmbeddedPostgres.class, EmbeddedPostgresServer.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
