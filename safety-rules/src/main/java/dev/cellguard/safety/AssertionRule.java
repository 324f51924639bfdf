package dev.cellguard.safety;

import java.util.List;

/**
 * An assertion rule: after every update that touches one of the {@code assertedControls}, the
 * asserted controls must satisfy {@code config}, otherwise the whole update is rejected.
 *
 * <p>Documented patterns: "no fail-open" is {@code ATLEAST 1} over all cell controls; "at most one
 * Region active" is {@code ATLEAST 2, inverted} over the two Region controls.
 *
 * @param arn              the safety rule ARN
 * @param name             the rule name
 * @param assertedControls the routing control ARNs the rule constrains (non-empty, distinct)
 * @param config           the condition the asserted controls must satisfy
 * @param waitPeriodMs     anti-flapping window after a change to an asserted control (0 = none)
 */
public record AssertionRule(String arn, String name, List<String> assertedControls, RuleConfig config,
                            long waitPeriodMs) implements SafetyRule {

    public AssertionRule {
        RuleValidation.requireText(arn, "arn");
        RuleValidation.requireText(name, "name");
        assertedControls = RuleValidation.requireControls(assertedControls, "assertedControls", name);
        RuleValidation.requireThresholdWithin(config, assertedControls.size(), "asserted controls", name);
        RuleValidation.requireWaitPeriod(waitPeriodMs, name);
    }

    @Override
    public List<String> governedControls() {
        return assertedControls;
    }

    @Override
    public List<String> evaluatedControls() {
        return assertedControls;
    }

    @Override
    public String kind() {
        return "assertion";
    }
}
