package dev.cellguard.monitor.readiness;

import java.util.Map;

/** One attribute that differs between cells, with every cell's value. */
public record Difference(String ruleId, String field, Map<String, Object> valuesByCell) {
    public Difference {
        valuesByCell = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(valuesByCell));
    }
}
