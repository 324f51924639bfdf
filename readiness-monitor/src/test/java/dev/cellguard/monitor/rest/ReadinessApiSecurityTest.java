package dev.cellguard.monitor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.DemoCellsTestResource;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the readiness API, as its own OpenAPI document lists them, needs a valid token with
 * the viewer, operator or admin role; health and metrics stay open for probes and scrapers. A route
 * added without security fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DemoCellsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class ReadinessApiSecurityTest {

    @InjectTokens
    Tokens tokens;

    private List<String[]> routes;

    @BeforeEach
    void readTheRoutes() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        routes = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().forEach(method -> routes.add(new String[] {
                method.toUpperCase(Locale.ROOT), template, template.replaceAll("\\{[^}]+}", "us-west-2")})));
    }

    @Test
    void theDocumentListsEveryReadinessRoute() {
        assertThat(routes).extracting(r -> r[0] + " " + r[1]).containsExactlyInAnyOrder("GET /api/readiness",
                "GET /api/readiness/cells/{cell}", "GET /api/readiness/resource-sets/{name}");
    }

    @Test
    void everyRouteRefusesCallersWithoutAValidTokenWithAProblemAndABearerChallenge() {
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : routes) {
            Response anonymous = given().request(route[0], route[2]);
            soft.assertThat(anonymous.statusCode()).as("%s without a token", route[1]).isEqualTo(401);
            soft.assertThat(anonymous.contentType()).as("%s without a token", route[1]).startsWith("application/problem+json");
            soft.assertThat(anonymous.header("WWW-Authenticate")).as("%s without a token", route[1]).isEqualTo("Bearer");
            soft.assertThat(given().auth().oauth2(tokens.signedByAnotherKey(Roles.VIEWER)).request(route[0], route[2]).statusCode())
                    .as("%s with a foreign key", route[1]).isEqualTo(401);
            soft.assertThat(given().auth().oauth2(tokens.expired(Roles.VIEWER)).request(route[0], route[2]).statusCode())
                    .as("%s with an expired token", route[1]).isEqualTo(401);
        }
        soft.assertAll();
    }

    @Test
    void everyRouteAdmitsViewersOperatorsAndAdminsButNotAuditors() {
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : routes) {
            Response auditor = given().auth().oauth2(tokens.forRole(Roles.AUDITOR)).request(route[0], route[2]);
            soft.assertThat(auditor.statusCode()).as("%s as auditor", route[1]).isEqualTo(403);
            soft.assertThat(auditor.contentType()).as("%s as auditor", route[1]).startsWith("application/problem+json");
            for (String role : List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN)) {
                soft.assertThat(given().auth().oauth2(tokens.forRole(role)).request(route[0], route[2]).statusCode())
                        .as("%s as %s", route[1], role).isNotIn(401, 403).isLessThan(500);
            }
        }
        soft.assertAll();
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
