package dev.cellguard.safety;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the safety-rule records. */
final class RuleValidation {

    private RuleValidation() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Returns an immutable copy of a non-empty list of distinct, non-blank control ARNs. */
    static List<String> requireControls(List<String> controls, String field, String ruleName) {
        Objects.requireNonNull(controls, field);
        if (controls.isEmpty()) {
            throw new IllegalArgumentException(field + " of rule " + ruleName + " must not be empty");
        }
        var seen = new HashSet<String>();
        for (String control : controls) {
            requireText(control, field + " entry of rule " + ruleName);
            if (!seen.add(control)) {
                throw new IllegalArgumentException(field + " of rule " + ruleName + " lists " + control + " twice");
            }
        }
        return List.copyOf(controls);
    }

    static void requireThresholdWithin(RuleConfig config, int controlCount, String field, String ruleName) {
        Objects.requireNonNull(config, "config");
        if (config.type() == RuleType.ATLEAST && config.threshold() > controlCount) {
            throw new IllegalArgumentException("ATLEAST threshold " + config.threshold() + " of rule " + ruleName
                    + " exceeds the " + controlCount + " " + field);
        }
    }

    static void requireWaitPeriod(long waitPeriodMs, String ruleName) {
        if (waitPeriodMs < 0) {
            throw new IllegalArgumentException("waitPeriodMs of rule " + ruleName + " must not be negative");
        }
    }
}
