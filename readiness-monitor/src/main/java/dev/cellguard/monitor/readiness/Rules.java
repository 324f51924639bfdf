package dev.cellguard.monitor.readiness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Building blocks for readiness rules, so each resource type states its rules in a line each:
 * "each" rules check one resource, "all" rules compare the resources of a set. A failing "all"
 * rule makes every cell of the set NOT_READY (as in ARC: a difference between cells means no cell
 * can be trusted to take the other's traffic) and reports the differing values.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * An "each" rule from a check that returns what is wrong with one resource, or empty if nothing is.
     */
    public static ReadinessRule each(String id, String description, Function<Observation.Observed, Optional<String>> problem) {
        return new Rule(id, description, Scope.EACH, true, observed -> {
            Map<String, ReadinessStatus> statuses = new LinkedHashMap<>();
            List<String> messages = new ArrayList<>();
            observed.forEach((cell, observation) -> {
                Optional<String> wrong = problem.apply(observation);
                statuses.put(cell, wrong.isPresent() ? ReadinessStatus.NOT_READY : ReadinessStatus.READY);
                wrong.ifPresent(message -> messages.add(cell + ": " + message));
            });
            return new RuleOutcome(statuses, messages, List.of());
        });
    }

    /** Each resource's attribute must equal the expected value. */
    public static ReadinessRule eachEquals(String id, String description, String attribute, Object expected) {
        return each(id, description, o -> sameValue(o.get(attribute), expected) ? Optional.empty()
                : Optional.of(attribute + " is " + o.get(attribute) + ", expected " + expected));
    }

    /** Each resource's numeric attribute must be below the limit. */
    public static ReadinessRule eachBelow(String id, String description, String attribute, double limit) {
        return each(id, description, o -> {
            Object value = o.get(attribute);
            if (!(value instanceof Number number)) {
                return Optional.of(attribute + " is not known");
            }
            return number.doubleValue() < limit ? Optional.empty()
                    : Optional.of(attribute + " is " + value + ", must be below " + format(limit));
        });
    }

    /** Each resource's numeric attribute must be at least the minimum. */
    public static ReadinessRule eachAtLeast(String id, String description, String attribute, double minimum) {
        return each(id, description, o -> {
            Object value = o.get(attribute);
            if (!(value instanceof Number number)) {
                return Optional.of(attribute + " is not known");
            }
            return number.doubleValue() >= minimum ? Optional.empty()
                    : Optional.of(attribute + " is " + value + ", must be at least " + format(minimum));
        });
    }

    /** The attributes must have the same value in every cell (lists compare as sets). */
    public static ReadinessRule allEqual(String id, String description, String... attributes) {
        return new Rule(id, description, Scope.ALL, true, observed -> {
            List<Difference> differences = new ArrayList<>();
            for (String attribute : attributes) {
                Map<String, Object> values = valuesOf(observed, attribute);
                if (values.values().stream().map(Rules::normalized).distinct().count() > 1) {
                    differences.add(new Difference(id, attribute, values));
                }
            }
            return allOutcome(observed.keySet(), differences);
        });
    }

    /**
     * The numeric attribute must not differ between cells by more than the given percentage of the
     * largest value.
     */
    public static ReadinessRule allWithinPercent(String id, String description, String attribute, double percent) {
        return new Rule(id, description, Scope.ALL, true, observed -> {
            Map<String, Object> values = valuesOf(observed, attribute);
            List<Difference> differences = new ArrayList<>();
            if (values.values().stream().anyMatch(v -> !(v instanceof Number))) {
                differences.add(new Difference(id, attribute, values));
            } else {
                double max = values.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
                double min = values.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
                if (max > 0 && (max - min) / max * 100.0 > percent) {
                    differences.add(new Difference(id, attribute, values));
                }
            }
            return allOutcome(observed.keySet(), differences);
        });
    }

    /** The same rule, reported but never affecting readiness. */
    public static ReadinessRule informational(ReadinessRule rule) {
        return new Rule(rule.id(), rule.description(), rule.scope(), false, rule::evaluate);
    }

    private static RuleOutcome allOutcome(Collection<String> cells, List<Difference> differences) {
        Map<String, ReadinessStatus> statuses = new LinkedHashMap<>();
        cells.forEach(cell -> statuses.put(cell, differences.isEmpty() ? ReadinessStatus.READY : ReadinessStatus.NOT_READY));
        List<String> messages = differences.stream()
                .map(d -> d.field() + " differs between cells: " + d.valuesByCell())
                .toList();
        return new RuleOutcome(statuses, messages, differences);
    }

    private static Map<String, Object> valuesOf(Map<String, Observation.Observed> observed, String attribute) {
        Map<String, Object> values = new LinkedHashMap<>();
        observed.forEach((cell, observation) -> values.put(cell, observation.get(attribute)));
        return values;
    }

    /** Numbers compare by value (2 equals 2.0); lists compare as sets (order does not matter). */
    static Object normalized(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            TreeSet<String> set = new TreeSet<>();
            list.forEach(item -> set.add(String.valueOf(normalized(item))));
            return set;
        }
        return value;
    }

    static boolean sameValue(Object a, Object b) {
        return Objects.equals(normalized(a), normalized(b));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private record Rule(String id, String description, Scope scope, boolean affectsReadiness,
                        Function<Map<String, Observation.Observed>, RuleOutcome> check) implements ReadinessRule {
        @Override
        public RuleOutcome evaluate(Map<String, Observation.Observed> observedByCell) {
            return check.apply(observedByCell);
        }
    }
}
