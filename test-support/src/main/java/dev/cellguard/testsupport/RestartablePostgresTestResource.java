package dev.cellguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Like {@link PostgresTestResource}, but the test gets a {@link RestartablePostgres} (through a field
 * annotated {@link InjectPostgres}) that it can stop and start again mid-test.
 */
public class RestartablePostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private RestartablePostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = RestartablePostgres.start();
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
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, RestartablePostgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
