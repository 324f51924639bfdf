package dev.cellguard.monitor.resources;

import dev.cellguard.monitor.model.ModelException;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.monitor.model.RecoveryGroupSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Every resource type the monitor knows, by type name. */
public final class ResourceTypes implements AutoCloseable {

    private final Map<String, ResourceCollector> byType = new LinkedHashMap<>();

    public ResourceTypes(List<ResourceCollector> collectors) {
        for (ResourceCollector collector : collectors) {
            if (byType.put(collector.type().name(), collector) != null) {
                throw new IllegalArgumentException("two collectors for type " + collector.type().name());
            }
        }
    }

    public Map<String, ResourceType> types() {
        Map<String, ResourceType> types = new LinkedHashMap<>();
        byType.forEach((name, collector) -> types.put(name, collector.type()));
        return types;
    }

    public ResourceCollector forType(String type) {
        ResourceCollector collector = byType.get(type);
        if (collector == null) {
            throw new NoSuchElementException("no collector for type " + type);
        }
        return collector;
    }

    /** Lets each type check its sets' settings and resources; a problem names the field. */
    public void validate(ReadinessModel model) {
        for (int g = 0; g < model.recoveryGroups().size(); g++) {
            RecoveryGroupSpec group = model.recoveryGroups().get(g);
            for (int s = 0; s < group.resourceSets().size(); s++) {
                ResourceSetSpec set = group.resourceSets().get(s);
                try {
                    forType(set.type()).validate(set);
                } catch (IllegalArgumentException e) {
                    String message = e.getMessage();
                    int colon = message.indexOf(": ");
                    String field = colon > 0 ? message.substring(0, colon) : "(settings)";
                    String reason = colon > 0 ? message.substring(colon + 2) : message;
                    throw new ModelException(model.source(), "recoveryGroups[" + g + "].resourceSets[" + s + "]." + field, reason);
                }
            }
        }
    }

    @Override
    public void close() {
        byType.values().forEach(ResourceCollector::close);
    }
}
