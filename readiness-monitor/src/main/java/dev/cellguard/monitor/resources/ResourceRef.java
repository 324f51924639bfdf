package dev.cellguard.monitor.resources;

import dev.cellguard.monitor.model.CellSpec;
import java.util.Map;

/**
 * One resource to check: which set and cell it belongs to, its identifying properties from the
 * model file (url, name, arn, namespace…) and its set's settings.
 */
public record ResourceRef(String recoveryGroup, String resourceSet, CellSpec cell, Map<String, String> properties,
                          Map<String, Object> settings) {

    public String property(String name) {
        return properties.get(name);
    }

    public String propertyOr(String name, String defaultValue) {
        return properties.getOrDefault(name, defaultValue);
    }

    public Object setting(String name, Object defaultValue) {
        return settings.getOrDefault(name, defaultValue);
    }

    /** A short name for messages and metrics: set/cell. */
    public String key() {
        return resourceSet + "/" + cell.name();
    }
}
