package dev.cellguard.audit;

import static dev.cellguard.audit.AuditEvents.decision;
import static dev.cellguard.audit.AuditEvents.health;
import static dev.cellguard.audit.AuditEvents.routing;
import static dev.cellguard.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.support.sqs.CellguardQueues;
import dev.cellguard.testsupport.InjectSqs;
import dev.cellguard.testsupport.PostgresTestResource;
import dev.cellguard.testsupport.QueueInspector;
import dev.cellguard.testsupport.SqsServer;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.cellguard.testsupport.JwtTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class AuditQueryTest extends AuditorSession {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectSqs
    SqsServer sqs;

    private QueueInspector audit;

    @BeforeEach
    void open() {
        audit = new QueueInspector(sqs, CellguardQueues.AUDIT);
    }

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void anIncidentTellsItsStagesAndHowLongEachTook() {
        Instant t0 = Instant.parse("2026-10-01T03:12:00Z");
        EventEnvelope<?> down = health("us-west-2", "us-west-2", HealthStatus.UNHEALTHY, t0);
        EventEnvelope<FailoverDecision> awaiting = decision(down, DecisionOutcome.AWAITING_APPROVAL, "automation", t0.plusMillis(400));
        EventEnvelope<FailoverDecision> approved = decision(awaiting, DecisionOutcome.APPROVED, "alice", t0.plusSeconds(90));
        EventEnvelope<FailoverDecision> executed = decision(approved, DecisionOutcome.EXECUTED, "alice", t0.plusSeconds(91));
        EventEnvelope<?> changed = routing(executed, t0.plusMillis(91_050));
        // Arrival order differs from occurrence order; the timeline follows occurrence.
        for (EventEnvelope<?> e : List.of(changed, awaiting, down, executed, approved)) {
            send(audit, e);
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/audit/incidents/" + down.correlationId()).then()
                .statusCode(200)
                .body("events.size()", equalTo(5))
                .body("stages.detected", equalTo("2026-10-01T03:12:00Z"))
                .body("durations.detectionToDecisionMs", equalTo(400))
                .body("durations.decisionToApprovalMs", equalTo(89_600))
                .body("durations.approvalToRoutingChangeMs", equalTo(1_050))
                .body("durations.detectionToRoutingChangeMs", equalTo(91_050))
                .body("events[0].event.type", equalTo("cell.health.changed")));
        given().get("/api/audit/events?actor=alice&outcome=APPROVED").then().statusCode(200)
                .body("items.event.id", equalTo(List.of(approved.id().toString())));
        given().get("/api/audit/incidents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void filtersCombineAndSeveralTypesMayBeAsked() {
        String cell = "filter-" + Integer.toHexString(new java.util.Random().nextInt(1 << 20));
        Instant t = Instant.parse("2026-09-15T00:00:00Z");
        EventEnvelope<?> a = health(cell, "us-west-2", HealthStatus.UNHEALTHY, t);
        EventEnvelope<?> b = health(cell, "eu-west-1", HealthStatus.HEALTHY, t.plusSeconds(10));
        EventEnvelope<?> c = decision(a, DecisionOutcome.BLOCKED, "automation", t.plusSeconds(20));
        List.of(a, b, c).forEach(e -> send(audit, e));
        await().atMost(WAIT).until(() -> ids("/api/audit/events?correlationId=" + a.correlationId()).size() == 2);

        assertThat(ids("/api/audit/events?cell=" + cell + "&observer=eu-west-1")).containsExactly(b.id().toString());
        assertThat(ids("/api/audit/events?cell=" + cell + "&from=2026-09-15T00:00:05Z&to=2026-09-15T00:00:15Z"))
                .containsExactly(b.id().toString());
        assertThat(ids("/api/audit/events?type=failover.decision&type=cell.health.changed&correlationId=" + a.correlationId()))
                .containsExactly(c.id().toString(), a.id().toString());
        assertThat(ids("/api/audit/events?type=failover.decision&outcome=BLOCKED&correlationId=" + a.correlationId()))
                .containsExactly(c.id().toString());
        given().get("/api/audit/events/" + b.id()).then().statusCode(200).body("event.payload.observer", equalTo("eu-west-1"));
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("limit=0", "limit"), Arguments.of("limit=1001", "limit"), Arguments.of("limit=ten", "limit"),
                Arguments.of("from=yesterday", "from"), Arguments.of("to=2026-13-01T00:00:00Z", "to"),
                Arguments.of("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to"),
                Arguments.of("correlationId=not-a-uuid", "correlationId"), Arguments.of("type=cell.mood.changed", "type"),
                Arguments.of("cursor=garbage", "cursor"), Arguments.of("cursor=djE6YWJjOjE", "cursor"),
                Arguments.of("cell=" + "x".repeat(300), "cell"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreA400ProblemNamingTheParameter(String query, String parameter) {
        given().get("/api/audit/events?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter));
    }

    @Test
    void aBadEventIdIsA400AndAnUnknownOneA404() {
        given().get("/api/audit/events/nope").then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/audit/events/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "x'; DROP TABLE audit_record; --", "\" OR 1=1 --", "%' --", "orders') UNION SELECT * FROM audit_chain_head --"})
    void sqlInjectionInAnyFilterFindsNothingAndHarmsNothing(String attack) {
        send(audit, health("injection-cell", "us-west-2", HealthStatus.HEALTHY, Instant.now()));
        await().atMost(WAIT).until(() -> !ids("/api/audit/events?cell=injection-cell").isEmpty());
        int before = ids("/api/audit/events?limit=1000").size();

        for (String parameter : List.of("recoveryGroup", "cell", "observer", "actor", "outcome")) {
            given().queryParam(parameter, attack).get("/api/audit/events").then().statusCode(200).body("items.size()", equalTo(0));
            given().queryParam(parameter, attack).get("/api/audit/export").then().statusCode(200);
        }
        for (String parameter : List.of("type", "correlationId", "from", "to", "cursor", "limit")) {
            given().queryParam(parameter, attack).get("/api/audit/events").then().statusCode(400);
        }

        assertThat(ids("/api/audit/events?limit=1000")).hasSizeGreaterThanOrEqualTo(before);
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void keysetPagesStayCorrectWhileRecordsAreInserted() throws Exception {
        String cell = "paging";
        Instant base = Instant.parse("2026-08-01T00:00:00Z");
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            EventEnvelope<?> e = health(cell, "us-west-2", i % 2 == 0 ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, base.plusSeconds(i));
            original.add(e.id().toString());
            send(audit, e);
        }
        await().atMost(WAIT).until(() -> allPages("/api/audit/events?cell=" + cell + "&limit=1000").size() == 120);

        // Newer records arrive while a reader pages through with a small page size.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 60; i++) {
                send(audit, health(cell, "us-west-2", HealthStatus.HEALTHY, Instant.now()));
            }
        });
        List<String> seen = allPages("/api/audit/events?cell=" + cell + "&to=2026-08-02T00:00:00Z&limit=7");
        writer.get();

        assertThat(seen).doesNotHaveDuplicates().hasSize(120);
        assertThat(new HashSet<>(seen)).isEqualTo(original);
        List<String> firstTwo = ids("/api/audit/events?cell=" + cell + "&to=2026-08-02T00:00:00Z&limit=2");
        assertThat(seen.subList(0, 2)).isEqualTo(firstTwo);
    }

    @Test
    void exportsStreamNdjsonAndCsvWithTheSameFilters() {
        EventEnvelope<?> e = health("export-cell", "us-west-2", HealthStatus.UNHEALTHY, Instant.now());
        send(audit, e);
        await().atMost(WAIT).until(() -> !ids("/api/audit/events?cell=export-cell").isEmpty());

        String ndjson = given().get("/api/audit/export?format=ndjson&cell=export-cell").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        assertThat(ndjson.lines().toList()).hasSize(1).first().satisfies(line -> assertThat(new JsonPath(line).getString("id"))
                .isEqualTo(e.id().toString()));
        String csv = given().get("/api/audit/export?format=csv&cell=export-cell").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(0)).startsWith("seq,recorded_at,occurred_at,type");
        assertThat(csv.lines().toList().get(1)).contains(e.id().toString()).contains("UNHEALTHY");
        given().get("/api/audit/export?format=xml").then().statusCode(400).body("parameter", equalTo("format"));
    }

    private static List<String> ids(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("items.event.id", String.class);
    }

    private static List<String> allPages(String path) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().get(path + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.event.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
