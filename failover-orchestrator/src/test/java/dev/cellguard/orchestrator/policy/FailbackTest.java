package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AT_MOST_ONE_ACTIVE;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.NO_FAIL_OPEN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.PANEL;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.T0;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftDetected;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftResolved;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.RuleConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Moving traffic back to the primary (us-west-2) once it has been HEALTHY, READY and drift-free for
 * {@code stableFor} without a break. Traffic is on eu-west-1 at the start; every cell is well.
 */
class FailbackTest {

    private static final Duration STABLE_FOR = Duration.ofMinutes(30);

    private static EngineHarness failedOver(Mode failback) {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).failback(failback, STABLE_FOR).build(), T0, EU);
        h.allWell("o1");
        return h;
    }

    @Test
    void autoFailbackWaitsForStableForThenMovesTrafficBack() {
        EngineHarness h = failedOver(Mode.AUTO);
        h.tickExpectingNothing();
        h.advance(STABLE_FOR.minusSeconds(1));
        h.tickExpectingNothing();
        h.advance(Duration.ofSeconds(1));

        PlannedUpdate update = h.tickExpectingUpdate();

        assertThat(update.proposal().policy()).isEqualTo(Failback.POLICY_NAME);
        assertThat(update.proposal().source()).isEqualTo(EU);
        assertThat(update.proposal().target()).isEqualTo(WEST);
        assertThat(update.proposal().desired()).containsExactly(Map.entry(WEST_ARN, RoutingState.ON), Map.entry(EU_ARN, RoutingState.OFF));
        assertThat(update.automated()).isTrue();
        Decision executed = h.accepted(update);
        assertThat(executed.outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(executed.reason()).startsWith("us-west-2 has been HEALTHY, READY and drift-free for 1800 s");
        assertThat(h.activeCells()).containsExactly(WEST);
        h.advance(STABLE_FOR);
        h.tickExpectingNothing();
    }

    @Test
    void approvalFailbackAsksOnceAndActsWhenApprovedWithinOneIncident() {
        EngineHarness h = failedOver(Mode.APPROVAL);
        h.tick();
        h.advance(STABLE_FOR);

        FailoverEngine.Result asked = h.tick();

        assertThat(asked.update()).isEmpty();
        Decision request = asked.decisions().get(0);
        assertThat(asked.decisions()).hasSize(1);
        assertThat(request.outcome()).isEqualTo(DecisionOutcome.AWAITING_APPROVAL);
        assertThat(request.policy()).isEqualTo(Failback.POLICY_NAME);
        assertThat(request.toCells()).containsExactly(WEST);
        h.advance(Duration.ofMinutes(1));
        h.tickExpectingNothing();

        FailoverEngine.Result approved = h.engine.approve(request.id(), "alice", "business hours", h.now());
        Decision executed = h.accepted(approved.update().orElseThrow());

        assertThat(executed.outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(executed.actor()).isEqualTo("alice");
        assertThat(h.activeCells()).containsExactly(WEST);
        Decision approval = approved.decisions().get(0);
        assertThat(approval.causationId()).isEqualTo(request.id());
        assertThat(executed.causationId()).isEqualTo(approval.id());
        assertThat(approval.correlationId()).isEqualTo(request.correlationId());
        assertThat(executed.correlationId()).isEqualTo(request.correlationId());
    }

    @Test
    void dryRunFailbackOnlySaysSo() {
        EngineHarness h = failedOver(Mode.DRY_RUN);
        h.tick();
        h.advance(STABLE_FOR);

        assertThat(h.tick().decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.DRY_RUN);
            assertThat(d.policy()).isEqualTo(Failback.POLICY_NAME);
            assertThat(d.toCells()).containsExactly(WEST);
        });
        for (int i = 0; i < 6; i++) {
            h.advance(STABLE_FOR);
            h.tickExpectingNothing();
        }
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void disabledFailbackNeverMovesTrafficBack() {
        EngineHarness h = failedOver(Mode.DISABLED);
        for (int i = 0; i < 10; i++) {
            h.tickExpectingNothing();
            h.advance(STABLE_FOR);
        }
        assertThat(h.activeCells()).containsExactly(EU);
    }

    /** A blip of the primary at 20 minutes, over at 21: stability counts again from 21. */
    static Stream<Arguments> blips() {
        return Stream.of(
                blip("an UNHEALTHY probe", h -> h.health(WEST, "o1", HealthStatus.UNHEALTHY),
                        h -> h.health(WEST, "o1", HealthStatus.HEALTHY)),
                blip("an UNKNOWN probe (HEALTHY is required)", h -> h.health(WEST, "o1", HealthStatus.UNKNOWN),
                        h -> h.health(WEST, "o1", HealthStatus.HEALTHY)),
                blip("a second observer's UNHEALTHY", h -> h.health(WEST, "o2", HealthStatus.UNHEALTHY),
                        h -> h.health(WEST, "o2", HealthStatus.HEALTHY)),
                blip("NOT_READY", h -> h.readiness(WEST, "o1", Readiness.NOT_READY),
                        h -> h.readiness(WEST, "o1", Readiness.READY)),
                blip("drift", h -> h.record(driftDetected("o1", "orders-app-version", h.now(), WEST, EU)),
                        h -> h.record(driftResolved("o1", "orders-app-version", h.now()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blips")
    void aBlipOfThePrimaryStartsStabilityOver(String name, Consumer<EngineHarness> blip, Consumer<EngineHarness> over) {
        EngineHarness h = failedOver(Mode.AUTO);
        h.tick();
        h.at(T0.plus(Duration.ofMinutes(20)));
        blip.accept(h);
        h.tickExpectingNothing();
        h.at(T0.plus(Duration.ofMinutes(21)));
        over.accept(h);
        h.tickExpectingNothing();

        h.at(T0.plus(STABLE_FOR));
        h.tickExpectingNothing();
        h.at(T0.plus(Duration.ofMinutes(21)).plus(STABLE_FOR).minusSeconds(1));
        h.tickExpectingNothing();
        h.at(T0.plus(Duration.ofMinutes(21)).plus(STABLE_FOR));
        assertThat(h.tickExpectingUpdate().proposal().target()).isEqualTo(WEST);
    }

    @Test
    void thereIsNoFailbackWhileThePrimaryTakesTraffic() {
        EngineHarness h = failedOver(Mode.AUTO);
        h.operatorMovesTrafficTo(WEST);
        for (int i = 0; i < 5; i++) {
            h.tickExpectingNothing();
            h.advance(STABLE_FOR);
        }
    }

    @Test
    void autoFailbackIsHeldByAFreezeAndTheStartupGrace() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).failback(Mode.AUTO, Duration.ofSeconds(10))
                .startupGrace(Duration.ofSeconds(60)).build(), T0, EU);
        h.allWell("o1");
        h.tick();
        h.advance(Duration.ofSeconds(10));
        assertThat(h.tick().decisions()).singleElement().satisfies(d ->
                assertThat(d.reason()).endsWith("; start-up grace period until 2026-03-02T10:01:00Z"));
        h.advance(Duration.ofSeconds(50));
        h.engine.freeze("alice", "change window");
        assertThat(h.tick().decisions()).singleElement().satisfies(d ->
                assertThat(d.reason()).endsWith("; automation is frozen (by alice: change window)"));
        h.engine.unfreeze();

        assertThat(h.tickExpectingUpdate().proposal().target()).isEqualTo(WEST);
    }

    @Test
    void aFailbackARuleForbidsIsBlockedNamingTheRule() {
        AssertionRule westStaysOff = new AssertionRule(PANEL + "/safetyrule/000000000000f0ff", "us-west-2-stays-off",
                List.of(WEST_ARN), RuleConfig.atLeast(1).negate(), 0);
        EngineHarness h = new EngineHarness(twoCells().rules(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE, westStaysOff)
                .policy(policy("evacuate")).failback(Mode.AUTO, STABLE_FOR).build(), T0, EU);
        h.allWell("o1");
        h.tick();
        h.advance(STABLE_FOR);

        assertThat(h.tick().decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.blockingRule()).isEqualTo(westStaysOff.arn());
        });
        h.advance(Duration.ofMinutes(1));
        h.tickExpectingNothing();
    }

    private static Arguments blip(String name, Consumer<EngineHarness> blip, Consumer<EngineHarness> over) {
        return Arguments.of(name, blip, over);
    }
}
