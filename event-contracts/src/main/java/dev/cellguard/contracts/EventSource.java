package dev.cellguard.contracts;

import java.util.Objects;

/** Which service, and which instance of it, produced an event. */
public record EventSource(String service, String instance) {
    public EventSource {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instance, "instance");
    }
}
