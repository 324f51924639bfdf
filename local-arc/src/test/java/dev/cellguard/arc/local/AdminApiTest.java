package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.AT_MOST_ONE_REGION_ACTIVE;
import static dev.cellguard.arc.local.DefaultTopology.EU_WEST_1;
import static dev.cellguard.arc.local.DefaultTopology.NO_FAIL_OPEN;
import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.safety.MutableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.EndpointTemporarilyUnavailableException;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;

class AdminApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    final List<Route53RecoveryClusterClient> clients = new ArrayList<>();
    LocalArc arc;

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock));
    }

    @AfterEach
    void stop() {
        clients.forEach(Route53RecoveryClusterClient::close);
        arc.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(arc.adminUrl().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        var response = send("GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    Route53RecoveryClusterClient client(String region) {
        var client = ArcClients.client(arc.endpoint(region));
        clients.add(client);
        return client;
    }

    void failOver() {
        client("ap-southeast-2").updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                UpdateRoutingControlStateEntry.builder().routingControlArn(US_WEST_2).routingControlState("Off").build(),
                UpdateRoutingControlStateEntry.builder().routingControlArn(EU_WEST_1).routingControlState("On").build()));
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(get("/admin/health").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void stateShowsEndpointsControlsAndRules() throws Exception {
        JsonNode state = get("/admin/state");

        assertThat(state.path("clusterArn").asText()).isEqualTo(DefaultTopology.CLUSTER);
        assertThat(state.path("endpoints").findValuesAsText("region")).containsExactlyElementsOf(LocalArc.REGIONS);
        assertThat(state.path("endpoints").get(0).path("url").asText()).isEqualTo(arc.endpoints().get(0).url().toString());
        assertThat(state.path("endpoints").get(0).path("listening").asBoolean()).isTrue();
        JsonNode controls = state.path("controlPanels").get(0).path("routingControls");
        assertThat(controls.findValuesAsText("name")).containsExactly("orders-us-west-2", "orders-eu-west-1");
        assertThat(controls.findValuesAsText("state")).containsExactly("On", "Off");
        JsonNode rules = state.path("safetyRules");
        assertThat(rules.findValuesAsText("safetyRuleArn")).containsExactly(NO_FAIL_OPEN, AT_MOST_ONE_REGION_ACTIVE);
        assertThat(rules.get(1).path("ruleConfig").path("inverted").asBoolean()).isTrue();
        assertThat(rules.get(1).path("waitPeriod").path("active").asBoolean()).isFalse();
        assertThat(state.path("mutatingCallsPerSecond").asInt()).isEqualTo(3);
    }

    @Test
    void stateShowsRunningWaitPeriodsAndNewStates() throws Exception {
        failOver();

        JsonNode state = get("/admin/state");

        assertThat(state.path("controlPanels").get(0).path("routingControls").findValuesAsText("state"))
                .containsExactly("Off", "On");
        JsonNode waitPeriod = state.path("safetyRules").get(0).path("waitPeriod");
        assertThat(waitPeriod.path("active").asBoolean()).isTrue();
        assertThat(waitPeriod.path("endsAt").asText()).isEqualTo(clock.instant().plusMillis(5000).toString());

        clock.advance(Duration.ofSeconds(5));
        assertThat(get("/admin/state").path("safetyRules").get(0).path("waitPeriod").path("active").asBoolean()).isFalse();
    }

    @Test
    void changesListAcceptedCallsWithPreviousAndNewStates() throws Exception {
        failOver();
        clock.advance(Duration.ofSeconds(6));
        client("us-west-2").updateRoutingControlState(r -> r.routingControlArn(US_WEST_2).routingControlState("On")
                .safetyRulesToOverride(AT_MOST_ONE_REGION_ACTIVE));

        JsonNode changes = get("/admin/changes").path("changes");
        JsonNode since = get("/admin/changes?since=1").path("changes");

        assertThat(changes).hasSize(2);
        JsonNode first = changes.get(0);
        assertThat(first.path("sequence").asLong()).isEqualTo(1);
        assertThat(first.path("endpointRegion").asText()).isEqualTo("ap-southeast-2");
        assertThat(first.path("entries").get(0).path("routingControlArn").asText()).isEqualTo(US_WEST_2);
        assertThat(first.path("entries").get(0).path("previousState").asText()).isEqualTo("On");
        assertThat(first.path("entries").get(0).path("newState").asText()).isEqualTo("Off");
        assertThat(changes.get(1).path("overriddenRules").get(0).asText()).isEqualTo(AT_MOST_ONE_REGION_ACTIVE);
        assertThat(since).hasSize(1);
        assertThat(since.get(0).path("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void injectsAndClearsFaultsPerRegion() throws Exception {
        var put = send("PUT", "/admin/faults/us-east-1", "{\"kind\":\"unavailable\"}");
        send("PUT", "/admin/faults/eu-west-1", "{\"kind\":\"slow\",\"latencyMs\":250}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(arc.faults()).containsEntry("us-east-1", Fault.unavailable())
                .containsEntry("eu-west-1", Fault.slow(Duration.ofMillis(250)));
        assertThat(get("/admin/faults").path("faults").path("eu-west-1").path("latencyMs").asLong()).isEqualTo(250);
        assertThatThrownBy(() -> client("us-east-1").listRoutingControls(r -> { }))
                .isInstanceOf(EndpointTemporarilyUnavailableException.class);

        assertThat(send("DELETE", "/admin/faults/us-east-1", null).statusCode()).isEqualTo(204);
        assertThat(arc.faults()).containsOnlyKeys("eu-west-1");
        assertThat(client("us-east-1").listRoutingControls(r -> { }).routingControls()).hasSize(2);

        assertThat(send("DELETE", "/admin/faults", null).statusCode()).isEqualTo(204);
        assertThat(arc.faults()).isEmpty();
    }

    @Test
    void refuseThroughTheAdminApiShowsTheEndpointAsNotListening() throws Exception {
        send("PUT", "/admin/faults/ap-northeast-1", "{\"kind\":\"refuse\"}");

        JsonNode endpoint = get("/admin/state").path("endpoints").get(3);

        assertThat(endpoint.path("region").asText()).isEqualTo("ap-northeast-1");
        assertThat(endpoint.path("listening").asBoolean()).isFalse();
        assertThat(endpoint.path("fault").path("kind").asText()).isEqualTo("refuse");
    }

    @Test
    void rejectsBadFaultRequests() throws Exception {
        assertThat(send("PUT", "/admin/faults/mars-north-1", "{\"kind\":\"error\"}").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/admin/faults/us-east-1", "{\"kind\":\"meteor\"}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/admin/faults/us-east-1", "{\"kind\":\"slow\"}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/admin/faults/us-east-1", "{\"kind\":\"error\",\"extra\":1}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/admin/faults/us-east-1", "not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/admin/faults/us-east-1", "{\"kind\":\"error\"}").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/admin/nothing", null).statusCode()).isEqualTo(404);
        var response = send("PUT", "/admin/faults/us-east-1", "{\"kind\":\"meteor\"}");
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("meteor");
        assertThat(arc.faults()).isEmpty();
    }

    @Test
    void resetRestoresInitialStatesAndEmptiesTheChangeLog() throws Exception {
        failOver();

        assertThat(send("POST", "/admin/reset", null).statusCode()).isEqualTo(204);

        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(dev.cellguard.safety.RoutingControlState.ON);
        assertThat(arc.changeLog()).isEmpty();
        assertThat(get("/admin/state").path("safetyRules").get(0).path("waitPeriod").path("active").asBoolean()).isFalse();
    }
}
