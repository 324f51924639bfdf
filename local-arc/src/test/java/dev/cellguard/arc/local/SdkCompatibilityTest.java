package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.AT_MOST_ONE_REGION_ACTIVE;
import static dev.cellguard.arc.local.DefaultTopology.CLUSTER;
import static dev.cellguard.arc.local.DefaultTopology.EU_WEST_1;
import static dev.cellguard.arc.local.DefaultTopology.NO_FAIL_OPEN;
import static dev.cellguard.arc.local.DefaultTopology.PANEL;
import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cellguard.safety.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.AccessDeniedException;
import software.amazon.awssdk.services.route53recoverycluster.model.ConflictException;
import software.amazon.awssdk.services.route53recoverycluster.model.EndpointTemporarilyUnavailableException;
import software.amazon.awssdk.services.route53recoverycluster.model.InternalServerException;
import software.amazon.awssdk.services.route53recoverycluster.model.ListRoutingControlsResponse;
import software.amazon.awssdk.services.route53recoverycluster.model.ResourceNotFoundException;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControl;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControlState;
import software.amazon.awssdk.services.route53recoverycluster.model.ServiceLimitExceededException;
import software.amazon.awssdk.services.route53recoverycluster.model.ThrottlingException;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;
import software.amazon.awssdk.services.route53recoverycluster.model.ValidationException;
import software.amazon.awssdk.services.route53recoverycluster.model.ValidationExceptionReason;

/** The real AWS SDK for Java v2 client against every operation and every error type. */
class SdkCompatibilityTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    LocalArc arc;
    final List<Route53RecoveryClusterClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0));
    }

    @AfterEach
    void stop() {
        clients.forEach(Route53RecoveryClusterClient::close);
        arc.close();
    }

    Route53RecoveryClusterClient client(String region) {
        var client = ArcClients.client(arc.endpoint(region));
        clients.add(client);
        return client;
    }

    static UpdateRoutingControlStateEntry entry(String arn, RoutingControlState state) {
        return UpdateRoutingControlStateEntry.builder().routingControlArn(arn).routingControlState(state).build();
    }

    void failOverToEuWest1(Route53RecoveryClusterClient client) {
        client.updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                entry(US_WEST_2, RoutingControlState.OFF), entry(EU_WEST_1, RoutingControlState.ON)));
    }

    @Test
    void getsRoutingControlStateOnEveryEndpoint() {
        for (Endpoint endpoint : arc.endpoints()) {
            var response = client(endpoint.region()).getRoutingControlState(r -> r.routingControlArn(US_WEST_2));

            assertThat(response.routingControlArn()).isEqualTo(US_WEST_2);
            assertThat(response.routingControlState()).isEqualTo(RoutingControlState.ON);
            assertThat(response.routingControlName()).isEqualTo("orders-us-west-2");
        }
    }

    @Test
    void listsRoutingControlsWithTheirPanelStateAndOwner() {
        ListRoutingControlsResponse response = client("us-east-1").listRoutingControls(r -> { });

        assertThat(response.routingControls()).extracting(RoutingControl::routingControlName,
                        RoutingControl::routingControlState, RoutingControl::controlPanelArn, RoutingControl::controlPanelName,
                        RoutingControl::owner)
                .containsExactly(
                        tuple("orders-us-west-2", RoutingControlState.ON, PANEL,
                                "cellguard-orders", "111122223333"),
                        tuple("orders-eu-west-1", RoutingControlState.OFF, PANEL,
                                "cellguard-orders", "111122223333"));
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void paginatesWithMaxResultsAndNextToken() {
        var client = client("eu-west-1");

        var first = client.listRoutingControls(r -> r.controlPanelArn(PANEL).maxResults(1));
        var second = client.listRoutingControls(r -> r.controlPanelArn(PANEL).maxResults(1).nextToken(first.nextToken()));
        var all = client.listRoutingControlsPaginator(r -> r.maxResults(1)).routingControls().stream().toList();

        assertThat(first.routingControls()).extracting(RoutingControl::routingControlArn).containsExactly(US_WEST_2);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(second.routingControls()).extracting(RoutingControl::routingControlArn).containsExactly(EU_WEST_1);
        assertThat(second.nextToken()).isNull();
        assertThat(all).extracting(RoutingControl::routingControlArn).containsExactly(US_WEST_2, EU_WEST_1);
    }

    @Test
    void failsOverAtomicallyWithUpdateRoutingControlStates() {
        failOverToEuWest1(client("us-west-2"));

        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(dev.cellguard.safety.RoutingControlState.OFF);
        assertThat(arc.routingControlState(EU_WEST_1)).isEqualTo(dev.cellguard.safety.RoutingControlState.ON);
    }

    @Test
    void updatesOneRoutingControlWhenTheBlockingRuleIsOverridden() {
        client("ap-northeast-1").updateRoutingControlState(r -> r.routingControlArn(EU_WEST_1)
                .routingControlState(RoutingControlState.ON).safetyRulesToOverride(AT_MOST_ONE_REGION_ACTIVE));

        assertThat(arc.routingControlState(EU_WEST_1)).isEqualTo(dev.cellguard.safety.RoutingControlState.ON);
        assertThat(arc.changeLog()).singleElement()
                .satisfies(change -> assertThat(change.overriddenRules()).containsExactly(AT_MOST_ONE_REGION_ACTIVE));
    }

    @Test
    void conflictNamesTheBlockingSafetyRule() {
        var conflict = catchThrowableOfType(ConflictException.class, () -> client("us-west-2").updateRoutingControlState(
                r -> r.routingControlArn(EU_WEST_1).routingControlState(RoutingControlState.ON)));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.resourceId()).isEqualTo(AT_MOST_ONE_REGION_ACTIVE);
        assertThat(conflict.resourceType()).isEqualTo("SafetyRule");
        assertThat(conflict.awsErrorDetails().errorMessage()).contains(AT_MOST_ONE_REGION_ACTIVE);
        assertThat(arc.routingControlState(EU_WEST_1)).isEqualTo(dev.cellguard.safety.RoutingControlState.OFF);
    }

    @Test
    void conflictDuringTheWaitPeriodThenAcceptsOnceItEnds() {
        var client = client("us-west-2");
        failOverToEuWest1(client);

        var conflict = catchThrowableOfType(ConflictException.class, () -> client.updateRoutingControlStates(r -> r
                .updateRoutingControlStateEntries(entry(US_WEST_2, RoutingControlState.ON), entry(EU_WEST_1, RoutingControlState.OFF))));
        assertThat(conflict.resourceId()).isEqualTo(NO_FAIL_OPEN);
        assertThat(conflict.awsErrorDetails().errorMessage()).contains("wait period");

        clock.advance(Duration.ofMillis(5000));
        client.updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                entry(US_WEST_2, RoutingControlState.ON), entry(EU_WEST_1, RoutingControlState.OFF)));
        assertThat(arc.routingControlState(US_WEST_2)).isEqualTo(dev.cellguard.safety.RoutingControlState.ON);
    }

    @Test
    void validationExceptionCarriesReasonAndFields() {
        var invalid = catchThrowableOfType(ValidationException.class, () -> client("us-west-2").updateRoutingControlState(
                r -> r.routingControlArn("not an arn!").routingControlState("Maybe")));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertThat(invalid.fields()).extracting(f -> f.name())
                .containsExactly("RoutingControlArn", "RoutingControlState");
        assertThat(invalid.fields()).allSatisfy(field -> assertThat(field.message()).isNotBlank());
    }

    @Test
    void resourceNotFoundForAnUnknownRoutingControl() {
        String unknown = PANEL + "/routingcontrol/ffffffffffffffff";

        var notFound = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client("us-west-2").getRoutingControlState(r -> r.routingControlArn(unknown)));

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.resourceId()).isEqualTo(unknown);
        assertThat(notFound.resourceType()).isEqualTo("RoutingControl");
    }

    @Test
    void resourceNotFoundForAnUnknownControlPanelOrSafetyRule() {
        String unknownPanel = "arn:aws:route53-recovery-control::111122223333:controlpanel/00000000000000000000000000000000";
        String unknownRule = PANEL + "/safetyrule/ffffffffffffffff";
        var client = client("us-east-1");

        var panel = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.listRoutingControls(r -> r.controlPanelArn(unknownPanel)));
        var rule = catchThrowableOfType(ResourceNotFoundException.class, () -> client.updateRoutingControlState(
                r -> r.routingControlArn(US_WEST_2).routingControlState(RoutingControlState.ON).safetyRulesToOverride(unknownRule)));

        assertThat(panel.resourceType()).isEqualTo("ControlPanel");
        assertThat(panel.resourceId()).isEqualTo(unknownPanel);
        assertThat(rule.resourceType()).isEqualTo("SafetyRule");
        assertThat(rule.resourceId()).isEqualTo(unknownRule);
    }

    @Test
    void serviceLimitExceededForMoreThanTenEntries() {
        // Eleven distinct, well-formed ARNs: the limit is checked before the controls are looked up.
        var entries = IntStream.range(0, 11)
                .mapToObj(i -> entry(PANEL + "/routingcontrol/%016x".formatted(i), RoutingControlState.ON)).toList();

        var limit = catchThrowableOfType(ServiceLimitExceededException.class, () -> client("us-west-2")
                .updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(entries)));

        assertThat(limit.statusCode()).isEqualTo(402);
        assertThat(limit.limitCode()).isEqualTo("MaxUpdateRoutingControlStateEntries");
        assertThat(limit.serviceCode()).isEqualTo("route53-recovery-cluster");
        assertThat(limit.resourceId()).isEqualTo(CLUSTER);
        assertThat(limit.resourceType()).isEqualTo("Cluster");
    }

    @Test
    void throttlingExceptionCarriesRetryAfterSeconds() {
        arc.injectFault("us-west-2", Fault.throttle());

        var throttled = catchThrowableOfType(ThrottlingException.class,
                () -> client("us-west-2").getRoutingControlState(r -> r.routingControlArn(US_WEST_2)));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void internalServerExceptionCarriesRetryAfterSeconds() {
        arc.injectFault("us-west-2", Fault.error());

        var error = catchThrowableOfType(InternalServerException.class,
                () -> client("us-west-2").listRoutingControls(r -> { }));

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void endpointTemporarilyUnavailableIsA503() {
        arc.injectFault("us-west-2", Fault.unavailable());

        var unavailable = catchThrowableOfType(EndpointTemporarilyUnavailableException.class,
                () -> client("us-west-2").listRoutingControls(r -> { }));

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.awsErrorDetails().errorMessage()).contains("try another");
    }

    @Test
    void accessDeniedForAnUnsignedRequest() {
        Endpoint endpoint = arc.endpoint("us-west-2");
        try (var anonymous = Route53RecoveryClusterClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.US_WEST_2)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            var denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> anonymous.getRoutingControlState(r -> r.routingControlArn(US_WEST_2)));

            assertThat(denied.statusCode()).isEqualTo(403);
        }
    }
}
