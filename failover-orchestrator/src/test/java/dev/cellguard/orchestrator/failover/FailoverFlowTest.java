package dev.cellguard.orchestrator.failover;

import static dev.cellguard.orchestrator.failover.LocalArcTestResource.EU;
import static dev.cellguard.orchestrator.failover.LocalArcTestResource.WEST;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.RoutingControlChanged;
import dev.cellguard.orchestrator.failover.LocalArcTestResource.InjectLocalArc;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalArcTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class FailoverFlowTest {

    private final EventCodec codec = new EventCodec();

    @InjectSqs
    SqsServer sqs;

    @InjectLocalArc
    LocalArc arc;

    @InjectTokens
    Tokens tokens;

    private QueueInspector signals;
    private QueueInspector signalsDlq;
    private QueueInspector audit;

    @BeforeEach
    void openQueues() {
        signals = new QueueInspector(sqs, CellguardQueues.SIGNALS);
        signalsDlq = new QueueInspector(sqs, CellguardQueues.deadLetterQueueOf(CellguardQueues.SIGNALS));
        audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
    }

    @AfterEach
    void closeQueues() {
        arc.reset();
        signals.close();
        signalsDlq.close();
        audit.close();
    }

    @Test
    void anUnhealthyPrimaryWithAHealthySecondaryFlipsTheRoutingControlsAndIsAudited() {
        signal("eu-west-1", HealthStatus.HEALTHY);
        ready("eu-west-1");
        signal("us-west-2", HealthStatus.HEALTHY);
        EventEnvelope<CellHealthChanged> failure = signal("us-west-2", HealthStatus.UNHEALTHY);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                arc.routingControlState(WEST) == RoutingControlState.OFF && arc.routingControlState(EU) == RoutingControlState.ON);

        await().atMost(Duration.ofSeconds(10)).until(() -> audit.drainEvents().stream()
                .anyMatch(e -> e.payload() instanceof RoutingControlChanged));
        List<EventEnvelope<?>> trail = audit.drainEvents();
        EventEnvelope<?> decision = trail.stream().filter(e -> e.payload() instanceof FailoverDecision d
                && d.outcome() == DecisionOutcome.EXECUTED).findFirst().orElseThrow();
        EventEnvelope<?> change = trail.stream().filter(e -> e.payload() instanceof RoutingControlChanged).findFirst().orElseThrow();
        assertThat(((FailoverDecision) decision.payload()).outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(decision.correlationId()).isEqualTo(failure.correlationId());
        assertThat(decision.causationId()).isEqualTo(failure.id());
        assertThat(change.correlationId()).isEqualTo(failure.correlationId());
        assertThat(change.causationId()).isEqualTo(decision.id());
        RoutingControlChanged changed = (RoutingControlChanged) change.payload();
        assertThat(changed.changes()).extracting(c -> c.cell() + "=" + c.newState().wire())
                .containsExactly("us-west-2=Off", "eu-west-1=On");
        assertThat(changed.attempts()).isGreaterThanOrEqualTo(1);
        assertThat(arc.changeLog()).hasSize(1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("cellguard_arc_attempts_total\\{[^}]*endpoint=\"" + changed.endpointRegion()
                + "\"[^}]*operation=\"UpdateRoutingControlStates\"[^}]*outcome=\"SUCCESS\"[^}]*} 1\\.0");
        assertThat(metrics).contains("cellguard_arc_attempt_seconds_bucket");
    }

    @Test
    void malformedAndUnknownSignalsGoToTheDlqAndTheConsumerKeepsGoing() {
        signals.sendRaw("not json at all", "orders/us-west-2", "bad-" + UUID.randomUUID());
        signals.sendRaw("{\"type\":\"cell.weather.changed\"}", "orders/us-west-2", "unknown-" + UUID.randomUUID());
        EventEnvelope<CellHealthChanged> good = signal("eu-west-1", HealthStatus.UNHEALTHY);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().auth().oauth2(tokens.viewer()).get("/api/state").then().extract().jsonPath()
                        .getList("cells.eu-west-1.signals", String.class).contains(good.id().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> signalsDlq.drain().size() == 2);
        assertThat(signalsDlq.drain()).containsExactlyInAnyOrder("not json at all", "{\"type\":\"cell.weather.changed\"}");
    }

    private void ready(String cell) {
        EventEnvelope<CellReadinessChanged> event = EventEnvelope.create(
                new CellReadinessChanged("local", Readiness.READY, null, null, java.util.Map.of(), List.of()),
                new EventSource("readiness-monitor", "test"), "orders", cell, null, Instant.now());
        signals.sendRaw(codec.toJson(event), event.messageGroupId(), event.deduplicationId());
    }

    private EventEnvelope<CellHealthChanged> signal(String cell, HealthStatus status) {
        EventEnvelope<CellHealthChanged> event = EventEnvelope.create(
                new CellHealthChanged("local", status, null, "http://127.0.0.1:1/health", "test", 3, 1L),
                new EventSource("readiness-monitor", "test"), "orders", cell, null, Instant.now());
        signals.sendRaw(codec.toJson(event), event.messageGroupId(), event.deduplicationId());
        return event;
    }

}
