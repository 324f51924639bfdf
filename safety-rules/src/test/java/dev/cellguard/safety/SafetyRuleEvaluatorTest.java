package dev.cellguard.safety;

import static dev.cellguard.safety.RoutingControlState.OFF;
import static dev.cellguard.safety.RoutingControlState.ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafetyRuleEvaluatorTest {

    // Routing controls of the documented patterns.
    static final String CELL_A = "cell-a";
    static final String CELL_B = "cell-b";
    static final String CELL_C = "cell-c";
    static final String REGION_1 = "region-1";
    static final String REGION_2 = "region-2";
    static final String KILL_SWITCH = "kill-switch";
    static final String ZONE_1 = "zone-1";
    static final String ZONE_2 = "zone-2";
    static final String ZONE_3 = "zone-3";

    static final AssertionRule NO_FAIL_OPEN_CELLS =
            new AssertionRule("arn:no-fail-open-cells", "no-fail-open-cells", List.of(CELL_A, CELL_B, CELL_C),
                    RuleConfig.atLeast(1), 0);
    static final AssertionRule NO_FAIL_OPEN_REGIONS =
            new AssertionRule("arn:no-fail-open", "no-fail-open", List.of(REGION_1, REGION_2), RuleConfig.atLeast(1), 0);
    static final AssertionRule AT_MOST_ONE_REGION =
            new AssertionRule("arn:at-most-one", "at-most-one-region-active", List.of(REGION_1, REGION_2),
                    RuleConfig.atLeast(2).negate(), 0);
    static final GatingRule KILL_SWITCH_RULE =
            new GatingRule("arn:kill-switch", "kill-switch", List.of(KILL_SWITCH), List.of(REGION_1, REGION_2),
                    RuleConfig.or(), 0);
    static final AssertionRule TWO_OF_THREE_ZONES =
            new AssertionRule("arn:two-of-three", "two-of-three-zones", List.of(ZONE_1, ZONE_2, ZONE_3),
                    RuleConfig.atLeast(2), 0);

    static final List<SafetyRule> ACTIVE_PASSIVE = List.of(NO_FAIL_OPEN_REGIONS, AT_MOST_ONE_REGION);
    static final List<SafetyRule> ACTIVE_PASSIVE_WITH_KILL_SWITCH =
            List.of(NO_FAIL_OPEN_REGIONS, AT_MOST_ONE_REGION, KILL_SWITCH_RULE);

    /**
     * One row of the documented-pattern table.
     *
     * @param description what the row shows (the test name)
     * @param rules       the rule set
     * @param state       the current state
     * @param requested   the entries of one update call
     * @param overrides   SafetyRulesToOverride
     * @param blockedBy   the rule expected to reject the call, or {@code null} if it must be accepted
     */
    record Case(String description, List<SafetyRule> rules, Map<String, RoutingControlState> state,
                Map<String, RoutingControlState> requested, Set<String> overrides, SafetyRule blockedBy) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Map<String, RoutingControlState> states(Object... pairs) {
        var map = new LinkedHashMap<String, RoutingControlState>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (RoutingControlState) pairs[i + 1]);
        }
        return map;
    }

    static Stream<Case> documentedPatterns() {
        var allCellsOn = states(CELL_A, ON, CELL_B, ON, CELL_C, ON);
        var onlyCellAOn = states(CELL_A, ON, CELL_B, OFF, CELL_C, OFF);
        var primaryActive = states(REGION_1, ON, REGION_2, OFF);
        var primaryActiveSwitchOn = states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, ON);
        var primaryActiveSwitchOff = states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, OFF);
        var allZonesOn = states(ZONE_1, ON, ZONE_2, ON, ZONE_3, ON);
        var zoneOneOff = states(ZONE_1, OFF, ZONE_2, ON, ZONE_3, ON);
        var none = Set.<String>of();
        var cells = List.<SafetyRule>of(NO_FAIL_OPEN_CELLS);
        var zones = List.<SafetyRule>of(TWO_OF_THREE_ZONES);
        return Stream.of(
                // No fail-open: ATLEAST 1 over all cell controls.
                new Case("no fail-open allows draining one of three healthy cells",
                        cells, allCellsOn, states(CELL_B, OFF), none, null),
                new Case("no fail-open rejects turning the last On cell Off",
                        cells, onlyCellAOn, states(CELL_A, OFF), none, NO_FAIL_OPEN_CELLS),
                new Case("no fail-open rejects turning every cell Off in one call",
                        cells, allCellsOn, states(CELL_A, OFF, CELL_B, OFF, CELL_C, OFF), none, NO_FAIL_OPEN_CELLS),
                new Case("no fail-open allows moving traffic to another cell in one call",
                        cells, onlyCellAOn, states(CELL_A, OFF, CELL_C, ON), none, null),
                new Case("no fail-open can be overridden",
                        cells, onlyCellAOn, states(CELL_A, OFF), Set.of(NO_FAIL_OPEN_CELLS.arn()), null),

                // At most one Region active: ATLEAST 2 inverted over [Region1, Region2].
                new Case("at most one Region active rejects turning the secondary On alone",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_2, ON), none, AT_MOST_ONE_REGION),
                new Case("no fail-open rejects turning the primary Off alone",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_1, OFF), none, NO_FAIL_OPEN_REGIONS),
                new Case("failover flipping primary Off and secondary On in one call passes both rules",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_1, OFF, REGION_2, ON), none, null),
                new Case("failover passes whatever the order of the entries",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_2, ON, REGION_1, OFF), none, null),
                new Case("overriding at most one Region active allows both Regions On",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_2, ON), Set.of(AT_MOST_ONE_REGION.arn()), null),
                new Case("overriding one rule does not override the other",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_1, OFF), Set.of(AT_MOST_ONE_REGION.arn()),
                        NO_FAIL_OPEN_REGIONS),
                new Case("overriding an unknown rule ARN is ignored",
                        ACTIVE_PASSIVE, primaryActive, states(REGION_2, ON), Set.of("arn:unknown"), AT_MOST_ONE_REGION),

                // Kill switch: gating rule, one gating control, OR.
                new Case("kill switch On lets the targets fail over",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOn, states(REGION_1, OFF, REGION_2, ON),
                        none, null),
                new Case("kill switch Off freezes the targets",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOff, states(REGION_1, OFF, REGION_2, ON),
                        none, KILL_SWITCH_RULE),
                new Case("kill switch itself can always be turned On",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOff, states(KILL_SWITCH, ON), none, null),
                new Case("kill switch can be turned Off",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOn, states(KILL_SWITCH, OFF), none, null),
                new Case("by default the gate is read before the call, so re-opening it and failing over together fails",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOff,
                        states(KILL_SWITCH, ON, REGION_1, OFF, REGION_2, ON), none, KILL_SWITCH_RULE),
                new Case("overriding the kill switch lets an operator fail over anyway",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOff, states(REGION_1, OFF, REGION_2, ON),
                        Set.of(KILL_SWITCH_RULE.arn()), null),
                new Case("assertion rules still apply while the kill switch is overridden",
                        ACTIVE_PASSIVE_WITH_KILL_SWITCH, primaryActiveSwitchOff, states(REGION_2, ON),
                        Set.of(KILL_SWITCH_RULE.arn()), AT_MOST_ONE_REGION),

                // Single Region: at least 2 of 3 zonal controls On.
                new Case("two of three zones allows draining one zone",
                        zones, allZonesOn, states(ZONE_1, OFF), none, null),
                new Case("two of three zones rejects draining two zones in one call",
                        zones, allZonesOn, states(ZONE_1, OFF, ZONE_2, OFF), none, TWO_OF_THREE_ZONES),
                new Case("two of three zones rejects draining a second zone",
                        zones, zoneOneOff, states(ZONE_2, OFF), none, TWO_OF_THREE_ZONES),
                new Case("two of three zones allows swapping the drained zone in one call",
                        zones, zoneOneOff, states(ZONE_1, ON, ZONE_2, OFF), none, null),
                new Case("two of three zones allows restoring a zone",
                        zones, zoneOneOff, states(ZONE_1, ON), none, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedPatterns")
    void evaluatesDocumentedPatterns(Case c) {
        var evaluator = new SafetyRuleEvaluator(c.rules(), EvaluationOptions.defaults());

        Evaluation result = evaluator.evaluate(Map.copyOf(c.state()), c.requested(), c.overrides());

        if (c.blockedBy() == null) {
            assertThat(result).isInstanceOf(Evaluation.Accepted.class);
            var expected = new LinkedHashMap<>(c.state());
            expected.putAll(c.requested());
            assertThat(((Evaluation.Accepted) result).newState()).isEqualTo(expected);
        } else {
            assertThat(result).isInstanceOfSatisfying(Evaluation.Rejected.class, rejected -> {
                assertThat(rejected.rule()).isEqualTo(c.blockedBy());
                assertThat(rejected.message()).contains(c.blockedBy().arn());
            });
        }
    }

    @Test
    void reportsEveryEntryWithItsPreviousStateInRequestOrder() {
        var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE, EvaluationOptions.defaults());

        var result = (Evaluation.Accepted) evaluator.evaluate(states(REGION_1, ON, REGION_2, OFF),
                states(REGION_2, ON, REGION_1, OFF), Set.of());

        assertThat(result.changes()).containsExactly(
                new StateChange(REGION_2, OFF, ON), new StateChange(REGION_1, ON, OFF));
        assertThat(result.changesState()).isTrue();
    }

    @Test
    void explainsWhyAnAssertionFailed() {
        var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE, EvaluationOptions.defaults());

        var result = (Evaluation.Rejected) evaluator.evaluate(states(REGION_1, ON, REGION_2, OFF),
                states(REGION_2, ON), Set.of());

        assertThat(result.reason()).isEqualTo(RejectionReason.ASSERTION_NOT_SATISFIED);
        assertThat(result.message())
                .isEqualTo("Safety rule arn:at-most-one (assertion rule \"at-most-one-region-active\") rejected the "
                        + "update: assertion ATLEAST 2 (inverted) over [region-1, region-2] would not hold after the "
                        + "update (2 of 2 On)");
    }

    @Test
    void rejectsEntriesForUnknownControls() {
        var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE, EvaluationOptions.defaults());

        assertThatThrownBy(() -> evaluator.evaluate(states(REGION_1, ON, REGION_2, OFF), states("nope", ON), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void rejectsTwoRulesWithTheSameArn() {
        var twin = new AssertionRule(NO_FAIL_OPEN_REGIONS.arn(), "twin", List.of(REGION_1), RuleConfig.or(), 0);

        assertThatThrownBy(() -> new SafetyRuleEvaluator(List.of(NO_FAIL_OPEN_REGIONS, twin), EvaluationOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share the ARN");
    }

    @Test
    void checksAssertionRulesBeforeGatingRules() {
        var evaluator = new SafetyRuleEvaluator(List.of(KILL_SWITCH_RULE, AT_MOST_ONE_REGION), EvaluationOptions.defaults());

        var result = evaluator.evaluate(states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, OFF), states(REGION_2, ON), Set.of());

        assertThat(((Evaluation.Rejected) result).rule()).isEqualTo(AT_MOST_ONE_REGION);
    }

    @Nested
    class NoOpEntries {

        // Both Regions On: reachable only by overriding "at most one Region active" earlier.
        final Map<String, RoutingControlState> bothOn = states(REGION_1, ON, REGION_2, ON);

        @Test
        void doNotTriggerRulesByDefaultSoIdempotentRetriesSucceed() {
            var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE, EvaluationOptions.defaults());

            var result = evaluator.evaluate(bothOn, states(REGION_2, ON), Set.of());

            assertThat(result).isInstanceOfSatisfying(Evaluation.Accepted.class, accepted -> {
                assertThat(accepted.changesState()).isFalse();
                assertThat(accepted.waitPeriodsStarted()).isEmpty();
            });
        }

        @Test
        void triggerRulesWhenConfiguredTo() {
            var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE,
                    EvaluationOptions.defaults().withNoOpEntriesTriggerRules(true));

            var result = evaluator.evaluate(bothOn, states(REGION_2, ON), Set.of());

            assertThat(((Evaluation.Rejected) result).rule()).isEqualTo(AT_MOST_ONE_REGION);
        }

        @Test
        void stillCountInTheProposedStateOfAMixedCall() {
            var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE, EvaluationOptions.defaults());

            // REGION_1 On is a no-op, REGION_2 On is a change: the assertion sees both On.
            var result = evaluator.evaluate(states(REGION_1, ON, REGION_2, OFF), states(REGION_1, ON, REGION_2, ON), Set.of());

            assertThat(((Evaluation.Rejected) result).rule()).isEqualTo(AT_MOST_ONE_REGION);
        }
    }

    @Nested
    class GatingEvaluationOption {

        final Map<String, RoutingControlState> gateClosed = states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, OFF);
        final Map<String, RoutingControlState> reopenAndFailOver = states(KILL_SWITCH, ON, REGION_1, OFF, REGION_2, ON);

        @Test
        void proposedStateLetsOneCallReopenTheGateAndMoveTargets() {
            var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE_WITH_KILL_SWITCH, EvaluationOptions.defaults()
                    .withGatingEvaluation(EvaluationOptions.GatingEvaluation.PROPOSED_STATE));

            assertThat(evaluator.evaluate(gateClosed, reopenAndFailOver, Set.of()).accepted()).isTrue();
        }

        @Test
        void proposedStateRejectsClosingTheGateAndMovingTargetsTogether() {
            var evaluator = new SafetyRuleEvaluator(ACTIVE_PASSIVE_WITH_KILL_SWITCH, EvaluationOptions.defaults()
                    .withGatingEvaluation(EvaluationOptions.GatingEvaluation.PROPOSED_STATE));
            var gateOpen = states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, ON);

            var result = evaluator.evaluate(gateOpen, states(KILL_SWITCH, OFF, REGION_1, OFF, REGION_2, ON), Set.of());

            assertThat(((Evaluation.Rejected) result).reason()).isEqualTo(RejectionReason.GATING_NOT_SATISFIED);
        }
    }

    @Nested
    class WaitPeriods {

        final AssertionRule atMostOneWithWait = new AssertionRule("arn:at-most-one", "at-most-one-region-active",
                List.of(REGION_1, REGION_2), RuleConfig.atLeast(2).negate(), 5000);
        final AssertionRule noFailOpenWithWait = new AssertionRule("arn:no-fail-open", "no-fail-open",
                List.of(REGION_1, REGION_2), RuleConfig.atLeast(1), 5000);
        final List<SafetyRule> rules = List.of(noFailOpenWithWait, atMostOneWithWait);
        final Map<String, RoutingControlState> secondaryActive = states(REGION_1, OFF, REGION_2, ON);
        final Map<String, RoutingControlState> failBack = states(REGION_1, ON, REGION_2, OFF);
        final Instant failoverAt = Instant.parse("2025-01-01T00:00:00Z");
        final Map<String, Instant> startedByFailover =
                Map.of(noFailOpenWithWait.arn(), failoverAt, atMostOneWithWait.arn(), failoverAt);

        final SafetyRuleEvaluator evaluator = new SafetyRuleEvaluator(rules, EvaluationOptions.defaults());

        @Test
        void acceptedChangeStartsTheWaitPeriodOfEveryRuleGoverningAChangedControl() {
            var result = (Evaluation.Accepted) evaluator.evaluate(failBack, secondaryActive, Set.of(), failoverAt, Map.of());

            assertThat(result.waitPeriodsStarted()).containsExactlyInAnyOrder(noFailOpenWithWait.arn(), atMostOneWithWait.arn());
        }

        @Test
        void rejectsChangesWithinTheWaitPeriodAndSaysWhenItEnds() {
            var result = evaluator.evaluate(secondaryActive, failBack, Set.of(),
                    failoverAt.plus(Duration.ofMillis(4999)), startedByFailover);

            assertThat(result).isInstanceOfSatisfying(Evaluation.Rejected.class, rejected -> {
                assertThat(rejected.reason()).isEqualTo(RejectionReason.WAIT_PERIOD_ACTIVE);
                assertThat(rejected.rule()).isEqualTo(noFailOpenWithWait);
                assertThat(rejected.waitPeriodEnd()).isEqualTo(failoverAt.plusMillis(5000));
                assertThat(rejected.message()).contains("arn:no-fail-open", "wait period");
            });
        }

        @Test
        void acceptsChangesOnceTheWaitPeriodIsOver() {
            var result = evaluator.evaluate(secondaryActive, failBack, Set.of(),
                    failoverAt.plus(Duration.ofMillis(5000)), startedByFailover);

            assertThat(result.accepted()).isTrue();
        }

        @Test
        void overridingEveryBlockingRuleBypassesTheirWaitPeriods() {
            var result = evaluator.evaluate(secondaryActive, failBack,
                    Set.of(noFailOpenWithWait.arn(), atMostOneWithWait.arn()), failoverAt.plusMillis(1), startedByFailover);

            assertThat(result).isInstanceOfSatisfying(Evaluation.Accepted.class, accepted ->
                    assertThat(accepted.waitPeriodsStarted()).as("overridden rules still start a new wait period")
                            .containsExactlyInAnyOrder(noFailOpenWithWait.arn(), atMostOneWithWait.arn()));
        }

        @Test
        void acceptsAnIdempotentRetryWithinTheWaitPeriod() {
            var result = evaluator.evaluate(secondaryActive, secondaryActive, Set.of(), failoverAt.plusMillis(1),
                    startedByFailover);

            assertThat(result.accepted()).isTrue();
        }

        @Test
        void doesNotFreezeControlsTheRuleDoesNotGovern() {
            var other = new AssertionRule("arn:other", "other", List.of(CELL_A), RuleConfig.atLeast(1), 5000);
            var withOther = new SafetyRuleEvaluator(List.of(noFailOpenWithWait, other), EvaluationOptions.defaults());
            var state = states(REGION_1, OFF, REGION_2, ON, CELL_A, ON, CELL_B, ON);

            var result = withOther.evaluate(state, states(CELL_B, OFF), Set.of(), failoverAt.plusMillis(1), startedByFailover);

            assertThat(result.accepted()).isTrue();
        }

        @Test
        void areIgnoredWhenDisabled() {
            var disabled = new SafetyRuleEvaluator(rules,
                    EvaluationOptions.defaults().withWaitPeriodTrigger(EvaluationOptions.WaitPeriodTrigger.DISABLED));

            var result = disabled.evaluate(secondaryActive, failBack, Set.of(), failoverAt.plusMillis(1), startedByFailover);

            assertThat(result).isInstanceOfSatisfying(Evaluation.Accepted.class, accepted ->
                    assertThat(accepted.waitPeriodsStarted()).isEmpty());
        }

        @Test
        void gatingControlChangesStartTheGatingRuleWaitPeriodOnlyWhenConfigured() {
            var killSwitch = new GatingRule("arn:kill-switch", "kill-switch", List.of(KILL_SWITCH),
                    List.of(REGION_1, REGION_2), RuleConfig.or(), 5000);
            var state = states(REGION_1, ON, REGION_2, OFF, KILL_SWITCH, OFF);
            var byDefault = new SafetyRuleEvaluator(List.of(killSwitch), EvaluationOptions.defaults());
            var anyControl = new SafetyRuleEvaluator(List.of(killSwitch), EvaluationOptions.defaults()
                    .withWaitPeriodTrigger(EvaluationOptions.WaitPeriodTrigger.ANY_RULE_CONTROL_CHANGE));

            var defaultResult = (Evaluation.Accepted) byDefault.evaluate(state, states(KILL_SWITCH, ON), Set.of());
            var anyResult = (Evaluation.Accepted) anyControl.evaluate(state, states(KILL_SWITCH, ON), Set.of());

            assertThat(defaultResult.waitPeriodsStarted()).isEmpty();
            assertThat(anyResult.waitPeriodsStarted()).containsExactly(killSwitch.arn());
        }
    }
}
