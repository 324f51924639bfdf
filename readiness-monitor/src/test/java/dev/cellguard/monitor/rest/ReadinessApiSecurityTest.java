package dev.cellguard.monitor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.ApiRoutes;
import dev.cellguard.testsupport.ApiRoutes.Route;
import dev.cellguard.testsupport.DemoCellsTestResource;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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

    private List<Route> routes;

    @BeforeEach
    void readTheRoutes() {
        routes = ApiRoutes.fromOpenApi("us-west-2");
    }

    @Test
    void theDocumentListsEveryReadinessRoute() {
        assertThat(routes).map(Route::toString).containsExactlyInAnyOrder("GET /api/readiness",
                "GET /api/readiness/cells/{cell}", "GET /api/readiness/resource-sets/{name}");
    }

    @Test
    void everyRouteRefusesCallersWithoutAValidTokenWithAProblemAndABearerChallenge() {
        ApiRoutes.assertEvery(routes, r -> given().request(r.method(), r.path()), 401, "no token");
        ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.signedByAnotherKey(Roles.VIEWER)).request(r.method(), r.path()),
                401, "a foreign key");
        ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.expired(Roles.VIEWER)).request(r.method(), r.path()),
                401, "an expired token");
    }

    @Test
    void everyRouteAdmitsViewersOperatorsAndAdminsButNotAuditors() {
        ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.auditor()).request(r.method(), r.path()), 403,
                "an auditor token");
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            for (String role : List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN)) {
                soft.assertThat(given().auth().oauth2(tokens.forRole(role)).request(route.method(), route.path()).statusCode())
                        .as("%s as %s", route, role).isNotIn(401, 403).isLessThan(500);
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
