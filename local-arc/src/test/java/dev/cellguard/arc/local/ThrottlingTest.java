package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControlState;
import software.amazon.awssdk.services.route53recoverycluster.model.ThrottlingException;

/** ARC's quota of 3 mutating calls per second, per endpoint. */
class ThrottlingTest {

    LocalArc arc;
    final List<Route53RecoveryClusterClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults());
    }

    @AfterEach
    void stop() {
        clients.forEach(Route53RecoveryClusterClient::close);
        arc.close();
    }

    Route53RecoveryClusterClient warmClient(String region) {
        var client = ArcClients.client(arc.endpoint(region));
        clients.add(client);
        client.listRoutingControls(r -> { }); // load the SDK's classes before timing-sensitive calls
        return client;
    }

    /** A no-op update (us-west-2 is already On): accepted by the safety rules, counted by the throttle. */
    static void mutate(Route53RecoveryClusterClient client) {
        client.updateRoutingControlState(r -> r.routingControlArn(US_WEST_2).routingControlState(RoutingControlState.ON));
    }

    @Test
    void throttlesTheFourthMutatingCallWithinASecondOnOneEndpoint() {
        var usWest2 = warmClient("us-west-2");

        mutate(usWest2);
        mutate(usWest2);
        mutate(usWest2);
        var throttled = catchThrowableOfType(ThrottlingException.class, () -> mutate(usWest2));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void countsEachEndpointSeparately() {
        var usWest2 = warmClient("us-west-2");
        var euWest1 = warmClient("eu-west-1");

        for (int i = 0; i < 3; i++) {
            mutate(usWest2);
            mutate(euWest1);
        }

        assertThat(catchThrowableOfType(ThrottlingException.class, () -> mutate(usWest2))).isNotNull();
        assertThat(catchThrowableOfType(ThrottlingException.class, () -> mutate(euWest1))).isNotNull();
        mutate(warmClient("ap-southeast-2"));
    }

    @Test
    void doesNotThrottleReads() {
        var usWest2 = warmClient("us-west-2");
        for (int i = 0; i < 3; i++) {
            mutate(usWest2);
        }

        for (int i = 0; i < 10; i++) {
            assertThat(usWest2.getRoutingControlState(r -> r.routingControlArn(US_WEST_2)).routingControlState())
                    .isEqualTo(RoutingControlState.ON);
        }
    }

    @Test
    void acceptsMutatingCallsAgainOnceTheSecondHasPassed() {
        var usWest2 = warmClient("us-west-2");
        for (int i = 0; i < 3; i++) {
            mutate(usWest2);
        }

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).ignoreException(ThrottlingException.class)
                .untilAsserted(() -> mutate(usWest2));
    }

    @Test
    void unlimitedWhenTheQuotaIsZero() {
        arc.close();
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0));
        var usWest2 = warmClient("us-west-2");

        for (int i = 0; i < 20; i++) {
            mutate(usWest2);
        }

        assertThat(arc.changeLog()).hasSize(20);
    }
}
