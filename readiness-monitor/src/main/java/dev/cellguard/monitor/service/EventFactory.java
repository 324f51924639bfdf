package dev.cellguard.monitor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventPayload;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.FieldDifference;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import dev.cellguard.monitor.health.HealthTransition;
import dev.cellguard.monitor.readiness.CellReadiness;
import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.GroupReadiness;
import dev.cellguard.monitor.readiness.ReadinessChange;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.resources.ResourceRef;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Turns what the monitor found into cellguard events. */
final class EventFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSource source;
    private final String observer;
    private final Clock clock;

    EventFactory(EventSource source, String observer, Clock clock) {
        this.source = source;
        this.observer = observer;
        this.clock = clock;
    }

    EventEnvelope<CellHealthChanged> health(ResourceRef resource, HealthTransition transition) {
        return event(new CellHealthChanged(observer, transition.current(), transition.previous(),
                resource.property("url"), transition.lastResult().detail(), transition.consecutiveResults(),
                transition.lastResult().latencyMs()), resource.recoveryGroup(), resource.cell().name());
    }

    EventEnvelope<? extends EventPayload> change(String recoveryGroup, ReadinessChange change) {
        if (change instanceof ReadinessChange.CellChanged c) {
            return event(new CellReadinessChanged(observer, readiness(c.current()),
                    c.previous() == null ? null : readiness(c.previous()), c.parent(),
                    mapValues(c.resourceSets(), EventFactory::readiness), c.notReadyRules()), recoveryGroup, c.cell());
        }
        if (change instanceof ReadinessChange.DriftDetected d) {
            return event(new ResourceSetDriftDetected(observer, d.report().name(), d.report().type(),
                    d.report().driftRuleIds(), d.report().drift().stream().map(EventFactory::difference).toList()),
                    recoveryGroup, null);
        }
        ReadinessChange.DriftResolved r = (ReadinessChange.DriftResolved) change;
        return event(new ResourceSetDriftResolved(observer, r.report().name(), r.report().type(), r.ruleIds()),
                recoveryGroup, null);
    }

    EventEnvelope<ReadinessSnapshot> snapshot(GroupReadiness group, Map<String, HealthStatus> health) {
        Map<String, ReadinessSnapshot.CellView> cells = new LinkedHashMap<>();
        for (CellReadiness cell : group.cells().values()) {
            cells.put(cell.name(), new ReadinessSnapshot.CellView(readiness(cell.status()),
                    health.getOrDefault(cell.name(), HealthStatus.UNKNOWN), cell.parent()));
        }
        Map<String, ReadinessSnapshot.ResourceSetView> sets = new LinkedHashMap<>();
        for (ResourceSetReport set : group.resourceSets().values()) {
            sets.put(set.name(), new ReadinessSnapshot.ResourceSetView(set.type(), readiness(set.status()), set.drifting(),
                    set.checkedAt()));
        }
        return event(new ReadinessSnapshot(observer, readiness(group.status()), cells, sets), group.recoveryGroup(), null);
    }

    static Readiness readiness(ReadinessStatus status) {
        return Readiness.valueOf(status.name());
    }

    private static FieldDifference difference(Difference difference) {
        Map<String, JsonNode> values = new HashMap<>();
        difference.valuesByCell().forEach((cell, value) ->
                values.put(cell, value == null ? NullNode.getInstance() : JSON.valueToTree(value)));
        return new FieldDifference(difference.ruleId(), difference.field(), values);
    }

    private static <V, W> Map<String, W> mapValues(Map<String, V> map, Function<V, W> f) {
        Map<String, W> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }

    private <P extends EventPayload> EventEnvelope<P> event(P payload, String recoveryGroup, String cell) {
        return EventEnvelope.create(payload, source, recoveryGroup, cell, null, null, clock.instant());
    }
}
