package dev.cellguard.monitor.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.BearerSession;
import dev.cellguard.testsupport.DemoCells;
import dev.cellguard.testsupport.DemoCellsTestResource;
import dev.cellguard.testsupport.InjectDemoCells;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DemoCellsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class ReadinessResourceTest extends BearerSession {

    @Override
    protected String role() {
        return Roles.VIEWER;
    }


    @InjectDemoCells
    DemoCells cells;

    @AfterEach
    void restore() {
        cells.recoverAll();
    }

    @Test
    void summarisesTheRecoveryGroupCellsAndResourceSets() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "READY".equals(given().get("/api/readiness").jsonPath().getString("recoveryGroups[0].status")));

        given().get("/api/readiness").then().statusCode(200)
                .body("observer", equalTo("local"))
                .body("recoveryGroups[0].name", equalTo("orders"))
                .body("recoveryGroups[0].cells.us-west-2.status", equalTo("READY"))
                .body("recoveryGroups[0].cells.us-west-2.health", equalTo("HEALTHY"))
                .body("recoveryGroups[0].resourceSets.orders-app-version.type", equalTo("http-json"))
                .body("recoveryGroups[0].resourceSets.orders-app-version.checkedAt", notNullValue());
    }

    @Test
    void aCellShowsWhichRulesKeepItFromReady() {
        cells.get("eu-west-1").fail();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/readiness/cells/eu-west-1").then()
                .statusCode(200)
                .body("status", equalTo("NOT_READY"))
                .body("health", equalTo("UNHEALTHY"))
                .body("resourceSets.orders-health", equalTo("NOT_READY"))
                .body("notReadyRules", hasItem("http-health.each.healthy")));
    }

    @Test
    void aResourceSetShowsEveryRulesStatusMessagesAndLastCheck() {
        cells.get("us-west-2").deployVersion("2.0.0");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/readiness/resource-sets/orders-app-version")
                .then().statusCode(200)
                .body("drifting", equalTo(true))
                .body("cells.us-west-2", equalTo("NOT_READY"))
                .body("rules[0].id", equalTo("http-json.all.equal"))
                .body("rules[0].scope", equalTo("ALL"))
                .body("rules[0].differences[0].valuesByCell.us-west-2", equalTo("2.0.0"))
                .body("rules[0].messages[0]", containsString("/app/version differs"))
                .body("checkedAt", notNullValue()));
    }

    @Test
    void unknownNamesAreProblem404s() {
        given().get("/api/readiness/cells/mars-east-1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("mars-east-1"));
        given().get("/api/readiness/resource-sets/nothing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exposesReadinessAndHealthGaugesAndProbeLatencyHistograms() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cellguard_monitor_cell_readiness{cell=\"us-west-2\",recovery_group=\"orders\",status=\"READY\"} 1.0"))
                .body(containsString("cellguard_monitor_cell_health{cell=\"eu-west-1\",recovery_group=\"orders\",status=\"HEALTHY\"} 1.0"))
                .body(containsString("cellguard_monitor_probe_seconds_bucket")));
    }
}
