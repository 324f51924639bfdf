package dev.cellguard.monitor.resources;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import java.util.List;

/**
 * Reads resources of one type and knows that type's readiness rules. {@link #collect} may block
 * (an API call) but must return within its own timeout; it never throws: a failure is an
 * {@link Observation.Failed} saying whether we were not allowed to look, the API failed, or the
 * check could not run. Implementations are thread-safe: resources are collected concurrently.
 */
public interface ResourceCollector extends AutoCloseable {

    ResourceType type();

    /** Every rule of this type for a set (some depend on the set's settings), disabled ones included. */
    List<ReadinessRule> rules(ResourceSetSpec set);

    /** The rules a set is judged by: its type's rules less those the set disables. */
    default List<ReadinessRule> enabledRules(ResourceSetSpec set) {
        return rules(set).stream().filter(rule -> !set.disabledRules().contains(rule.id())).toList();
    }

    Observation collect(ResourceRef resource);

    /**
     * Checks a set's settings and resources beyond what the model loader knows (values, not just
     * names). Called once at start-up; a problem stops start-up.
     *
     * @throws IllegalArgumentException whose message starts with the offending field, e.g.
     *                                  {@code "settings.timeout: 'soon' is not a duration"}
     */
    default void validate(ResourceSetSpec set) {
    }

    @Override
    default void close() {
    }
}
