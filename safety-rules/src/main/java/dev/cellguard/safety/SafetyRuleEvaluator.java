package dev.cellguard.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether one routing-control update call may be applied, following Route 53 ARC's
 * safety-rule semantics. It is a pure function of its inputs: it holds no state and never changes
 * the maps it is given, so it can serve both the local ARC data plane (through
 * {@link SafetyRuleEngine}) and a client-side pre-check before calling the real ARC.
 *
 * <p>Evaluation of one call, all entries together (atomic: all apply or none do):
 * <ol>
 *   <li>Validating the request (1–10 entries, states, known ARNs) is the caller's job; entries
 *       naming unknown controls are rejected here with {@link IllegalArgumentException}.</li>
 *   <li>S' = the current state S with every entry applied. An entry whose requested state equals
 *       the current one is a <em>no-op</em>; unless {@link EvaluationOptions#noOpEntriesTriggerRules()},
 *       only entries that really change a control are <em>triggering</em>.</li>
 *   <li>Every assertion rule that is not overridden and whose asserted controls include a
 *       triggering control must hold on S'.</li>
 *   <li>Every gating rule that is not overridden and whose target controls include a triggering
 *       control must hold on its gating controls, read from S (default) or S'
 *       ({@link EvaluationOptions#gatingEvaluation()}).</li>
 *   <li>Every rule that is not overridden, is within its wait period and whose governed controls
 *       include a triggering control blocks the call.</li>
 *   <li>The first failing rule (in that order: assertion rules, gating rules, wait periods; rules
 *       in the order given) rejects the whole call; otherwise the result carries S' and the rules
 *       whose wait periods start now.</li>
 * </ol>
 *
 * <p>Overriding a rule ({@code SafetyRulesToOverride}) bypasses both its condition and its wait
 * period for that call. ARNs in the override set that name no rule are ignored.
 */
public final class SafetyRuleEvaluator {

    private final List<SafetyRule> rules;
    private final EvaluationOptions options;

    /**
     * @param rules   the safety rules, checked in this order
     * @param options the choices for behaviour AWS does not document
     * @throws IllegalArgumentException if two rules share an ARN
     */
    public SafetyRuleEvaluator(List<? extends SafetyRule> rules, EvaluationOptions options) {
        this.rules = List.copyOf(rules);
        this.options = Objects.requireNonNull(options, "options");
        var arns = new HashSet<String>();
        for (SafetyRule rule : this.rules) {
            if (!arns.add(rule.arn())) {
                throw new IllegalArgumentException("Two safety rules share the ARN " + rule.arn());
            }
        }
    }

    public List<SafetyRule> rules() {
        return rules;
    }

    public EvaluationOptions options() {
        return options;
    }

    /**
     * Evaluates an update without wait-period information (no rule is considered to be within its
     * wait period), e.g. for a client-side pre-check against a state read from ARC.
     */
    public Evaluation evaluate(Map<String, RoutingControlState> state, Map<String, RoutingControlState> requested,
                               Set<String> overriddenRuleArns) {
        return evaluate(state, requested, overriddenRuleArns, Instant.EPOCH, Map.of());
    }

    /**
     * Evaluates one update call.
     *
     * @param state              the current state of every routing control (including every control any rule names)
     * @param requested          the requested entries, routing control ARN to state, in request order
     * @param overriddenRuleArns the {@code SafetyRulesToOverride} of the call
     * @param now                the time of the call, compared with wait periods
     * @param waitPeriodStarts   for each rule ARN, when its current wait period started (absent: none)
     * @return {@link Evaluation.Accepted} with the new state, or {@link Evaluation.Rejected} naming the rule
     * @throws IllegalArgumentException if an entry or a rule names a control missing from {@code state}
     */
    public Evaluation evaluate(Map<String, RoutingControlState> state, Map<String, RoutingControlState> requested,
                               Set<String> overriddenRuleArns, Instant now, Map<String, Instant> waitPeriodStarts) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(overriddenRuleArns, "overriddenRuleArns");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(waitPeriodStarts, "waitPeriodStarts");

        // Step 2: S' and the entries that count as changes.
        var proposed = new LinkedHashMap<>(state);
        var changes = new ArrayList<StateChange>(requested.size());
        var triggering = new LinkedHashSet<String>();
        requested.forEach((arn, next) -> {
            RoutingControlState previous = state.get(arn);
            if (previous == null) {
                throw new IllegalArgumentException("Unknown routing control " + arn);
            }
            proposed.put(arn, Objects.requireNonNull(next, "requested state of " + arn));
            var change = new StateChange(arn, previous, next);
            changes.add(change);
            if (change.changed() || options.noOpEntriesTriggerRules()) {
                triggering.add(arn);
            }
        });

        // Step 3: assertion rules on S'.
        for (SafetyRule rule : rules) {
            if (rule instanceof AssertionRule assertion && applies(rule, overriddenRuleArns, triggering)
                    && !assertion.config().holds(statesOf(assertion.assertedControls(), proposed))) {
                return reject(rule, RejectionReason.ASSERTION_NOT_SATISFIED,
                        "assertion " + assertion.config().describe() + " over " + assertion.assertedControls()
                                + " would not hold after the update (" + onCount(assertion.assertedControls(), proposed)
                                + " of " + assertion.assertedControls().size() + " On)", null);
            }
        }

        // Step 4: gating rules on S (default) or S'.
        Map<String, RoutingControlState> gatingState =
                options.gatingEvaluation() == EvaluationOptions.GatingEvaluation.CURRENT_STATE ? state : proposed;
        for (SafetyRule rule : rules) {
            if (rule instanceof GatingRule gating && applies(rule, overriddenRuleArns, triggering)
                    && !gating.config().holds(statesOf(gating.gatingControls(), gatingState))) {
                return reject(rule, RejectionReason.GATING_NOT_SATISFIED,
                        "gating controls " + gating.gatingControls() + " do not satisfy " + gating.config().describe()
                                + " (" + onCount(gating.gatingControls(), gatingState) + " of "
                                + gating.gatingControls().size() + " On), so target controls "
                                + gating.targetControls() + " cannot change", null);
            }
        }

        // Step 5: wait periods.
        if (options.waitPeriodTrigger() != EvaluationOptions.WaitPeriodTrigger.DISABLED) {
            for (SafetyRule rule : rules) {
                Instant started = waitPeriodStarts.get(rule.arn());
                if (started == null || rule.waitPeriodMs() == 0 || !applies(rule, overriddenRuleArns, triggering)) {
                    continue;
                }
                Instant end = started.plusMillis(rule.waitPeriodMs());
                if (now.isBefore(end)) {
                    return reject(rule, RejectionReason.WAIT_PERIOD_ACTIVE,
                            "the rule is within its wait period of " + rule.waitPeriodMs() + " ms until " + end
                                    + ", so " + rule.governedControls() + " cannot change", end);
                }
            }
        }

        // Step 6: accepted; find the wait periods this update starts.
        var started = new LinkedHashSet<String>();
        if (options.waitPeriodTrigger() != EvaluationOptions.WaitPeriodTrigger.DISABLED) {
            for (SafetyRule rule : rules) {
                if (rule.waitPeriodMs() > 0 && intersects(waitPeriodControls(rule), triggering)) {
                    started.add(rule.arn());
                }
            }
        }
        return new Evaluation.Accepted(proposed, changes, started, overriddenRuleArns);
    }

    /** Whether a rule takes part in this call: not overridden, and it governs a triggering control. */
    private static boolean applies(SafetyRule rule, Set<String> overridden, Set<String> triggering) {
        return !overridden.contains(rule.arn()) && intersects(rule.governedControls(), triggering);
    }

    /** The controls whose change starts the rule's wait period, per {@link EvaluationOptions#waitPeriodTrigger()}. */
    private List<String> waitPeriodControls(SafetyRule rule) {
        if (options.waitPeriodTrigger() == EvaluationOptions.WaitPeriodTrigger.ANY_RULE_CONTROL_CHANGE
                && rule instanceof GatingRule gating) {
            var all = new ArrayList<>(gating.targetControls());
            all.addAll(gating.gatingControls());
            return all;
        }
        return rule.governedControls();
    }

    private static boolean intersects(Collection<String> controls, Set<String> triggering) {
        for (String control : controls) {
            if (triggering.contains(control)) {
                return true;
            }
        }
        return false;
    }

    private static List<RoutingControlState> statesOf(List<String> controls, Map<String, RoutingControlState> state) {
        var states = new ArrayList<RoutingControlState>(controls.size());
        for (String control : controls) {
            RoutingControlState value = state.get(control);
            if (value == null) {
                throw new IllegalArgumentException("A safety rule names the unknown routing control " + control);
            }
            states.add(value);
        }
        return states;
    }

    private static long onCount(List<String> controls, Map<String, RoutingControlState> state) {
        return controls.stream().filter(control -> state.get(control).isOn()).count();
    }

    private static Evaluation.Rejected reject(SafetyRule rule, RejectionReason reason, String detail, Instant end) {
        String message = "Safety rule " + rule.arn() + " (" + rule.kind() + " rule \"" + rule.name()
                + "\") rejected the update: " + detail;
        return new Evaluation.Rejected(rule, reason, message, end);
    }
}
