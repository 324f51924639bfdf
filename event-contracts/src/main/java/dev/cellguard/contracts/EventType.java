package dev.cellguard.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type cellguard knows, with its wire name, schema version and payload record. This is
 * the one place that maps a {@code type} string to a Java record: consumers dispatch on the
 * {@code type} field of the JSON text, never on Java class names.
 */
public enum EventType {
    CELL_HEALTH_CHANGED("cell.health.changed", 1, CellHealthChanged.class),
    CELL_READINESS_CHANGED("cell.readiness.changed", 1, CellReadinessChanged.class),
    RESOURCE_SET_DRIFT_DETECTED("resourceset.drift.detected", 1, ResourceSetDriftDetected.class),
    RESOURCE_SET_DRIFT_RESOLVED("resourceset.drift.resolved", 1, ResourceSetDriftResolved.class),
    READINESS_SNAPSHOT("readiness.snapshot", 1, ReadinessSnapshot.class),
    FAILOVER_DECISION("failover.decision", 1, FailoverDecision.class),
    ROUTING_CONTROL_CHANGED("routing.control.changed", 1, RoutingControlChanged.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String wireName;
    private final int version;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String wireName, int version, Class<? extends EventPayload> payloadClass) {
        this.wireName = wireName;
        this.version = version;
        this.payloadClass = payloadClass;
    }

    /** The value of the envelope's {@code type} field, e.g. {@code cell.health.changed}. */
    public String wireName() {
        return wireName;
    }

    /** The schema version this build writes and reads. */
    public int version() {
        return version;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** File name of the JSON Schema (under {@code schemas/} on the class path) for the whole event. */
    public String schemaFileName() {
        return wireName + ".v" + version + ".schema.json";
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static EventType ofPayload(EventPayload payload) {
        EventType type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no event type for payload " + payload.getClass().getName());
        }
        return type;
    }
}
