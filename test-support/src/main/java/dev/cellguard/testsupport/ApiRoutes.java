package dev.cellguard.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * Every operation of the running application, as its own OpenAPI document ({@code /q/openapi})
 * lists them: API security tests go through all of them, so a route added without security fails
 * whatever its path or method.
 */
public final class ApiRoutes {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE");

    /** One operation, with its path template filled in. */
    public record Route(String method, String template, String path) {
        public boolean mutating() {
            return MUTATING.contains(method);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private ApiRoutes() {
    }

    /** The operations of the application under test, each path parameter filled with {@code pathValue}. */
    public static List<Route> fromOpenApi(String pathValue) {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().stream()
                .map(key -> key.toUpperCase(Locale.ROOT))
                .filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(new Route(method, template, template.replaceAll("\\{[^}]+}", pathValue)))));
        return routes;
    }

    /**
     * Calls every route and checks that each answers {@code expected} as problem+json — a 401 also
     * with the {@code Bearer} challenge — reporting every route that does not, not just the first.
     *
     * @param what how the calls are made, for the failure messages, e.g. "an expired token"
     */
    public static void assertEvery(List<Route> routes, Function<Route, Response> call, int expected, String what) {
        if (routes.isEmpty()) {
            throw new AssertionError("the OpenAPI document lists no route");
        }
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            Response answer = call.apply(route);
            softly.assertThat(answer.statusCode()).as("%s with %s", route, what).isEqualTo(expected);
            softly.assertThat(answer.contentType()).as("%s with %s", route, what).startsWith("application/problem+json");
            if (expected == 401) {
                softly.assertThat(answer.header("WWW-Authenticate")).as("%s with %s: challenge", route, what).isEqualTo("Bearer");
            }
        }
        softly.assertAll();
    }
}
