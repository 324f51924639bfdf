package dev.cellguard.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.ApiRoutes;
import dev.cellguard.testsupport.ApiRoutes.Route;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.PostgresTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the audit API, as its own OpenAPI document lists them, needs a valid token with
 * the viewer or auditor role. A route added without security fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = SqsTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class AuditApiSecurityTest {

    @InjectTokens
    Tokens tokens;

    private List<Route> routes;

    @BeforeEach
    void readTheRoutes() {
        routes = ApiRoutes.fromOpenApi(UUID.randomUUID().toString());
    }

    @Test
    void theDocumentListsEveryAuditRoute() {
        assertThat(routes).map(Route::toString).contains("GET /api/audit/events", "GET /api/audit/events/{id}",
                "GET /api/audit/incidents/{correlationId}", "GET /api/audit/export", "GET /api/audit/verify");
        assertThat(routes).allSatisfy(r -> assertThat(r.template()).startsWith("/api/"));
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().extract()
                .jsonPath();
        List<String> filters = List.of("type", "recoveryGroup", "cell", "observer", "actor", "outcome", "correlationId", "from", "to");
        assertThat(document.getList("paths.'/api/audit/events'.get.parameters.name", String.class))
                .containsAll(filters).contains("cursor", "limit");
        assertThat(document.getList("paths.'/api/audit/export'.get.parameters.name", String.class))
                .containsAll(filters).contains("format");
    }

    @Test
    void everyRouteRefusesCallersWithoutAValidToken() {
        ApiRoutes.assertEvery(routes, r -> given().request(r.method(), r.path()), 401, "no token");
        ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.signedByAnotherKey(Roles.AUDITOR)).request(r.method(), r.path()),
                401, "a foreign key");
        ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.expired(Roles.AUDITOR)).request(r.method(), r.path()),
                401, "an expired token");
    }

    @Test
    void everyRouteAdmitsViewersAndAuditorsOnly() {
        for (String role : List.of(Roles.OPERATOR, Roles.ADMIN)) {
            ApiRoutes.assertEvery(routes, r -> given().auth().oauth2(tokens.forRole(role)).request(r.method(), r.path()), 403,
                    "an " + role + " token");
        }
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            for (String role : List.of(Roles.VIEWER, Roles.AUDITOR)) {
                soft.assertThat(given().auth().oauth2(tokens.forRole(role)).request(route.method(), route.path()).statusCode())
                        .as("%s as %s", route, role).isNotIn(401, 403).isLessThan(500);
            }
        }
        soft.assertAll();
    }
}
