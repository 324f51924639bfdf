package dev.cellguard.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.PostgresTestResource;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.cellguard.testsupport.JwtTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class AuditIngestTest extends AuditorSession {

    private final EventCodec codec = new EventCodec();

    @InjectSqs
    SqsServer sqs;

    private QueueInspector audit;
    private QueueInspector auditDlq;

    @BeforeEach
    void openQueues() {
        audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
        auditDlq = new QueueInspector(sqs, CellguardQueues.deadLetterQueueOf(CellguardQueues.AUDIT));
    }

    @AfterEach
    void closeQueues() {
        audit.close();
        auditDlq.close();
    }

    @Test
    void eventsArrivingOutOfOrderAreChainedAsTheyArriveAndListedAsTheyHappened() {
        EventEnvelope<CellHealthChanged> older = healthEvent("us-west-2", Instant.parse("2026-11-21T10:00:00Z"));
        EventEnvelope<CellHealthChanged> newer = healthEvent("us-west-2", Instant.parse("2026-11-21T10:00:05Z"));
        send(newer); // the later event arrives first
        send(older);

        await().atMost(Duration.ofSeconds(10)).until(() -> storedIds().containsAll(List.of(older.id(), newer.id())));

        List<UUID> ids = storedIds();
        assertThat(ids.indexOf(newer.id())).as("listed newest first by occurrence").isLessThan(ids.indexOf(older.id()));
        JsonPath stored = given().get("/api/audit/events?limit=1000").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getLong("items.find { it.event.id == '" + newer.id() + "' }.seq"))
                .as("the chain follows arrival").isLessThan(stored.getLong("items.find { it.event.id == '" + older.id() + "' }.seq"));
        assertThat(stored.getString("items.find { it.event.id == '" + newer.id() + "' }.event.payload.status"))
                .isEqualTo("UNHEALTHY");
    }

    @Test
    void storesAnEventSentTwiceOnlyOnce() {
        EventEnvelope<CellHealthChanged> event = healthEvent("eu-west-1", Instant.now());
        String json = codec.toJson(event);
        // Two sends with different deduplication ids both reach the consumer; the event id decides.
        audit.sendRaw(json, event.messageGroupId(), "first-" + event.id());
        audit.sendRaw(json, event.messageGroupId(), "second-" + event.id());
        EventEnvelope<CellHealthChanged> marker = healthEvent("eu-west-1", Instant.now());
        send(marker);

        await().atMost(Duration.ofSeconds(10)).until(() -> storedIds().contains(marker.id()));

        assertThat(storedIds()).filteredOn(event.id()::equals).hasSize(1);
    }

    @Test
    void malformedAndUnknownMessagesFromAForeignProducerGoToTheDlqWhileGoodOnesAreStored() {
        audit.sendRaw("{this is not json", "orders/us-west-2", "bad-json-" + UUID.randomUUID());
        audit.sendRaw("{\"type\":\"cell.mood.changed\",\"id\":\"" + UUID.randomUUID() + "\"}", "orders/us-west-2",
                "unknown-" + UUID.randomUUID());
        EventEnvelope<CellHealthChanged> good = healthEvent("us-west-2", Instant.now());
        send(good);

        await().atMost(Duration.ofSeconds(10)).until(() -> storedIds().contains(good.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> auditDlq.drain().size() == 2);

        assertThat(auditDlq.drain()).anyMatch(body -> body.startsWith("{this is not json"))
                .anyMatch(body -> body.contains("cell.mood.changed"));
    }

    @Test
    void rejectsALimitOutOfRangeWithA400() {
        given().get("/api/audit/events?limit=0").then().statusCode(400);
        given().get("/api/audit/events?limit=5000").then().statusCode(400);
    }

    private void send(EventEnvelope<?> event) {
        audit.sendRaw(codec.toJson(event), event.messageGroupId(), event.deduplicationId());
    }

    private static List<UUID> storedIds() {
        return given().get("/api/audit/events?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("items.event.id", String.class).stream().map(UUID::fromString).toList();
    }

    private static EventEnvelope<CellHealthChanged> healthEvent(String cell, Instant at) {
        return EventEnvelope.create(
                new CellHealthChanged("us-west-2", HealthStatus.UNHEALTHY, HealthStatus.HEALTHY,
                        "http://127.0.0.1:1/health", "HTTP 503", 3, 4L),
                new EventSource("readiness-monitor", "test"), "orders", cell, null, at);
    }
}
