package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AT_MOST_ONE_ACTIVE;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_STAYS_OFF;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_STAYS_OFF_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH_RULE_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.NO_FAIL_OPEN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.PANEL;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.SafetyRule;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every update is pre-checked against the control panel's safety rules (ARC's semantics, from the
 * current routing states), so that a refusal is explained before ARC is asked.
 */
class SafetyPrecheckTest {

    /** "eu-west-1 may change only while us-west-2 is Off": a gating rule over the cells' own controls. */
    static final SafetyRule EU_GATED_BY_WEST_OFF = new GatingRule(PANEL + "/safetyrule/0000000000000a7e", "eu-gated-by-west-off",
            List.of(WEST_ARN), List.of(EU_ARN), RuleConfig.or().negate(), 0);

    static Stream<Arguments> ruleSets() {
        return Stream.of(
                row("the documented no-fail-open and at-most-one-active rules let a failover through", null,
                        NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE),
                row("an assertion rule the placement would break blocks it", EU_STAYS_OFF_ARN,
                        NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE, EU_STAYS_OFF),
                row("a gating rule whose gating controls forbid the change blocks it", EU_GATED_BY_WEST_OFF.arn(),
                        NO_FAIL_OPEN, EU_GATED_BY_WEST_OFF),
                row("a kill switch on a control no cell routes to is left to ARC", null,
                        NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE, KILL_SWITCH),
                row("a kill switch does not stop the other rules from being pre-checked", EU_STAYS_OFF_ARN,
                        KILL_SWITCH, EU_STAYS_OFF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleSets")
    void aPlacementARuleForbidsIsBlockedNamingTheRule(String blockingRule, SafetyRule[] rules) {
        EngineHarness h = new EngineHarness(twoCells().rules(rules).policy(policy("evacuate")).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result result = h.tick();

        if (blockingRule == null) {
            assertThat(result.update()).isPresent();
            assertThat(result.decisions()).isEmpty();
        } else {
            assertThat(result.update()).isEmpty();
            assertThat(result.decisions()).singleElement().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
                assertThat(d.blockingRule()).isEqualTo(blockingRule);
                assertThat(d.reason()).contains("blocked by safety rule").contains(blockingRule);
                assertThat(d.toCells()).containsExactly(EU);
            });
            for (int i = 0; i < 5; i++) {
                h.advance(Duration.ofMinutes(1));
                h.tickExpectingNothing();
            }
        }
    }

    @Test
    void whenArcRefusesTheEngineSaysWhyAndRetriesOnlyAfterThePause() {
        EngineHarness h = new EngineHarness(twoCells().rules(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE, KILL_SWITCH)
                .policy(policy("evacuate")).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        PlannedUpdate update = h.tickExpectingUpdate();

        Decision refused = h.engine.blockedByArc(update, KILL_SWITCH_RULE_ARN,
                "Safety rule " + KILL_SWITCH_RULE_ARN + " (gating rule \"automation-kill-switch\") rejected the update", h.now());

        assertThat(refused.id()).isEqualTo(update.decisionId());
        assertThat(refused.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
        assertThat(refused.blockingRule()).isEqualTo(KILL_SWITCH_RULE_ARN);
        assertThat(refused.reason()).contains("ARC refused");
        h.advance(EngineHarness.RETRY_AFTER_FAILURE.minusMillis(1));
        h.tickExpectingNothing();
        h.advance(Duration.ofMillis(1));
        assertThat(h.tickExpectingUpdate().proposal().target()).isEqualTo(EU);
    }

    @Test
    void aFailedUpdateIsReportedAndRetriedAfterThePause() {
        EngineHarness h = new EngineHarness(twoCells().rules(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE).policy(policy("evacuate")).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        PlannedUpdate update = h.tickExpectingUpdate();

        Decision failed = h.engine.failed(update, "UpdateRoutingControlStates failed on every ARC endpoint", h.now());

        assertThat(failed.outcome()).isEqualTo(DecisionOutcome.FAILED);
        assertThat(failed.reason()).endsWith("; UpdateRoutingControlStates failed on every ARC endpoint");
        assertThat(h.activeCells()).containsExactly(WEST);
        h.advance(Duration.ofSeconds(4));
        h.tickExpectingNothing();
        h.advance(Duration.ofSeconds(1));
        assertThat(h.failover().outcome()).isEqualTo(DecisionOutcome.EXECUTED);
    }

    @Test
    void anOperatorIsBlockedByARuleUnlessHeOverridesItExplicitly() {
        EngineHarness h = new EngineHarness(twoCells().rules(NO_FAIL_OPEN, AT_MOST_ONE_ACTIVE, EU_STAYS_OFF)
                .policy(policy("evacuate")).build());

        FailoverEngine.Result blocked = h.engine.manual(EU, "drill", List.of(), "alice", h.now());

        assertThat(blocked.update()).isEmpty();
        assertThat(blocked.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.blockingRule()).isEqualTo(EU_STAYS_OFF_ARN);
            assertThat(d.actor()).isEqualTo("alice");
            assertThat(d.policy()).isEqualTo("manual");
        });

        FailoverEngine.Result overridden = h.engine.manual(EU, "drill", List.of(EU_STAYS_OFF_ARN), "alice", h.now());

        PlannedUpdate update = overridden.update().orElseThrow();
        assertThat(update.overrides()).containsExactly(EU_STAYS_OFF_ARN);
        assertThat(update.automated()).isFalse();
        Decision executed = h.accepted(update);
        assertThat(executed.correlationId()).isEqualTo(update.proposal().correlationId());
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void anOperatorCannotPlaceTrafficOnAnUnknownCell() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());

        assertThatThrownBy(() -> h.engine.manual("mars-1", "", List.of(), "alice", h.now()))
                .isInstanceOf(NoSuchElementException.class).hasMessage("no cell named mars-1");
    }

    private static Arguments row(String name, String blockingRule, SafetyRule... rules) {
        return Arguments.of(Named.of(name, blockingRule), rules);
    }
}
