package dev.cellguard.orchestrator.policy;

import static dev.cellguard.contracts.HealthStatus.HEALTHY;
import static dev.cellguard.contracts.HealthStatus.UNHEALTHY;
import static dev.cellguard.contracts.HealthStatus.UNKNOWN;
import static dev.cellguard.contracts.RoutingState.OFF;
import static dev.cellguard.contracts.RoutingState.ON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.RoutingState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvacuationRuleTest {

    private static final String WEST = "arn:aws:route53-recovery-control::111122223333:controlpanel/abc/routingcontrol/0000000000000001";
    private static final String EU = "arn:aws:route53-recovery-control::111122223333:controlpanel/abc/routingcontrol/0000000000000002";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final EvacuationRule rule = new EvacuationRule(List.of(
            new CellRoute("eu-west-1", EU, 2), new CellRoute("us-west-2", WEST, 1)));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("primary down, secondary up, primary routed", UNHEALTHY, HEALTHY, ON, OFF, true),
                Arguments.of("primary healthy", HEALTHY, HEALTHY, ON, OFF, false),
                Arguments.of("primary health not known", UNKNOWN, HEALTHY, ON, OFF, false),
                Arguments.of("secondary down too: nowhere to go", UNHEALTHY, UNHEALTHY, ON, OFF, false),
                Arguments.of("secondary health not known", UNHEALTHY, UNKNOWN, ON, OFF, false),
                Arguments.of("traffic already moved: nothing more to do", UNHEALTHY, HEALTHY, OFF, ON, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void proposesEvacuationOnlyWhenPrimaryIsDownAndSecondaryIsUp(String description, HealthStatus primary,
            HealthStatus secondary, RoutingState westState, RoutingState euState, boolean expectProposal) {
        ObservedHealth health = new ObservedHealth();
        observe(health, "us-west-2", "us-west-2", primary);
        observe(health, "eu-west-1", "us-west-2", secondary);

        Optional<FailoverProposal> proposal = rule.evaluate(health, Map.of(WEST, westState, EU, euState));

        assertThat(proposal.isPresent()).isEqualTo(expectProposal);
    }

    @org.junit.jupiter.api.Test
    void theProposalTurnsThePrimaryOffAndTheSecondaryOnInOneUpdateTracingTheSignal() {
        ObservedHealth health = new ObservedHealth();
        UUID healthy = observe(health, "eu-west-1", "local", HEALTHY);
        UUID failing = observe(health, "us-west-2", "local", UNHEALTHY);

        FailoverProposal proposal = rule.evaluate(health, Map.of(WEST, ON, EU, OFF)).orElseThrow();

        assertThat(proposal.desiredStates()).containsExactly(
                new ControlState(WEST, "us-west-2", OFF), new ControlState(EU, "eu-west-1", ON));
        assertThat(proposal.fromCells()).containsExactly("us-west-2");
        assertThat(proposal.toCells()).containsExactly("eu-west-1");
        assertThat(proposal.inputSignals()).containsExactlyInAnyOrder(healthy, failing);
        assertThat(proposal.causedBy()).isEqualTo(failing);
    }

    @org.junit.jupiter.api.Test
    void observersThatDisagreeDoNotTriggerAFailover() {
        ObservedHealth health = new ObservedHealth();
        observe(health, "us-west-2", "us-west-2", UNHEALTHY);
        observe(health, "us-west-2", "eu-west-1", HEALTHY);
        observe(health, "eu-west-1", "eu-west-1", HEALTHY);

        assertThat(rule.evaluate(health, Map.of(WEST, ON, EU, OFF))).isEmpty();
    }

    private static UUID observe(ObservedHealth health, String cell, String observer, HealthStatus status) {
        UUID id = UUID.randomUUID();
        health.record(cell, new ObservedHealth.Observation(observer, status, T0, id, id));
        return id;
    }
}
