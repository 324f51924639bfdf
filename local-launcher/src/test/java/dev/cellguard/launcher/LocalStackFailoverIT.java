package dev.cellguard.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.support.security.Roles;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first failover, end to end on real parts: embedded SQS and PostgreSQL, the local ARC, two
 * demo cells and the three packaged services as separate processes.
 */
class LocalStackFailoverIT {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path home = Path.of(System.getProperty("cellguard.home", "..")).toAbsolutePath().normalize();
        stack = LocalStack.start(LocalStackConfig.ephemeral(home, Files.createTempDirectory("cellguard-it")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void failingThePrimaryCellRoutesTrafficToTheSecondaryAndTheAuditTrailTellsTheStory() {
        assertThat(routing(LocalStack.PRIMARY_ROUTING_CONTROL_ARN)).isEqualTo(RoutingControlState.ON);
        assertThat(routing(LocalStack.SECONDARY_ROUTING_CONTROL_ARN)).isEqualTo(RoutingControlState.OFF);
        // Both cells must be known healthy before the primary fails, or there is nowhere to fail over to.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                healthEvents("HEALTHY").stream().map(e -> (String) e.get("cell")).distinct().count() == 2);

        stack.cell(LocalStack.PRIMARY_CELL).fail();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                routing(LocalStack.PRIMARY_ROUTING_CONTROL_ARN) == RoutingControlState.OFF
                        && routing(LocalStack.SECONDARY_ROUTING_CONTROL_ARN) == RoutingControlState.ON);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> unhealthy = healthEvents("UNHEALTHY").stream()
                    .filter(e -> LocalStack.PRIMARY_CELL.equals(e.get("cell"))).findFirst().orElseThrow();
            List<Map<String, Object>> routingChanges = events().getList(
                    "items.event.findAll { it.type == 'routing.control.changed' }");
            assertThat(routingChanges).isNotEmpty();
            assertThat(routingChanges.get(0).get("correlationId")).isEqualTo(unhealthy.get("correlationId"));
            assertThat(events().getList("items.event.findAll { it.type == 'failover.decision' }.payload.outcome"))
                    .contains("EXECUTED");
        });
    }

    @Test
    void deployingAnotherVersionToOneCellIsDriftTheAuditTrailRecords() {
        stack.cell(LocalStack.SECONDARY_CELL).deployVersion("1.1.0");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> drift = events().getList(
                        "items.event.findAll { it.type == 'resourceset.drift.detected' }.payload");
                assertThat(drift).isNotEmpty();
                assertThat(drift.get(0)).containsEntry("resourceSet", "orders-app-version");
                assertThat(drift.get(0).toString()).contains("1.1.0").contains("1.0.0");
            });
        } finally {
            stack.cell(LocalStack.SECONDARY_CELL).deployVersion("1.0.0");
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !events().getList("items.event.findAll { it.type == 'resourceset.drift.resolved' }").isEmpty());
    }

    private static RoutingControlState routing(String arn) {
        return stack.arc().routingControlState(arn);
    }

    private static List<Map<String, Object>> healthEvents(String status) {
        return events().getList("items.event.findAll { it.type == 'cell.health.changed' && it.payload.status == '"
                + status + "' }");
    }

    private static JsonPath events() {
        URI audit = stack.serviceUrl("audit-service");
        return given().baseUri(audit.toString()).auth().oauth2(stack.token(Roles.AUDITOR)).get("/api/audit/events?limit=1000")
                .then().statusCode(200).extract().jsonPath();
    }
}
