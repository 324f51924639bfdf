package dev.cellguard.safety;

/**
 * How a safety rule combines the states of the routing controls it evaluates (the {@code Type}
 * of the control-config API's {@code RuleConfig}).
 */
public enum RuleType {
    /** At least {@link RuleConfig#threshold()} of the controls are On. */
    ATLEAST,
    /** Every control is On. */
    AND,
    /** At least one control is On. */
    OR
}
