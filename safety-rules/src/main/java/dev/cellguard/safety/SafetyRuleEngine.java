package dev.cellguard.safety;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The routing-control states of one cluster, guarded by its safety rules: applies update calls
 * atomically through a {@link SafetyRuleEvaluator} and remembers when each rule's wait period
 * started. Thread-safe: concurrent calls are serialised, so each one is evaluated against the state
 * left by the previous one and a rejected call changes nothing.
 */
public final class SafetyRuleEngine {

    private final SafetyRuleEvaluator evaluator;
    private final Clock clock;
    private final Map<String, RoutingControlState> state;
    private final Map<String, Instant> waitPeriodStarts = new HashMap<>();

    /**
     * @param initialState the state of every routing control (need not satisfy the rules: a real
     *                     cluster can be in any state after overrides)
     * @param rules        the safety rules; every control they name must be in {@code initialState}
     * @param options      evaluation choices
     * @param clock        the time source for wait periods
     * @throws IllegalArgumentException if a rule names an unknown control or two rules share an ARN
     */
    public SafetyRuleEngine(Map<String, RoutingControlState> initialState, List<? extends SafetyRule> rules,
                            EvaluationOptions options, Clock clock) {
        this.state = new LinkedHashMap<>(initialState);
        this.evaluator = new SafetyRuleEvaluator(rules, options);
        this.clock = Objects.requireNonNull(clock, "clock");
        for (SafetyRule rule : evaluator.rules()) {
            for (String control : rule.governedControls()) {
                requireKnown(rule, control);
            }
            for (String control : rule.evaluatedControls()) {
                requireKnown(rule, control);
            }
        }
    }

    private void requireKnown(SafetyRule rule, String control) {
        if (!state.containsKey(control)) {
            throw new IllegalArgumentException("Safety rule " + rule.arn() + " names the unknown routing control " + control);
        }
    }

    /**
     * Evaluates one update call and, if it is accepted, commits it and starts the wait periods it
     * triggers. A rejected call leaves the state and the wait periods untouched.
     *
     * @param requested          routing control ARN to requested state, in request order
     * @param overriddenRuleArns the rules to override for this call
     * @throws IllegalArgumentException if an entry names an unknown routing control
     */
    public synchronized Evaluation apply(Map<String, RoutingControlState> requested, Set<String> overriddenRuleArns) {
        Instant now = clock.instant();
        Evaluation evaluation = evaluator.evaluate(state, requested, overriddenRuleArns, now, waitPeriodStarts);
        if (evaluation instanceof Evaluation.Accepted accepted) {
            state.putAll(accepted.newState());
            for (String rule : accepted.waitPeriodsStarted()) {
                waitPeriodStarts.put(rule, now);
            }
        }
        return evaluation;
    }

    /** An immutable snapshot of every control's state, in the order of the initial state. */
    public synchronized Map<String, RoutingControlState> state() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }

    /** The state of one control, or empty if it is unknown. */
    public synchronized Optional<RoutingControlState> state(String routingControlArn) {
        return Optional.ofNullable(state.get(routingControlArn));
    }

    /** When each rule's latest wait period started (rules never triggered are absent). */
    public synchronized Map<String, Instant> waitPeriodStarts() {
        return Map.copyOf(waitPeriodStarts);
    }

    /** The end of the rule's wait period if it is running now, else empty. */
    public synchronized Optional<Instant> activeWaitPeriodEnd(String ruleArn) {
        if (evaluator.options().waitPeriodTrigger() == EvaluationOptions.WaitPeriodTrigger.DISABLED) {
            return Optional.empty();
        }
        Instant started = waitPeriodStarts.get(ruleArn);
        if (started == null) {
            return Optional.empty();
        }
        return evaluator.rules().stream()
                .filter(rule -> rule.arn().equals(ruleArn))
                .map(rule -> started.plusMillis(rule.waitPeriodMs()))
                .filter(end -> clock.instant().isBefore(end))
                .findFirst();
    }

    public List<SafetyRule> rules() {
        return evaluator.rules();
    }

    public EvaluationOptions options() {
        return evaluator.options();
    }

    public Clock clock() {
        return clock;
    }
}
