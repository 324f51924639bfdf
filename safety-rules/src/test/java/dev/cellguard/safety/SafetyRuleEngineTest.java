package dev.cellguard.safety;

import static dev.cellguard.safety.RoutingControlState.OFF;
import static dev.cellguard.safety.RoutingControlState.ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SafetyRuleEngineTest {

    static final String PRIMARY = "arn:primary";
    static final String SECONDARY = "arn:secondary";
    static final AssertionRule NO_FAIL_OPEN =
            new AssertionRule("arn:no-fail-open", "no-fail-open", List.of(PRIMARY, SECONDARY), RuleConfig.atLeast(1), 5000);
    static final AssertionRule AT_MOST_ONE =
            new AssertionRule("arn:at-most-one", "at-most-one-region-active", List.of(PRIMARY, SECONDARY),
                    RuleConfig.atLeast(2).negate(), 5000);

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final SafetyRuleEngine engine = new SafetyRuleEngine(Map.of(PRIMARY, ON, SECONDARY, OFF),
            List.of(NO_FAIL_OPEN, AT_MOST_ONE), EvaluationOptions.defaults(), clock);

    @Test
    void failsOverAtomicallyInOneCall() {
        var result = engine.apply(Map.of(PRIMARY, OFF, SECONDARY, ON), Set.of());

        assertThat(result.accepted()).isTrue();
        assertThat(engine.state()).containsExactlyInAnyOrderEntriesOf(Map.of(PRIMARY, OFF, SECONDARY, ON));
    }

    @Test
    void cannotFailOverInTwoCallsInEitherOrder() {
        var primaryFirst = engine.apply(Map.of(PRIMARY, OFF), Set.of());
        var secondaryFirst = engine.apply(Map.of(SECONDARY, ON), Set.of());

        assertThat(((Evaluation.Rejected) primaryFirst).rule()).isEqualTo(NO_FAIL_OPEN);
        assertThat(((Evaluation.Rejected) secondaryFirst).rule()).isEqualTo(AT_MOST_ONE);
        assertThat(engine.state()).containsExactlyInAnyOrderEntriesOf(Map.of(PRIMARY, ON, SECONDARY, OFF));
    }

    @Test
    void rejectedCallLeavesStateAndWaitPeriodsUntouched() {
        engine.apply(Map.of(PRIMARY, OFF, SECONDARY, ON), Set.of());
        var before = engine.state();
        var startsBefore = engine.waitPeriodStarts();
        clock.advance(Duration.ofSeconds(1));

        var result = engine.apply(Map.of(SECONDARY, OFF), Set.of());

        assertThat(result.accepted()).isFalse();
        assertThat(engine.state()).isEqualTo(before);
        assertThat(engine.waitPeriodStarts()).isEqualTo(startsBefore);
    }

    @Test
    void blocksFailBackUntilTheWaitPeriodEnds() {
        engine.apply(Map.of(PRIMARY, OFF, SECONDARY, ON), Set.of());
        clock.advance(Duration.ofMillis(4999));

        var tooEarly = engine.apply(Map.of(PRIMARY, ON, SECONDARY, OFF), Set.of());
        assertThat(((Evaluation.Rejected) tooEarly).reason()).isEqualTo(RejectionReason.WAIT_PERIOD_ACTIVE);
        assertThat(engine.activeWaitPeriodEnd(NO_FAIL_OPEN.arn())).contains(Instant.parse("2025-01-01T00:00:05Z"));

        clock.advance(Duration.ofMillis(1));
        assertThat(engine.activeWaitPeriodEnd(NO_FAIL_OPEN.arn())).isEmpty();
        assertThat(engine.apply(Map.of(PRIMARY, ON, SECONDARY, OFF), Set.of()).accepted()).isTrue();
    }

    @Test
    void rejectsRulesThatNameUnknownControls() {
        var stray = new AssertionRule("arn:stray", "stray", List.of("arn:missing"), RuleConfig.atLeast(1), 0);

        assertThatThrownBy(() -> new SafetyRuleEngine(Map.of(PRIMARY, ON), List.of(stray), EvaluationOptions.defaults(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arn:missing");
    }

    @Test
    void concurrentCallsNeverCommitAStateThatBreaksTheRules() throws Exception {
        var noWait = new SafetyRuleEngine(Map.of(PRIMARY, ON, SECONDARY, OFF), List.of(
                new AssertionRule("arn:nfo", "nfo", List.of(PRIMARY, SECONDARY), RuleConfig.atLeast(1), 0),
                new AssertionRule("arn:amo", "amo", List.of(PRIMARY, SECONDARY), RuleConfig.atLeast(2).negate(), 0)),
                EvaluationOptions.defaults(), clock);
        var executor = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 200; i++) {
                // Half the callers fail over, half fail back; each also tries an unsafe single flip.
                boolean toSecondary = i % 2 == 0;
                tasks.add(() -> {
                    noWait.apply(Map.of(PRIMARY, toSecondary ? ON : OFF), Set.of());
                    noWait.apply(Map.of(PRIMARY, RoutingControlState.of(!toSecondary),
                            SECONDARY, RoutingControlState.of(toSecondary)), Set.of());
                    var state = noWait.state();
                    return state.get(PRIMARY) != state.get(SECONDARY);
                });
            }
            for (Future<Boolean> outcome : executor.invokeAll(tasks)) {
                assertThat(outcome.get()).isTrue();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
