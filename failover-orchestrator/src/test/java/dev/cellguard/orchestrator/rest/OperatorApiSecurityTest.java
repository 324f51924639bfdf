package dev.cellguard.orchestrator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cellguard.orchestrator.failover.LocalArcTestResource;
import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.ApiRoutes;
import dev.cellguard.testsupport.ApiRoutes.Route;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the running application, as its own OpenAPI document lists them, is closed to
 * callers without a valid token and to roles it does not admit. A route added without security
 * fails here, whatever its path or method.
 */
@QuarkusTest
@TestProfile(OwnApplication.class)
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LocalArcTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class OperatorApiSecurityTest {

    @InjectTokens
    Tokens tokens;

    private List<Route> routes;

    @BeforeEach
    void readTheRoutesFromTheOpenApiDocument() {
        routes = ApiRoutes.fromOpenApi(UUID.randomUUID().toString());
    }

    @Test
    void theOpenApiDocumentListsEveryOperatorRouteAndNothingOutsideApi() {
        assertThat(routes).map(Route::toString).contains(
                "GET /api/state",
                "GET /api/decisions",
                "POST /api/decisions/{id}/approve",
                "POST /api/decisions/{id}/reject",
                "POST /api/failover",
                "POST /api/automation/freeze",
                "POST /api/automation/unfreeze");
        assertThat(routes).allSatisfy(route -> assertThat(route.template()).startsWith("/api/"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerSchemeForEveryRoute() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
        assertThat(document.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(document.getString("components.securitySchemes.bearer.bearerFormat")).isEqualTo("JWT");
        for (Route route : routes) {
            String operation = "paths.'" + route.template() + "'." + route.method().toLowerCase(Locale.ROOT);
            assertThat(document.getList(operation + ".security.bearer")).as("%s security", route).isNotEmpty();
        }
    }

    @Test
    void everyRouteAnswers401ProblemWithoutAToken() {
        everyRoute(route -> send(route, given()), 401, "no token");
    }

    @Test
    void everyRouteAnswers401ToATokenSignedByAnotherKey() {
        everyRoute(route -> send(route, given().auth().oauth2(tokens.signedByAnotherKey(Roles.ADMIN))), 401,
                "a token signed by another key");
    }

    @Test
    void everyRouteAnswers401ToAnExpiredToken() {
        everyRoute(route -> send(route, given().auth().oauth2(tokens.expired(Roles.ADMIN))), 401, "an expired token");
    }

    @Test
    void everyRouteAnswers401ToATokenFromAnotherIssuer() {
        everyRoute(route -> send(route, given().auth().oauth2(tokens.fromAnotherIssuer(Roles.ADMIN))), 401,
                "a token from another issuer");
    }

    @Test
    void everyRouteAnswers401ToSomethingThatIsNotAToken() {
        everyRoute(route -> send(route, given().header("Authorization", "Bearer not-a-jwt")), 401, "a malformed token");
    }

    @Test
    void everyRouteAnswers403ToAValidTokenWithoutACellguardRole() {
        everyRoute(route -> send(route, given().auth().oauth2(tokens.forUser("someone", "developers"))), 403,
                "a token with no cellguard role");
    }

    @Test
    void everyMutatingRouteAnswers403ToAViewer() {
        List<Route> mutating = routes.stream().filter(Route::mutating).toList();
        assertThat(mutating).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Route route : mutating) {
            Response answer = send(route, given().auth().oauth2(tokens.viewer()));
            softly.assertThat(answer.statusCode()).as("%s with a viewer token", route).isEqualTo(403);
            softly.assertThat(answer.contentType()).as("%s with a viewer token", route).startsWith("application/problem+json");
        }
        softly.assertAll();
    }

    @Test
    void everyReadingRouteAdmitsEveryRole() {
        List<Route> reading = routes.stream().filter(route -> !route.mutating()).toList();
        assertThat(reading).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Route route : reading) {
            for (String role : List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN)) {
                int status = send(route, given().auth().oauth2(tokens.forRole(role))).statusCode();
                softly.assertThat(status).as("%s with a %s token", route, role).isNotIn(401, 403).isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void healthMetricsAndTheApiDocumentStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theUnauthorizedAnswerChallengesForABearerToken() {
        given().get("/api/state").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    private void everyRoute(Function<Route, Response> call, int expected, String what) {
        ApiRoutes.assertEvery(routes, call, expected, what);
    }

    /** Sends the route's request; a mutating one with a well-formed body, so only security can refuse it. */
    private static Response send(Route route, RequestSpecification request) {
        if (route.mutating()) {
            request = request.contentType(ContentType.JSON)
                    .body("{\"reason\":\"security test\",\"targetCell\":\"eu-west-1\"}");
        }
        return request.request(route.method(), route.path());
    }
}
