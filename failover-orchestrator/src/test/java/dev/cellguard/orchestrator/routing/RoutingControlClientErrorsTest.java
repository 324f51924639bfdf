package dev.cellguard.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.arc.local.LocalArc;
import dev.cellguard.arc.local.LocalArcConfig;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.safety.RoutingControlState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ARC's final answers end the call at once: trying another endpoint would get the same answer. */
class RoutingControlClientErrorsTest {

    static final String PANEL = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";
    static final String WEST = PANEL + "/routingcontrol/a1b2c3d4e5f60718";
    static final String EU = PANEL + "/routingcontrol/1827364554637281";
    static final String NO_FAIL_OPEN = PANEL + "/safetyrule/0f1e2d3c4b5a6978";
    static final String AT_MOST_ONE_ACTIVE = PANEL + "/safetyrule/8796a5b4c3d2e1f0";

    private static LocalArc arc;
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startArc() {
        arc = LocalArc.start(LocalArcConfig.defaults().withMutatingCallsPerSecond(0));
    }

    @AfterAll
    static void stopArc() {
        arc.close();
    }

    @AfterEach
    void reset() {
        arc.reset();
    }

    @Test
    void aSafetyRuleConflictIsFinalAndNamesTheRule() {
        try (RoutingControlClient client = client()) {
            assertThatThrownBy(() -> client.updateStates(Map.of(WEST, RoutingState.OFF, EU, RoutingState.OFF), List.of()))
                    .isInstanceOfSatisfying(RoutingUpdateException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RoutingUpdateException.Kind.SAFETY_RULE);
                        assertThat(e.blockingRule()).isEqualTo(NO_FAIL_OPEN);
                    });
        }
        assertThat(attempts).containsExactly("CONFLICT");
        assertThat(arc.routingControlState(WEST)).isEqualTo(RoutingControlState.ON);
    }

    @Test
    void bothRegionsActiveIsBlockedByTheAtMostOneActiveRule() {
        try (RoutingControlClient client = client()) {
            assertThatThrownBy(() -> client.updateStates(Map.of(EU, RoutingState.ON), List.of()))
                    .isInstanceOfSatisfying(RoutingUpdateException.class,
                            e -> assertThat(e.blockingRule()).isEqualTo(AT_MOST_ONE_ACTIVE));
        }
    }

    @Test
    void anUnknownRoutingControlIsAConfigurationErrorNotARetry() {
        try (RoutingControlClient client = client()) {
            assertThatThrownBy(() -> client.updateStates(Map.of(PANEL + "/routingcontrol/ffffffffffffffff", RoutingState.ON), List.of()))
                    .isInstanceOfSatisfying(RoutingUpdateException.class,
                            e -> assertThat(e.kind()).isEqualTo(RoutingUpdateException.Kind.REJECTED))
                    .hasMessageContaining("ResourceNotFoundException");
        }
        assertThat(attempts).containsExactly("REJECTED");
    }

    @Test
    void anExplicitOverrideLetsAnOperatorBreakARule() {
        try (RoutingControlClient client = client()) {
            UpdateOutcome outcome = client.updateStates(Map.of(EU, RoutingState.ON), List.of(AT_MOST_ONE_ACTIVE));

            assertThat(outcome.attempts()).isEqualTo(1);
        }
        assertThat(arc.routingControlState(EU)).isEqualTo(RoutingControlState.ON);
        assertThat(arc.changeLog().get(0).overriddenRules()).containsExactly(AT_MOST_ONE_ACTIVE);
    }

    private RoutingControlClient client() {
        List<ArcEndpoint> endpoints = arc.endpoints().stream().map(e -> new ArcEndpoint(e.region(), e.url())).toList();
        return new RoutingControlClient(endpoints, RoutingControlClientFaultTest.credentials(), Duration.ofMillis(500),
                Duration.ofSeconds(3), new FixedStart(2), (endpoint, operation, outcome, nanos) -> attempts.add(outcome.name()));
    }
}
