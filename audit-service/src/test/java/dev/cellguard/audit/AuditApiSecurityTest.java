package dev.cellguard.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.InjectTokens;
import dev.cellguard.testsupport.JwtTestResource;
import dev.cellguard.testsupport.PostgresTestResource;
import dev.cellguard.testsupport.SqsTestResource;
import dev.cellguard.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private List<String[]> routes;

    @BeforeEach
    void readTheRoutes() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        routes = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().forEach(method -> routes.add(new String[] {
                method.toUpperCase(Locale.ROOT), template, template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString())})));
    }

    @Test
    void theDocumentListsEveryAuditRoute() {
        assertThat(routes).extracting(r -> r[0] + " " + r[1]).contains("GET /api/audit/events", "GET /api/audit/events/{id}",
                "GET /api/audit/incidents/{correlationId}", "GET /api/audit/export", "GET /api/audit/verify");
        assertThat(routes).allSatisfy(r -> assertThat(r[1]).startsWith("/api/"));
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
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : routes) {
            Response anonymous = given().request(route[0], route[2]);
            soft.assertThat(anonymous.statusCode()).as("%s without a token", route[1]).isEqualTo(401);
            soft.assertThat(anonymous.contentType()).as("%s without a token", route[1]).startsWith("application/problem+json");
            soft.assertThat(anonymous.header("WWW-Authenticate")).as("%s without a token", route[1]).isEqualTo("Bearer");
            soft.assertThat(given().auth().oauth2(tokens.signedByAnotherKey(Roles.AUDITOR)).request(route[0], route[2]).statusCode())
                    .as("%s with a foreign key", route[1]).isEqualTo(401);
            soft.assertThat(given().auth().oauth2(tokens.expired(Roles.AUDITOR)).request(route[0], route[2]).statusCode())
                    .as("%s with an expired token", route[1]).isEqualTo(401);
        }
        soft.assertAll();
    }

    @Test
    void everyRouteAdmitsViewersAndAuditorsOnly() {
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : routes) {
            for (String role : List.of(Roles.OPERATOR, Roles.ADMIN)) {
                Response refused = given().auth().oauth2(tokens.forRole(role)).request(route[0], route[2]);
                soft.assertThat(refused.statusCode()).as("%s as %s", route[1], role).isEqualTo(403);
                soft.assertThat(refused.contentType()).as("%s as %s", route[1], role).startsWith("application/problem+json");
            }
            for (String role : List.of(Roles.VIEWER, Roles.AUDITOR)) {
                soft.assertThat(given().auth().oauth2(tokens.forRole(role)).request(route[0], route[2]).statusCode())
                        .as("%s as %s", route[1], role).isNotIn(401, 403).isLessThan(500);
            }
        }
        soft.assertAll();
    }
}
