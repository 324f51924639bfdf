package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.HealthStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What every observer last said about every cell's health. Signals are deduplicated by event id,
 * and a signal older than what is already known for that cell and observer never overwrites it, so
 * redelivered or reordered messages cannot roll the state back. Not thread-safe.
 */
public final class ObservedHealth {

    /** One observer's latest verdict on one cell, and the event that carried it. */
    public record Observation(String observer, HealthStatus status, Instant occurredAt, UUID eventId, UUID correlationId) {
    }

    private static final int REMEMBERED_EVENT_IDS = 10_000;

    private final Map<String, Map<String, Observation>> byCell = new HashMap<>();
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    });

    /** Records a signal; returns false if it was a duplicate or older than what is known. */
    public boolean record(String cell, Observation observation) {
        if (!seen.add(observation.eventId())) {
            return false;
        }
        Map<String, Observation> observers = byCell.computeIfAbsent(cell, c -> new HashMap<>());
        Observation known = observers.get(observation.observer());
        if (known != null && known.occurredAt().isAfter(observation.occurredAt())) {
            return false;
        }
        observers.put(observation.observer(), observation);
        return true;
    }

    /**
     * The cell's health as all its observers agree on it: HEALTHY or UNHEALTHY only when every
     * observer that reported says so, UNKNOWN otherwise (no report yet, or observers disagree).
     */
    public HealthStatus agreedHealth(String cell) {
        List<HealthStatus> statuses = observations(cell).stream().map(Observation::status).distinct().toList();
        return statuses.size() == 1 ? statuses.get(0) : HealthStatus.UNKNOWN;
    }

    public List<Observation> observations(String cell) {
        return List.copyOf(byCell.getOrDefault(cell, Map.of()).values());
    }

    /** The most recent observation of the cell, by any observer. */
    public Optional<Observation> latest(String cell) {
        return observations(cell).stream().max(java.util.Comparator.comparing(Observation::occurredAt));
    }
}
