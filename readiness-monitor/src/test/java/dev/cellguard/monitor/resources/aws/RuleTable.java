package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ResourceSetEvaluator;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made observations of three cells, judged as the monitor judges a resource set. */
final class RuleTable {

    static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");
    static final List<String> CELLS = List.of("eu-west-1", "us-east-1", "ap-southeast-2");

    private RuleTable() {
    }

    /** The base attributes with some replaced; a null value removes the attribute. */
    static Observation observed(Map<String, Object> base, Object... replacements) {
        Map<String, Object> attributes = new HashMap<>(base);
        for (int i = 0; i < replacements.length; i += 2) {
            String name = (String) replacements[i];
            Object value = replacements[i + 1];
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }
        return new Observation.Observed(attributes, AT);
    }

    static Observation failed(Observation.Failure failure) {
        return new Observation.Failed(failure, "stubbed " + failure, AT);
    }

    /** Judges the observations, given in the order of {@link #CELLS}. */
    static ResourceSetReport evaluate(String type, List<ReadinessRule> rules, Observation... byCell) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        for (int i = 0; i < byCell.length; i++) {
            observations.put(CELLS.get(i), byCell[i]);
        }
        return ResourceSetEvaluator.evaluate("set", type, rules, observations, AT);
    }
}
