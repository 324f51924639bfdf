package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.EU_WEST_1;
import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The awsJson1_0 wire format checked byte by byte with a plain HTTP client: the cases an SDK
 * never sends (bad JSON, unknown operations, unsigned calls) and the exact error shape.
 */
class RawProtocolTest {

    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20250101/us-west-2/route53-recovery-cluster/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();
    LocalArc arc;

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0));
    }

    @AfterEach
    void stop() {
        arc.close();
    }

    HttpResponse<String> call(String path, String operation, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(arc.endpoint("us-west-2").url().resolve(path))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", SIGNED)
                .header("X-Amz-Target", "ToggleCustomerAPI." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static void assertError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(json(response).path("__type").asText()).isEqualTo(type);
        assertThat(json(response).path("message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1", "/v1/", "/any/path"})
    void acceptsAnyPath(String path) throws Exception {
        var response = call(path, "GetRoutingControlState", "{\"RoutingControlArn\":\"" + US_WEST_2 + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(json(response).path("RoutingControlState").asText()).isEqualTo("On");
    }

    @Test
    void updateAnswersAnEmptyObject() throws Exception {
        var response = call("/v1", "UpdateRoutingControlStates", """
                {"UpdateRoutingControlStateEntries":[
                  {"RoutingControlArn":"%s","RoutingControlState":"Off"},
                  {"RoutingControlArn":"%s","RoutingControlState":"On"}]}""".formatted(US_WEST_2, EU_WEST_1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    static Stream<Arguments> validationCases() {
        return Stream.of(
                Arguments.of("unknown operation", "DescribeCluster", "{}", "unknownOperation", null),
                Arguments.of("body is not JSON", "ListRoutingControls", "{not json", "cannotParse", null),
                Arguments.of("body is not an object", "ListRoutingControls", "[1,2]", "cannotParse", null),
                Arguments.of("missing ARN", "GetRoutingControlState", "{}", "fieldValidationFailed", "RoutingControlArn"),
                Arguments.of("ARN of the wrong type", "GetRoutingControlState", "{\"RoutingControlArn\":42}",
                        "fieldValidationFailed", "RoutingControlArn"),
                Arguments.of("ARN too long", "GetRoutingControlState", "{\"RoutingControlArn\":\"" + "a".repeat(256) + "\"}",
                        "fieldValidationFailed", "RoutingControlArn"),
                Arguments.of("state in the wrong case", "UpdateRoutingControlState",
                        "{\"RoutingControlArn\":\"" + US_WEST_2 + "\",\"RoutingControlState\":\"ON\"}",
                        "fieldValidationFailed", "RoutingControlState"),
                Arguments.of("MaxResults below 1", "ListRoutingControls", "{\"MaxResults\":0}", "fieldValidationFailed",
                        "MaxResults"),
                Arguments.of("forged NextToken", "ListRoutingControls", "{\"NextToken\":\"bm90LWEtdG9rZW4\"}",
                        "fieldValidationFailed", "NextToken"),
                Arguments.of("no entries", "UpdateRoutingControlStates", "{\"UpdateRoutingControlStateEntries\":[]}",
                        "fieldValidationFailed", "UpdateRoutingControlStateEntries"),
                Arguments.of("the same control twice", "UpdateRoutingControlStates", """
                        {"UpdateRoutingControlStateEntries":[
                          {"RoutingControlArn":"%1$s","RoutingControlState":"On"},
                          {"RoutingControlArn":"%1$s","RoutingControlState":"Off"}]}""".formatted(US_WEST_2),
                        "fieldValidationFailed", "UpdateRoutingControlStateEntries[1].RoutingControlArn"),
                Arguments.of("bad override ARN", "UpdateRoutingControlState", "{\"RoutingControlArn\":\"" + US_WEST_2
                                + "\",\"RoutingControlState\":\"On\",\"SafetyRulesToOverride\":[\"bad arn\"]}",
                        "fieldValidationFailed", "SafetyRulesToOverride[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationCases")
    void rejectsInvalidRequestsWithValidationException(String description, String operation, String body, String reason,
                                                       String field) throws Exception {
        var response = call("/v1", operation, body);

        assertError(response, 400, "ValidationException");
        assertThat(json(response).path("reason").asText()).isEqualTo(reason);
        if (field != null) {
            assertThat(json(response).path("fields").findValuesAsText("name")).contains(field);
        }
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() throws Exception {
        var response = call("/v1", "UpdateRoutingControlStates", """
                {"UpdateRoutingControlStateEntries":[
                  {"RoutingControlArn":"bad arn","RoutingControlState":"On"},
                  {"RoutingControlArn":"%s","RoutingControlState":"Sideways"}]}""".formatted(US_WEST_2));

        assertThat(json(response).path("fields").findValuesAsText("name")).containsExactly(
                "UpdateRoutingControlStateEntries[0].RoutingControlArn",
                "UpdateRoutingControlStateEntries[1].RoutingControlState");
        assertThat(json(response).path("message").asText()).startsWith("2 validation errors detected");
    }

    @Test
    void rejectsAMissingTarget() throws Exception {
        var request = HttpRequest.newBuilder(arc.endpoint("us-west-2").url())
                .header("Authorization", SIGNED)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertError(response, 400, "ValidationException");
        assertThat(json(response).path("reason").asText()).isEqualTo("unknownOperation");
    }

    @Test
    void rejectsANonJsonContentType() throws Exception {
        var request = HttpRequest.newBuilder(arc.endpoint("us-west-2").url())
                .header("Authorization", SIGNED)
                .header("X-Amz-Target", "ToggleCustomerAPI.ListRoutingControls")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        assertError(http.send(request, HttpResponse.BodyHandlers.ofString()), 400, "ValidationException");
    }

    @Test
    void deniesAnUnsignedCall() throws Exception {
        var request = HttpRequest.newBuilder(arc.endpoint("us-west-2").url())
                .header("X-Amz-Target", "ToggleCustomerAPI.ListRoutingControls")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        assertError(http.send(request, HttpResponse.BodyHandlers.ofString()), 403, "AccessDeniedException");
    }

    @Test
    void conflictHasResourceMembers() throws Exception {
        var response = call("/v1", "UpdateRoutingControlState",
                "{\"RoutingControlArn\":\"" + US_WEST_2 + "\",\"RoutingControlState\":\"Off\"}");

        assertError(response, 409, "ConflictException");
        assertThat(json(response).path("resourceId").asText()).isEqualTo(DefaultTopology.NO_FAIL_OPEN);
        assertThat(json(response).path("resourceType").asText()).isEqualTo("SafetyRule");
    }

    @Test
    void throttlingSetsRetryAfterHeaderAndMember() throws Exception {
        arc.injectFault("us-west-2", Fault.throttle());

        var response = call("/v1", "ListRoutingControls", "{}");

        assertError(response, 429, "ThrottlingException");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(json(response).path("retryAfterSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void everyFaultErrorHasItsStatusAndType() throws Exception {
        arc.injectFault("us-west-2", Fault.unavailable());
        assertError(call("/v1", "ListRoutingControls", "{}"), 503, "EndpointTemporarilyUnavailableException");

        arc.injectFault("us-west-2", Fault.error());
        assertError(call("/v1", "ListRoutingControls", "{}"), 500, "InternalServerException");
    }

    @Test
    void emptyBodyMeansNoMembers() throws Exception {
        var response = call("/v1", "ListRoutingControls", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("RoutingControls")).hasSize(2);
    }

    @Test
    void nextTokenIsBoundToItsControlPanelFilter() throws Exception {
        String token = json(call("/v1", "ListRoutingControls", "{\"MaxResults\":1}")).path("NextToken").asText();

        var sameFilter = call("/v1", "ListRoutingControls", "{\"NextToken\":\"" + token + "\"}");
        var otherFilter = call("/v1", "ListRoutingControls",
                "{\"NextToken\":\"" + token + "\",\"ControlPanelArn\":\"" + DefaultTopology.PANEL + "\"}");

        assertThat(json(sameFilter).path("RoutingControls").get(0).path("RoutingControlArn").asText()).isEqualTo(EU_WEST_1);
        assertError(otherFilter, 400, "ValidationException");
    }

    @Test
    void servesTheSameAnswerOnEveryEndpoint() throws Exception {
        for (Endpoint endpoint : arc.endpoints()) {
            var request = HttpRequest.newBuilder(URI.create(endpoint.url().toString()))
                    .header("Authorization", SIGNED)
                    .header("X-Amz-Target", "ToggleCustomerAPI.GetRoutingControlState")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"RoutingControlArn\":\"" + EU_WEST_1 + "\"}"))
                    .build();

            var response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(json(response).path("RoutingControlState").asText()).as(endpoint.region()).isEqualTo("Off");
        }
    }
}
