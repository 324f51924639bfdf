package dev.cellguard.audit;

import static dev.cellguard.audit.AuditEvents.health;
import static dev.cellguard.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.InjectPostgres;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.RestartablePostgres;
import dev.cellguard.testsupport.RestartablePostgresTestResource;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.cellguard.testsupport.JwtTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped mid-stream and started again: every event arrives, exactly once, none in the DLQ. */
@QuarkusTest
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RestartablePostgresTestResource.class, restrictToAnnotatedClass = true)
class AuditOutageTest extends AuditorSession {

    @InjectSqs
    SqsServer sqs;

    @InjectPostgres
    RestartablePostgres postgres;

    @Test
    void everyEventSentWhilePostgresWasDownIsStoredExactlyOnceWhenItReturns() {
        List<EventEnvelope<?>> before = new ArrayList<>();
        List<EventEnvelope<?>> during = new ArrayList<>();
        try (QueueInspector audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
             QueueInspector dlq = new QueueInspector(sqs, CellguardQueues.deadLetterQueueOf(CellguardQueues.AUDIT))) {
            for (int i = 0; i < 20; i++) {
                EventEnvelope<?> e = health("us-west-2", "us-west-2", HealthStatus.UNHEALTHY, Instant.now());
                before.add(e);
                send(audit, e);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> stored() == 20);

            postgres.stop();
            for (int i = 0; i < 40; i++) {
                EventEnvelope<?> e = health("eu-west-1", "us-west-2", HealthStatus.HEALTHY, Instant.now());
                during.add(e);
                send(audit, e);
            }
            // While the database is away the messages wait on the queue: received once, never deleted.
            await().atMost(Duration.ofSeconds(20)).until(() -> audit.approximateDepth() == 40);
            postgres.startAgain();

            await().atMost(Duration.ofSeconds(60)).until(() -> stored() == 60);
            assertThat(ids()).doesNotHaveDuplicates()
                    .containsAll(before.stream().map(e -> e.id().toString()).toList())
                    .containsAll(during.stream().map(e -> e.id().toString()).toList());
            assertThat(dlq.drain()).isEmpty();
            given().get("/api/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true))
                    .body("checked", org.hamcrest.Matchers.equalTo(60));
        }
    }

    private static int stored() {
        try {
            return ids().size();
        } catch (AssertionError | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> ids() {
        return given().get("/api/audit/events?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("items.event.id", String.class);
    }
}
