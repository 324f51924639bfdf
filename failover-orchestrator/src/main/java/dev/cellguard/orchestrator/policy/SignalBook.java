package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the signals said, per cell and observer: health, readiness and drift, each with how
 * long it has been bad. Signals are deduplicated by event id, and a signal older than what is
 * known for that cell, observer and kind never overwrites it. Not thread-safe.
 */
public final class SignalBook {

    /** One observer's latest word on one thing, and the signal that carried it. */
    public record Seen<S>(S status, Instant at, UUID signalId, UUID correlationId) {
    }

    private static final int REMEMBERED_SIGNALS = 20_000;

    private final Set<String> cells;
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_SIGNALS;
        }
    });
    private final Map<String, Map<String, Seen<HealthStatus>>> health = new HashMap<>();
    private final Map<String, Map<String, Seen<Readiness>>> readiness = new HashMap<>();
    private final Map<String, Map<String, SustainedTimer>> unhealthyTimers = new HashMap<>();
    private final Map<String, Map<String, SustainedTimer>> notReadyTimers = new HashMap<>();
    /** observer → resource set → cells involved in its drift. */
    private final Map<String, Map<String, Set<String>>> drift = new HashMap<>();
    private final Map<String, Instant> driftSeenAt = new HashMap<>();

    public SignalBook(Collection<String> cells) {
        this.cells = Set.copyOf(cells);
    }

    /** Records a signal; returns false if it was a duplicate, stale, or about nothing we route. */
    public boolean record(EventEnvelope<?> signal) {
        if (!seen.add(signal.id())) {
            return false;
        }
        if (signal.payload() instanceof CellHealthChanged h) {
            return health(signal.cell(), h.observer(), h.status(), signal);
        }
        if (signal.payload() instanceof CellReadinessChanged r) {
            return readiness(signal.cell(), r.observer(), r.status(), signal);
        }
        if (signal.payload() instanceof ResourceSetDriftDetected d) {
            if (stale(d.observer() + "|" + d.resourceSet(), signal.occurredAt())) {
                return false;
            }
            Set<String> involved = new HashSet<>();
            d.differences().forEach(diff -> involved.addAll(diff.values().keySet()));
            drift.computeIfAbsent(d.observer(), o -> new HashMap<>()).put(d.resourceSet(), involved);
            return true;
        }
        if (signal.payload() instanceof ResourceSetDriftResolved r) {
            if (stale(r.observer() + "|" + r.resourceSet(), signal.occurredAt())) {
                return false;
            }
            drift.getOrDefault(r.observer(), new HashMap<>()).remove(r.resourceSet());
            return true;
        }
        if (signal.payload() instanceof ReadinessSnapshot s) {
            boolean any = false;
            for (Map.Entry<String, ReadinessSnapshot.CellView> cell : s.cells().entrySet()) {
                any |= health(cell.getKey(), s.observer(), cell.getValue().health(), signal);
                any |= readiness(cell.getKey(), s.observer(), cell.getValue().readiness(), signal);
            }
            for (Map.Entry<String, ReadinessSnapshot.ResourceSetView> set : s.resourceSets().entrySet()) {
                if (stale(s.observer() + "|" + set.getKey(), signal.occurredAt())) {
                    continue;
                }
                Map<String, Set<String>> byObserver = drift.computeIfAbsent(s.observer(), o -> new HashMap<>());
                if (!set.getValue().drifting()) {
                    byObserver.remove(set.getKey());
                } else {
                    // A snapshot does not say which cells differ: count the drift against every cell.
                    byObserver.putIfAbsent(set.getKey(), new HashSet<>(cells));
                }
                any = true;
            }
            return any;
        }
        return false;
    }

    private boolean health(String cell, String observer, HealthStatus status, EventEnvelope<?> signal) {
        if (!cells.contains(cell)) {
            return false;
        }
        Map<String, Seen<HealthStatus>> byObserver = health.computeIfAbsent(cell, c -> new HashMap<>());
        Seen<HealthStatus> known = byObserver.get(observer);
        if (known != null && known.at().isAfter(signal.occurredAt())) {
            return false;
        }
        byObserver.put(observer, new Seen<>(status, signal.occurredAt(), signal.id(), signal.correlationId()));
        unhealthyTimers.computeIfAbsent(cell, c -> new HashMap<>()).computeIfAbsent(observer, o -> new SustainedTimer())
                .observe(switch (status) {
                    case UNHEALTHY -> SustainedTimer.Verdict.BAD;
                    case HEALTHY -> SustainedTimer.Verdict.GOOD;
                    case UNKNOWN -> SustainedTimer.Verdict.NONE;
                }, signal.occurredAt());
        return true;
    }

    private boolean readiness(String cell, String observer, Readiness status, EventEnvelope<?> signal) {
        if (!cells.contains(cell)) {
            return false;
        }
        Map<String, Seen<Readiness>> byObserver = readiness.computeIfAbsent(cell, c -> new HashMap<>());
        Seen<Readiness> known = byObserver.get(observer);
        if (known != null && known.at().isAfter(signal.occurredAt())) {
            return false;
        }
        byObserver.put(observer, new Seen<>(status, signal.occurredAt(), signal.id(), signal.correlationId()));
        notReadyTimers.computeIfAbsent(cell, c -> new HashMap<>()).computeIfAbsent(observer, o -> new SustainedTimer())
                .observe(switch (status) {
                    case NOT_READY -> SustainedTimer.Verdict.BAD;
                    case READY -> SustainedTimer.Verdict.GOOD;
                    case UNKNOWN, NOT_AUTHORIZED -> SustainedTimer.Verdict.NONE;
                }, signal.occurredAt());
        return true;
    }

    private boolean stale(String key, Instant at) {
        Instant known = driftSeenAt.get(key);
        if (known != null && known.isAfter(at)) {
            return true;
        }
        driftSeenAt.put(key, at);
        return false;
    }

    /** How many observers have each seen the condition on the cell for at least {@code sustainedFor}. */
    public int observersSustaining(String cell, Trigger.Condition condition, Duration sustainedFor, Instant now) {
        Map<String, SustainedTimer> timers = (condition == Trigger.Condition.HEALTH_UNHEALTHY ? unhealthyTimers : notReadyTimers)
                .getOrDefault(cell, Map.of());
        int count = 0;
        for (SustainedTimer timer : timers.values()) {
            boolean bad = switch (timer.verdict()) {
                case BAD -> true;
                case NONE -> !timer.sustained(now).isZero(); // UNKNOWN keeps what was accumulated
                case GOOD -> false;
            };
            if (bad && timer.sustained(now).compareTo(sustainedFor) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** HEALTHY or UNHEALTHY only when every observer that reported agrees; UNKNOWN otherwise. */
    public HealthStatus agreedHealth(String cell) {
        return agreed(health.getOrDefault(cell, Map.of()).values(), HealthStatus.UNKNOWN);
    }

    /** READY only when every observer that reported says READY; the worst word otherwise. */
    public Readiness agreedReadiness(String cell) {
        Collection<Seen<Readiness>> words = readiness.getOrDefault(cell, Map.of()).values();
        if (words.isEmpty()) {
            return Readiness.UNKNOWN;
        }
        Readiness worst = Readiness.READY;
        for (Seen<Readiness> word : words) {
            worst = rank(word.status()) > rank(worst) ? word.status() : worst;
        }
        return worst;
    }

    private static int rank(Readiness readiness) {
        return switch (readiness) {
            case READY -> 0;
            case UNKNOWN -> 1;
            case NOT_AUTHORIZED -> 2;
            case NOT_READY -> 3;
        };
    }

    private static <S> S agreed(Collection<Seen<S>> words, S unknown) {
        List<S> distinct = words.stream().map(Seen::status).distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : unknown;
    }

    /** Resource sets any observer says drift and that involve the cell. */
    public List<String> driftingSets(String cell) {
        Set<String> sets = new java.util.TreeSet<>();
        drift.values().forEach(byObserver -> byObserver.forEach((set, involved) -> {
            if (involved.contains(cell)) {
                sets.add(set);
            }
        }));
        return List.copyOf(sets);
    }

    /** The ids of the signals behind what is known of the cell. */
    public List<UUID> signalsAbout(String cell) {
        List<UUID> ids = new ArrayList<>();
        health.getOrDefault(cell, Map.of()).values().forEach(s -> ids.add(s.signalId()));
        readiness.getOrDefault(cell, Map.of()).values().forEach(s -> ids.add(s.signalId()));
        return ids.stream().distinct().toList();
    }

    /** The most recent bad word on the cell (unhealthy or not ready): the incident it belongs to. */
    public java.util.Optional<Seen<?>> latestBad(String cell, Trigger.Condition condition) {
        Collection<? extends Seen<?>> words = condition == Trigger.Condition.HEALTH_UNHEALTHY
                ? health.getOrDefault(cell, Map.of()).values().stream().filter(s -> s.status() == HealthStatus.UNHEALTHY).toList()
                : readiness.getOrDefault(cell, Map.of()).values().stream().filter(s -> s.status() == Readiness.NOT_READY).toList();
        return words.stream().<Seen<?>>map(s -> s).max(java.util.Comparator.comparing(Seen::at));
    }

    /** Per observer, health and readiness of the cell, for the operator API. */
    public Map<String, Map<String, Object>> observers(String cell) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        health.getOrDefault(cell, Map.of()).forEach((observer, s) -> out.computeIfAbsent(observer, o -> new LinkedHashMap<>())
                .put("health", s.status()));
        readiness.getOrDefault(cell, Map.of()).forEach((observer, s) -> out.computeIfAbsent(observer, o -> new LinkedHashMap<>())
                .put("readiness", s.status()));
        return out;
    }
}
