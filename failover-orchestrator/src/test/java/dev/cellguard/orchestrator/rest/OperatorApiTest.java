package dev.cellguard.orchestrator.rest;

import static dev.cellguard.orchestrator.failover.LocalArcTestResource.EU;
import static dev.cellguard.orchestrator.failover.LocalArcTestResource.WEST;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.orchestrator.failover.LocalArcTestResource;
import dev.cellguard.orchestrator.failover.LocalArcTestResource.InjectLocalArc;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator API against the local ARC: manual failover, safety rules and their override,
 * freezing automation, and the 4xx answers to bad requests.
 */
@QuarkusTest
@TestProfile(OwnApplication.class)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalArcTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class OperatorApiTest {

    private static final String PROBLEM = "application/problem+json";
    /** The test policy's (and local ARC's) two safety rules: at least one cell On, at most one On. */
    private static final String NO_FAIL_OPEN = LocalArcTestResource.PANEL + "/safetyrule/0f1e2d3c4b5a6978";
    private static final String AT_MOST_ONE_ACTIVE = LocalArcTestResource.PANEL + "/safetyrule/8796a5b4c3d2e1f0";

    @InjectLocalArc
    LocalArc arc;

    @InjectTokens
    Tokens tokens;

    @AfterEach
    void resetArcAndAutomation() {
        arc.reset();
        as(tokens.operator()).post("/api/automation/unfreeze").then().statusCode(200);
    }

    @Test
    void anOperatorsManualFailoverFlipsTheRoutingControlsAndIsRecordedWithTheOperatorAsActor() {
        JsonPath made = failover(tokens.operator(), "eu-west-1", "drill: move orders to Europe")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        assertThat(made.getList("outcome")).containsExactly("EXECUTED");
        assertThat(arc.routingControlState(EU)).isEqualTo(RoutingControlState.ON);
        assertThat(arc.routingControlState(WEST)).isEqualTo(RoutingControlState.OFF);
        JsonPath newest = latestDecisions(1);
        assertThat(newest.getString("[0].outcome")).isEqualTo("EXECUTED");
        assertThat(newest.getString("[0].actor")).isEqualTo("test-operator");
        assertThat(newest.getString("[0].policy")).isEqualTo("manual");
        assertThat(newest.getList("[0].toCells")).containsExactly("eu-west-1");
        assertThat(newest.getString("[0].reason")).contains("drill: move orders to Europe");
        assertThat(newest.getString("[0].id")).isEqualTo(made.getString("[0].id"));
    }

    @Test
    void aPlacementARuleForbidsIsRefusedWith409NamingTheRule() {
        failover(tokens.operator(), "eu-west-1", "first move").then().statusCode(200);

        // Both rules' wait periods (5 s) started with that change: ARC refuses another one now.
        String rule = failover(tokens.operator(), "us-west-2", "move back at once")
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("blockingRule", oneOf(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE))
                .body("decisions.outcome", equalTo(List.of("BLOCKED")))
                .body("detail", containsString("ARC refused"))
                .extract().path("blockingRule");

        assertThat(arc.routingControlState(EU)).isEqualTo(RoutingControlState.ON);
        assertThat(arc.routingControlState(WEST)).isEqualTo(RoutingControlState.OFF);
        JsonPath newest = latestDecisions(1);
        assertThat(newest.getString("[0].outcome")).isEqualTo("BLOCKED");
        assertThat(newest.getString("[0].blockingRule")).isEqualTo(rule);
        assertThat(newest.getString("[0].actor")).isEqualTo("test-operator");
    }

    @Test
    void overridingSafetyRulesIsForAdminsOnly() {
        failover(tokens.operator(), "eu-west-1", "first move").then().statusCode(200);
        Map<String, Object> overriding = Map.of("targetCell", "us-west-2", "reason", "back now, rules or not",
                "overrideSafetyRules", List.of(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE));

        as(tokens.operator()).contentType(ContentType.JSON).body(overriding).post("/api/failover")
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("admin"));
        assertThat(arc.routingControlState(EU)).isEqualTo(RoutingControlState.ON);

        as(tokens.admin()).contentType(ContentType.JSON).body(overriding).post("/api/failover")
                .then().statusCode(200)
                .body("outcome", equalTo(List.of("EXECUTED")))
                .body("[0].actor", equalTo("test-admin"));
        assertThat(arc.routingControlState(WEST)).isEqualTo(RoutingControlState.ON);
        assertThat(arc.routingControlState(EU)).isEqualTo(RoutingControlState.OFF);
        assertThat(arc.changeLog()).hasSize(2);
    }

    @Test
    void freezingAndUnfreezingAutomationShowsInTheState() {
        assertThat(state().getBoolean("automationFrozen")).isFalse();

        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "game day"))
                .post("/api/automation/freeze")
                .then().statusCode(200).body("automationFrozen", equalTo(true));
        assertThat(state().getBoolean("automationFrozen")).isTrue();

        as(tokens.admin()).post("/api/automation/unfreeze")
                .then().statusCode(200).body("automationFrozen", equalTo(false));
        assertThat(state().getBoolean("automationFrozen")).isFalse();
    }

    @Test
    void freezingNeedsNoBody() {
        as(tokens.operator()).post("/api/automation/freeze").then().statusCode(200).body("automationFrozen", equalTo(true));
    }

    @Test
    void rejectingWithoutAReasonIs400NamingTheReason() {
        String path = "/api/decisions/" + UUID.randomUUID() + "/reject";

        as(tokens.operator()).contentType(ContentType.JSON).body("{}").post(path)
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "  ")).post(path)
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
        as(tokens.operator()).post(path)
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
    }

    @Test
    void approvingOrRejectingAnUnknownRequestIs404() {
        UUID unknown = UUID.randomUUID();

        as(tokens.operator()).post("/api/decisions/" + unknown + "/approve")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString(unknown.toString()));
        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "not needed"))
                .post("/api/decisions/" + unknown + "/reject")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anIdThatIsNotAUuidIs400NamingTheId() {
        as(tokens.operator()).post("/api/decisions/not-a-uuid/approve")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("id"));
        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .post("/api/decisions/1-2-3-4-5/reject")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("id"));
    }

    @Test
    void aLimitOutside1To1000Is400NamingTheLimit() {
        for (String bad : List.of("0", "1001", "-1", "ten", "1.5")) {
            as(tokens.viewer()).queryParam("limit", bad).get("/api/decisions")
                    .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("limit"));
        }
        failover(tokens.operator(), "eu-west-1", "something to list").then().statusCode(200);
        arc.reset();
        failover(tokens.operator(), "eu-west-1", "something more to list").then().statusCode(200);

        as(tokens.viewer()).queryParam("limit", "1").get("/api/decisions").then().statusCode(200).body("$", hasSize(1));
        as(tokens.viewer()).queryParam("limit", "1000").get("/api/decisions").then().statusCode(200);
        assertThat(as(tokens.viewer()).get("/api/decisions").then().statusCode(200).extract().jsonPath().getList("$"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aManualFailoverNeedsAKnownTargetCellAndAReason() {
        failover(tokens.operator(), "mars-north-1", "no such place")
                .then().statusCode(400).contentType(PROBLEM)
                .body("parameter", equalTo("targetCell")).body("detail", containsString("mars-north-1"));
        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("targetCell", "eu-west-1"))
                .post("/api/failover")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
        as(tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "somewhere"))
                .post("/api/failover")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("targetCell"));
        as(tokens.operator()).post("/api/failover")
                .then().statusCode(400).contentType(PROBLEM);
        assertThat(arc.changeLog()).isEmpty();
    }

    @Test
    void malformedJsonIs400ProblemNamingTheFieldWhenThereIsOne() {
        as(tokens.operator()).contentType(ContentType.JSON).body("{\"targetCell\": ").post("/api/failover")
                .then().statusCode(400).contentType(PROBLEM);
        as(tokens.operator()).contentType(ContentType.JSON).body("{\"overrideSafetyRules\": \"not a list\"}")
                .post("/api/failover")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("overrideSafetyRules"));
    }

    @Test
    void anUnknownApiPathIsAProblemToo() {
        as(tokens.viewer()).get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM);
        as(tokens.viewer()).delete("/api/state").then().statusCode(405).contentType(PROBLEM);
    }

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private io.restassured.response.Response failover(String token, String cell, String reason) {
        return as(token).contentType(ContentType.JSON).body(Map.of("targetCell", cell, "reason", reason))
                .post("/api/failover");
    }

    private JsonPath latestDecisions(int limit) {
        return as(tokens.viewer()).queryParam("limit", limit).get("/api/decisions")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath state() {
        return as(tokens.viewer()).get("/api/state").then().statusCode(200).extract().jsonPath();
    }
}
