package dev.cellguard.arc.local;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault injected into one regional endpoint; the other endpoints keep serving. One fault per
 * endpoint at a time: injecting a new one replaces the previous one.
 *
 * @param kind      what goes wrong
 * @param latencyMs for {@link Kind#SLOW}, the latency added before each request is served; 0 otherwise
 */
public record Fault(Kind kind, long latencyMs) {

    /** The fault kinds. Their JSON names in the admin API are the lower-case constant names. */
    public enum Kind {
        /** Connections are refused: the endpoint stops listening; clearing the fault re-binds the same port. */
        REFUSE,
        /** Every call fails with {@code EndpointTemporarilyUnavailableException} (HTTP 503), like maintenance. */
        UNAVAILABLE,
        /** Every call is served after {@code latencyMs}. */
        SLOW,
        /** Connections are accepted and requests read, but never answered (clients time out). */
        BLACKHOLE,
        /** Every call fails with {@code ThrottlingException} (HTTP 429). */
        THROTTLE,
        /** Every call fails with {@code InternalServerException} (HTTP 500). */
        ERROR;

        /** The admin API's name, e.g. {@code "slow"}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an admin API name (case-insensitive). */
        public static Kind fromJsonName(String name) {
            for (Kind kind : values()) {
                if (kind.jsonName().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown fault kind \"" + name + "\"; expected one of refuse, "
                    + "unavailable, slow, blackhole, throttle, error");
        }
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SLOW && latencyMs <= 0) {
            throw new IllegalArgumentException("A slow fault needs a latency above 0 ms, got " + latencyMs);
        }
        if (kind != Kind.SLOW && latencyMs != 0) {
            throw new IllegalArgumentException("Only a slow fault takes a latency");
        }
    }

    public static Fault refuse() {
        return new Fault(Kind.REFUSE, 0);
    }

    public static Fault unavailable() {
        return new Fault(Kind.UNAVAILABLE, 0);
    }

    public static Fault slow(Duration latency) {
        return new Fault(Kind.SLOW, latency.toMillis());
    }

    public static Fault blackhole() {
        return new Fault(Kind.BLACKHOLE, 0);
    }

    public static Fault throttle() {
        return new Fault(Kind.THROTTLE, 0);
    }

    public static Fault error() {
        return new Fault(Kind.ERROR, 0);
    }
}
