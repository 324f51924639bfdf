package dev.cellguard.monitor.model;

import java.time.Duration;
import java.util.Set;

/**
 * What the model file may say about resources of one type: the properties that identify a resource,
 * the settings a set may carry, the ids of the type's rules, and how often a set is checked unless
 * it says otherwise.
 */
public record ResourceType(String name, Set<String> requiredProperties, Set<String> optionalProperties,
                           Set<String> settings, Set<String> ruleIds, Duration defaultInterval) {

    public ResourceType {
        requiredProperties = Set.copyOf(requiredProperties);
        optionalProperties = Set.copyOf(optionalProperties);
        settings = Set.copyOf(settings);
        ruleIds = Set.copyOf(ruleIds);
    }
}
