package dev.cellguard.safety;

import java.util.List;

/**
 * A Route 53 ARC safety rule: either an {@link AssertionRule} or a {@link GatingRule}.
 *
 * <p>Every rule has two sets of controls that matter to the evaluator:
 * <ul>
 *   <li>{@link #governedControls()}: the controls whose changes the rule checks, and which it
 *       freezes during its wait period (asserted controls, or a gating rule's target controls);</li>
 *   <li>{@link #evaluatedControls()}: the controls its {@link RuleConfig} is applied to (asserted
 *       controls, or a gating rule's gating controls).</li>
 * </ul>
 */
public sealed interface SafetyRule permits AssertionRule, GatingRule {

    /** The rule's ARN ({@code …:controlpanel/<cp>/safetyrule/<id>}); unique within an evaluator. */
    String arn();

    /** The rule's name, used in messages. */
    String name();

    /** The condition the rule checks on its {@link #evaluatedControls()}. */
    RuleConfig config();

    /**
     * The anti-flapping wait period in milliseconds: after a change to the rule's controls, further
     * changes to its {@link #governedControls()} are rejected for this long (0 disables it).
     */
    long waitPeriodMs();

    /** The controls whose changes this rule checks and freezes during its wait period. */
    List<String> governedControls();

    /** The controls the {@link #config()} is evaluated over. */
    List<String> evaluatedControls();

    /** {@code "assertion"} or {@code "gating"}, for messages. */
    String kind();
}
