package dev.cellguard.monitor.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventPayload;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import dev.cellguard.support.security.Roles;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.BearerSession;
import dev.cellguard.testsupport.DemoCells;
import dev.cellguard.testsupport.DemoCellsTestResource;
import dev.cellguard.testsupport.InjectDemoCells;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every event type the monitor emits arrives on both the signal and the audit queue, valid against
 * its schema (the inspector decodes with the schema check), once per transition.
 */
@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DemoCellsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class MonitorEventsTest extends BearerSession {

    @Override
    protected String role() {
        return Roles.VIEWER;
    }


    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectSqs
    SqsServer sqs;

    @InjectDemoCells
    DemoCells cells;

    private QueueInspector signals;
    private QueueInspector audit;

    @BeforeEach
    void openQueues() {
        signals = new QueueInspector(sqs, CellguardQueues.SIGNALS);
        audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
        await().atMost(WAIT).until(() -> count(signals, CellReadinessChanged.class, e -> e.status() == Readiness.READY) >= 2
                || given().get("/api/readiness").jsonPath().getString("recoveryGroups[0].status").equals("READY"));
    }

    @AfterEach
    void restoreCells() {
        cells.recoverAll();
        await().atMost(WAIT).until(() -> "READY".equals(given().get("/api/readiness").jsonPath()
                .getString("recoveryGroups[0].status")));
        signals.close();
        audit.close();
    }

    @Test
    void aFailingCellIsAnnouncedOnceOnTheSignalAndAuditQueues() {
        cells.get("us-west-2").fail();

        for (QueueInspector queue : List.of(signals, audit)) {
            await().atMost(WAIT).until(() -> count(queue, CellHealthChanged.class, unhealthy()) == 1);
        }
        // Probes keep failing, but only the transition is announced.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                count(signals, CellHealthChanged.class, unhealthy()) == 1
                        && count(audit, CellHealthChanged.class, unhealthy()) == 1);

        EventEnvelope<?> event = events(signals, CellHealthChanged.class, unhealthy()).get(0);
        CellHealthChanged payload = (CellHealthChanged) event.payload();
        assertThat(event.recoveryGroup()).isEqualTo("orders");
        assertThat(event.cell()).isEqualTo("us-west-2");
        assertThat(event.source().service()).isEqualTo("readiness-monitor");
        assertThat(payload.observer()).isEqualTo("local");
        assertThat(payload.previousStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(payload.reason()).isEqualTo("HTTP 503");
        // An unhealthy cell is not ready to take traffic either.
        await().atMost(WAIT).until(() -> count(signals, CellReadinessChanged.class,
                e -> e.status() == Readiness.NOT_READY && e.notReadyRules().contains("http-health.each.healthy")) == 1);
    }

    @Test
    void aVersionDeployedToOneCellOnlyIsDriftThatMakesBothCellsNotReadyUntilResolved() {
        cells.get("eu-west-1").deployVersion("1.1.0");

        for (QueueInspector queue : List.of(signals, audit)) {
            await().atMost(WAIT).until(() -> count(queue, ResourceSetDriftDetected.class, d -> true) == 1);
        }
        ResourceSetDriftDetected drift = (ResourceSetDriftDetected) events(signals, ResourceSetDriftDetected.class, d -> true)
                .get(0).payload();
        assertThat(drift.resourceSet()).isEqualTo("orders-app-version");
        assertThat(drift.ruleIds()).containsExactly("http-json.all.equal");
        assertThat(drift.differences()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("/app/version");
            assertThat(d.values()).extractingByKeys("us-west-2", "eu-west-1")
                    .extracting(JsonNode::asText).containsExactly("1.0.0", "1.1.0");
        });
        await().atMost(WAIT).until(() -> count(signals, CellReadinessChanged.class,
                e -> e.status() == Readiness.NOT_READY) >= 2);
        given().get("/api/readiness/resource-sets/orders-app-version").then().statusCode(200)
                .body("drifting", org.hamcrest.Matchers.equalTo(true));

        cells.get("eu-west-1").deployVersion("1.0.0");

        for (QueueInspector queue : List.of(signals, audit)) {
            await().atMost(WAIT).until(() -> count(queue, ResourceSetDriftResolved.class,
                    r -> r.ruleIds().contains("http-json.all.equal")) == 1);
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                count(signals, ResourceSetDriftDetected.class, d -> true) == 1);
    }

    @Test
    void aSnapshotIsSentPeriodicallySoALateConsumerCatchesUp() {
        for (QueueInspector queue : List.of(signals, audit)) {
            await().atMost(WAIT).until(() -> count(queue, ReadinessSnapshot.class, s -> true) >= 2);
        }
        ReadinessSnapshot snapshot = (ReadinessSnapshot) events(signals, ReadinessSnapshot.class, s -> true).get(0).payload();
        assertThat(snapshot.observer()).isEqualTo("local");
        assertThat(snapshot.cells()).containsOnlyKeys("us-west-2", "eu-west-1");
        assertThat(snapshot.resourceSets()).containsOnlyKeys("orders-health", "orders-app-version");
    }

    private static Predicate<CellHealthChanged> unhealthy() {
        return e -> e.status() == HealthStatus.UNHEALTHY;
    }

    private static <P extends EventPayload> long count(QueueInspector queue, Class<P> type, Predicate<P> filter) {
        return events(queue, type, filter).size();
    }

    @SuppressWarnings("unchecked")
    private static <P extends EventPayload> List<EventEnvelope<?>> events(QueueInspector queue, Class<P> type, Predicate<P> filter) {
        return queue.drainEvents().stream()
                .filter(e -> type.isInstance(e.payload()) && filter.test((P) e.payload()))
                .toList();
    }
}
