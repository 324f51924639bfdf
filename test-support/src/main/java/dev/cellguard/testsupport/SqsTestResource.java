package dev.cellguard.testsupport;

import dev.cellguard.support.sqs.CellguardQueues;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Starts an SQS server (embedded, or a container with {@code -Pcontainers}) with cellguard's queues for a {@code @QuarkusTest} and points the
 * service at it. Tests reach the server through a {@link SqsServer} field annotated {@link InjectSqs}.
 */
public class SqsTestResource implements QuarkusTestResourceLifecycleManager {

    /** Receives before a message moves to its DLQ, as in production. */
    public static final int MAX_RECEIVE_COUNT = 5;

    private SqsServer sqs;

    @Override
    public Map<String, String> start() {
        sqs = TestInfrastructure.startSqs();
        sqs.createQueues(List.of(CellguardQueues.SIGNALS, CellguardQueues.AUDIT), MAX_RECEIVE_COUNT, 5);
        return Map.of(
                "cellguard.sqs.endpoint", sqs.endpoint().toString(),
                "cellguard.sqs.region", SqsServer.REGION,
                "cellguard.sqs.access-key-id", SqsServer.ACCESS_KEY_ID,
                "cellguard.sqs.secret-access-key", SqsServer.SECRET_ACCESS_KEY);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sqs, new TestInjector.AnnotatedAndMatchesType(InjectSqs.class, SqsServer.class));
    }

    @Override
    public void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
