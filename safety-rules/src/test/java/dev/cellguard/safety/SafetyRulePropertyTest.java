package dev.cellguard.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random rule sets, random initial states and random sequences of update calls (with random
 * overrides and random time steps) against {@link SafetyRuleEngine}, checked against the ARC
 * semantics written out independently here.
 */
class SafetyRulePropertyTest {

    /** One update call and the time that passes before it. */
    record Step(Map<String, RoutingControlState> entries, Set<String> overrides, long advanceMs) {
    }

    record Scenario(List<String> controls, Map<String, RoutingControlState> initial, List<SafetyRule> rules,
                    List<Step> steps, EvaluationOptions options) {
    }

    @Property(tries = 300)
    void withoutOverridesEveryCommittedStateSatisfiesEveryAssertionRule(@ForAll("scenarios") Scenario scenario) {
        // Keep only the assertion rules the initial state satisfies, so the invariant holds at the start.
        var rules = scenario.rules().stream()
                .filter(rule -> !(rule instanceof AssertionRule assertion) || holds(assertion, scenario.initial()))
                .toList();
        var engine = new SafetyRuleEngine(scenario.initial(), rules, scenario.options(), clock());

        for (Step step : scenario.steps()) {
            engine.apply(step.entries(), Set.of());
            for (SafetyRule rule : rules) {
                if (rule instanceof AssertionRule assertion) {
                    assertThat(holds(assertion, engine.state()))
                            .as("%s after %s", rule.name(), step)
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 300)
    void acceptedCallsRespectEveryRuleNotOverriddenAndRejectedCallsChangeNothing(
            @ForAll("scenarios") Scenario scenario) {
        var clock = clock();
        var engine = new SafetyRuleEngine(scenario.initial(), scenario.rules(), scenario.options(), clock);
        boolean waitPeriodsOn = scenario.options().waitPeriodTrigger() != EvaluationOptions.WaitPeriodTrigger.DISABLED;

        for (Step step : scenario.steps()) {
            clock.advance(Duration.ofMillis(step.advanceMs()));
            var before = engine.state();
            var startsBefore = engine.waitPeriodStarts();

            Evaluation result = engine.apply(step.entries(), step.overrides());

            if (result instanceof Evaluation.Rejected rejected) {
                assertThat(engine.state()).isEqualTo(before);
                assertThat(engine.waitPeriodStarts()).isEqualTo(startsBefore);
                assertThat(step.overrides()).doesNotContain(rejected.rule().arn());
                continue;
            }
            var after = engine.state();
            var expected = new LinkedHashMap<>(before);
            expected.putAll(step.entries());
            assertThat(after).isEqualTo(expected);

            Set<String> triggering = step.entries().keySet().stream()
                    .filter(arn -> scenario.options().noOpEntriesTriggerRules() || before.get(arn) != step.entries().get(arn))
                    .collect(Collectors.toSet());
            for (SafetyRule rule : scenario.rules()) {
                boolean governs = rule.governedControls().stream().anyMatch(triggering::contains);
                if (!governs || step.overrides().contains(rule.arn())) {
                    continue;
                }
                if (rule instanceof AssertionRule assertion) {
                    assertThat(holds(assertion, after)).as("assertion %s after %s", rule.name(), step).isTrue();
                } else if (rule instanceof GatingRule gating) {
                    var gateState = scenario.options().gatingEvaluation()
                            == EvaluationOptions.GatingEvaluation.CURRENT_STATE ? before : after;
                    assertThat(gating.config().holds(gating.gatingControls().stream().map(gateState::get).toList()))
                            .as("gating %s for %s", rule.name(), step).isTrue();
                }
                Instant started = startsBefore.get(rule.arn());
                if (waitPeriodsOn && started != null) {
                    assertThat(clock.instant()).as("wait period of %s", rule.name())
                            .isAfterOrEqualTo(started.plusMillis(rule.waitPeriodMs()));
                }
            }
        }
    }

    private static boolean holds(AssertionRule rule, Map<String, RoutingControlState> state) {
        return rule.config().holds(rule.assertedControls().stream().map(state::get).toList());
    }

    private static MutableClock clock() {
        return new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(2, 6).flatMap(count -> {
            List<String> controls = IntStream.range(0, count).mapToObj(i -> "rc-" + i).toList();
            Arbitrary<Map<String, RoutingControlState>> initial = Arbitraries.of(RoutingControlState.class)
                    .list().ofSize(count)
                    .map(states -> {
                        var map = new LinkedHashMap<String, RoutingControlState>();
                        for (int i = 0; i < count; i++) {
                            map.put(controls.get(i), states.get(i));
                        }
                        return map;
                    });
            Arbitrary<List<SafetyRule>> rules = rule(controls).list().ofMaxSize(4).map(SafetyRulePropertyTest::numbered);
            Arbitrary<List<Step>> steps = step(controls).list().ofMinSize(1).ofMaxSize(20);
            Arbitrary<EvaluationOptions> options = Combinators.combine(
                    Arbitraries.of(EvaluationOptions.GatingEvaluation.class),
                    Arbitraries.of(true, false),
                    Arbitraries.of(EvaluationOptions.WaitPeriodTrigger.class)).as(EvaluationOptions::new);
            return Combinators.combine(initial, rules, steps, options)
                    .as((i, r, s, o) -> new Scenario(controls, i, r, s, o));
        });
    }

    /** Gives generated rules distinct ARNs {@code rule-0}, {@code rule-1}, … (overrides pick from these). */
    private static List<SafetyRule> numbered(List<SafetyRule> rules) {
        var result = new ArrayList<SafetyRule>();
        for (int i = 0; i < rules.size(); i++) {
            String arn = "rule-" + i;
            SafetyRule rule = rules.get(i);
            if (rule instanceof AssertionRule a) {
                result.add(new AssertionRule(arn, arn, a.assertedControls(), a.config(), a.waitPeriodMs()));
            } else if (rule instanceof GatingRule g) {
                result.add(new GatingRule(arn, arn, g.gatingControls(), g.targetControls(), g.config(), g.waitPeriodMs()));
            }
        }
        return result;
    }

    private static Arbitrary<List<String>> subset(List<String> controls) {
        return Arbitraries.of(controls).set().ofMinSize(1).ofMaxSize(controls.size()).map(List::copyOf);
    }

    private static Arbitrary<RuleConfig> config(int controlCount) {
        return Combinators.combine(Arbitraries.of(RuleType.class), Arbitraries.integers().between(1, controlCount),
                Arbitraries.of(true, false)).as(RuleConfig::new);
    }

    private static Arbitrary<SafetyRule> rule(List<String> controls) {
        Arbitrary<Long> waitPeriod = Arbitraries.of(0L, 1000L, 5000L);
        Arbitrary<SafetyRule> assertion = subset(controls).flatMap(asserted ->
                Combinators.combine(config(asserted.size()), waitPeriod)
                        .as((c, w) -> new AssertionRule("pending", "pending", asserted, c, w)));
        Arbitrary<SafetyRule> gating = Combinators.combine(subset(controls), subset(controls)).as(List::of)
                .flatMap(pair -> Combinators.combine(config(pair.get(0).size()), waitPeriod)
                        .as((c, w) -> new GatingRule("pending", "pending", pair.get(0), pair.get(1), c, w)));
        return Arbitraries.oneOf(assertion, gating);
    }

    private static Arbitrary<Step> step(List<String> controls) {
        Arbitrary<Map<String, RoutingControlState>> entries = Arbitraries.maps(
                Arbitraries.of(controls), Arbitraries.of(RoutingControlState.class)).ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<String>> overrides = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Set.<String>of())),
                Tuple.of(1, Arbitraries.integers().between(0, 4).map(i -> "rule-" + i).set().ofMaxSize(2)));
        return Combinators.combine(entries, overrides, Arbitraries.longs().between(0, 3000)).as(Step::new);
    }
}
