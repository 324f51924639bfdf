package dev.cellguard.safety;

import java.util.List;

/**
 * A gating rule: the {@code targetControls} may change only while the {@code gatingControls}
 * satisfy {@code config}.
 *
 * <p>Documented pattern: a "kill switch" is a gating rule with one gating control and {@code OR}:
 * turning the gating control Off freezes every target control until it is turned On again (or the
 * rule is overridden). Changing the gating controls themselves is never blocked by this rule.
 *
 * @param arn            the safety rule ARN
 * @param name           the rule name
 * @param gatingControls the routing control ARNs the condition is evaluated on (non-empty, distinct)
 * @param targetControls the routing control ARNs that are frozen unless the condition holds
 * @param config         the condition on the gating controls
 * @param waitPeriodMs   anti-flapping window after a change to a target control (0 = none)
 */
public record GatingRule(String arn, String name, List<String> gatingControls, List<String> targetControls,
                         RuleConfig config, long waitPeriodMs) implements SafetyRule {

    public GatingRule {
        RuleValidation.requireText(arn, "arn");
        RuleValidation.requireText(name, "name");
        gatingControls = RuleValidation.requireControls(gatingControls, "gatingControls", name);
        targetControls = RuleValidation.requireControls(targetControls, "targetControls", name);
        RuleValidation.requireThresholdWithin(config, gatingControls.size(), "gating controls", name);
        RuleValidation.requireWaitPeriod(waitPeriodMs, name);
    }

    @Override
    public List<String> governedControls() {
        return targetControls;
    }

    @Override
    public List<String> evaluatedControls() {
        return gatingControls;
    }

    @Override
    public String kind() {
        return "gating";
    }
}
