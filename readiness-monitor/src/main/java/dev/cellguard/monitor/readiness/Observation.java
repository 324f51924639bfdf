package dev.cellguard.monitor.readiness;

import java.time.Instant;
import java.util.Map;

/**
 * What a collector saw of one resource in one cell: its attributes, or why it could not see them.
 * Attribute values are plain JSON-like values: String, Long, Double, Boolean, List or Map of those.
 */
public sealed interface Observation {

    Instant at();

    /** The resource was read. */
    record Observed(Map<String, Object> attributes, Instant at) implements Observation {
        public Observed {
            attributes = Map.copyOf(attributes);
        }

        public Object get(String attribute) {
            return attributes.get(attribute);
        }
    }

    /** The resource could not be read. */
    record Failed(Failure failure, String message, Instant at) implements Observation {
    }

    enum Failure {
        /** The API said we may not look (AccessDenied, Forbidden): NOT_AUTHORIZED. */
        NOT_AUTHORIZED,
        /** The API answered with another error, or the resource does not exist: UNKNOWN. */
        API_ERROR,
        /** The check itself could not run (timeout, no connection, bad settings): UNKNOWN. */
        COULD_NOT_RUN;

        public ReadinessStatus status() {
            return this == NOT_AUTHORIZED ? ReadinessStatus.NOT_AUTHORIZED : ReadinessStatus.UNKNOWN;
        }
    }
}
