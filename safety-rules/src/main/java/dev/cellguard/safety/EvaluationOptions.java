package dev.cellguard.safety;

import java.util.Objects;

/**
 * The choices the evaluator makes where AWS does not document the behaviour. {@link #defaults()}
 * is what the local ARC uses unless told otherwise; every choice is explained in the module README.
 *
 * @param gatingEvaluation        which state a gating rule's condition is evaluated on
 * @param noOpEntriesTriggerRules whether an entry that sets a control to the state it already has is
 *                                treated like a change (checked by rules, blocked by and starting
 *                                wait periods)
 * @param waitPeriodTrigger       which changes start a rule's wait period
 */
public record EvaluationOptions(GatingEvaluation gatingEvaluation, boolean noOpEntriesTriggerRules,
                                WaitPeriodTrigger waitPeriodTrigger) {

    /** Which state the gating controls are read from when a gating rule is checked. */
    public enum GatingEvaluation {
        /**
         * The state before the update (default). AWS describes gating controls as having to be On
         * for target changes to be allowed, i.e. a precondition; it also means a single call cannot
         * both re-open the gate and change a target.
         */
        CURRENT_STATE,
        /** The state after the update is applied: one call may open the gate and move targets. */
        PROPOSED_STATE
    }

    /** Which accepted changes start a rule's wait period. */
    public enum WaitPeriodTrigger {
        /**
         * A change to one of the rule's governed controls (asserted controls, or a gating rule's
         * target controls) starts its wait period (default), whether or not the rule was
         * overridden in that call.
         */
        GOVERNED_CONTROL_CHANGE,
        /** Like {@link #GOVERNED_CONTROL_CHANGE}, and a change to a gating rule's gating controls too. */
        ANY_RULE_CONTROL_CHANGE,
        /** Wait periods are ignored entirely. */
        DISABLED
    }

    public EvaluationOptions {
        Objects.requireNonNull(gatingEvaluation, "gatingEvaluation");
        Objects.requireNonNull(waitPeriodTrigger, "waitPeriodTrigger");
    }

    /**
     * Gating rules on the current state, no-op entries do not trigger rules (so an idempotent retry
     * of an already applied update succeeds, even within a wait period), and a change to a rule's
     * governed controls starts its wait period.
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(GatingEvaluation.CURRENT_STATE, false, WaitPeriodTrigger.GOVERNED_CONTROL_CHANGE);
    }

    public EvaluationOptions withGatingEvaluation(GatingEvaluation value) {
        return new EvaluationOptions(value, noOpEntriesTriggerRules, waitPeriodTrigger);
    }

    public EvaluationOptions withNoOpEntriesTriggerRules(boolean value) {
        return new EvaluationOptions(gatingEvaluation, value, waitPeriodTrigger);
    }

    public EvaluationOptions withWaitPeriodTrigger(WaitPeriodTrigger value) {
        return new EvaluationOptions(gatingEvaluation, noOpEntriesTriggerRules, value);
    }
}
