package dev.cellguard.arc.local;

import static dev.cellguard.arc.local.DefaultTopology.EU_WEST_1;
import static dev.cellguard.arc.local.DefaultTopology.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.safety.EvaluationOptions;
import dev.cellguard.safety.MutableClock;
import dev.cellguard.safety.RoutingControlState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.ConflictException;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControl;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;

/** One state behind five endpoints. */
class SharedStateTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    LocalArc arc;
    final List<Route53RecoveryClusterClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        arc = LocalArc.start(LocalArcConfig.defaults().withClock(clock).withMutatingCallsPerSecond(0));
        arc.endpoints().forEach(endpoint -> clients.add(ArcClients.client(endpoint)));
    }

    @AfterEach
    void stop() {
        clients.forEach(Route53RecoveryClusterClient::close);
        arc.close();
    }

    static UpdateRoutingControlStateEntry entry(String arn, String state) {
        return UpdateRoutingControlStateEntry.builder().routingControlArn(arn).routingControlState(state).build();
    }

    @Test
    void aChangeThroughOneEndpointIsVisibleThroughTheOtherFour() {
        clients.get(0).updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                entry(US_WEST_2, "Off"), entry(EU_WEST_1, "On")));

        for (int i = 1; i < clients.size(); i++) {
            var client = clients.get(i);
            assertThat(client.getRoutingControlState(r -> r.routingControlArn(EU_WEST_1)).routingControlStateAsString())
                    .isEqualTo("On");
            assertThat(client.listRoutingControls(r -> { }).routingControls())
                    .extracting(RoutingControl::routingControlStateAsString).containsExactly("Off", "On");
        }
    }

    @Test
    void theChangeLogRecordsTheEndpointAndBothStatesOfEveryEntry() {
        clients.get(4).updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                entry(EU_WEST_1, "On"), entry(US_WEST_2, "Off")));

        assertThat(arc.changeLog()).singleElement().satisfies(change -> {
            assertThat(change.sequence()).isEqualTo(1);
            assertThat(change.endpointRegion()).isEqualTo("eu-west-1");
            assertThat(change.operation()).isEqualTo("UpdateRoutingControlStates");
            assertThat(change.time()).isEqualTo(clock.instant());
            assertThat(change.entries()).containsExactly(
                    new ChangeRecord.Entry(EU_WEST_1, "orders-eu-west-1", RoutingControlState.OFF, RoutingControlState.ON),
                    new ChangeRecord.Entry(US_WEST_2, "orders-us-west-2", RoutingControlState.ON, RoutingControlState.OFF));
            assertThat(change.overriddenRules()).isEmpty();
        });
    }

    @Test
    void concurrentFailoversThroughAllEndpointsNeverBreakTheRules() throws Exception {
        // Without wait periods every endpoint races to fail over or back; each call is atomic.
        arc.close();
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0)
                .withEvaluationOptions(EvaluationOptions.defaults()
                        .withWaitPeriodTrigger(EvaluationOptions.WaitPeriodTrigger.DISABLED)));
        clients.forEach(Route53RecoveryClusterClient::close);
        clients.clear();
        arc.endpoints().forEach(endpoint -> clients.add(ArcClients.client(endpoint)));

        var executor = Executors.newFixedThreadPool(5);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < 5; i++) {
                var client = clients.get(i);
                boolean toEurope = i % 2 == 0;
                tasks.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        // A failover (or failback) in one call always passes the rules.
                        client.updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(
                                entry(US_WEST_2, toEurope ? "Off" : "On"), entry(EU_WEST_1, toEurope ? "On" : "Off")));
                        try {
                            // Turning eu-west-1 On alone is a no-op if Europe is active, and rejected otherwise.
                            client.updateRoutingControlState(r -> r.routingControlArn(EU_WEST_1).routingControlState("On"));
                        } catch (ConflictException expected) {
                            assertThat(expected.resourceId()).isEqualTo(DefaultTopology.AT_MOST_ONE_REGION_ACTIVE);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> outcome : executor.invokeAll(tasks)) {
                outcome.get();
            }
        } finally {
            executor.shutdownNow();
        }

        var state = arc.routingControlStates();
        assertThat(state.get(US_WEST_2)).isNotEqualTo(state.get(EU_WEST_1));
        var log = arc.changeLog();
        assertThat(log).extracting(ChangeRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log).hasSizeGreaterThanOrEqualTo(100);
    }
}
