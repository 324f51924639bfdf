package dev.cellguard.monitor.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Resources of one type, one per cell, checked together.
 *
 * @param settings      type-specific settings shared by the set (e.g. the JSON pointers of http-json)
 * @param resources     per cell name, the resource's identifying properties (url, name, arn, namespace…)
 * @param disabledRules ids of rules of the type that are not evaluated for this set
 * @param interval      time between two checks of the set
 */
public record ResourceSetSpec(String name, String type, Map<String, Object> settings,
                              Map<String, Map<String, String>> resources, List<String> disabledRules,
                              Duration interval) {

    public ResourceSetSpec {
        settings = Map.copyOf(settings);
        resources = Map.copyOf(resources);
        disabledRules = List.copyOf(disabledRules);
    }
}
