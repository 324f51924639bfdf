package dev.cellguard.testsupport;

/**
 * Like {@link PostgresTestResource}, but the test gets a {@link RestartablePostgres} (through a field
 * annotated {@link InjectPostgres}) that it can stop and start again mid-test.
 */
public class RestartablePostgresTestResource extends PostgresTestResource {

    @Override
    protected PostgresServer startServer() {
        return RestartablePostgres.start();
    }
}
