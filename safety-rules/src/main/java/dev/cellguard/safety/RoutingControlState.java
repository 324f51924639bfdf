package dev.cellguard.safety;

import java.util.Locale;

/**
 * The state of a Route 53 ARC routing control: a simple switch that lets traffic flow to a cell
 * ({@link #ON}) or stops it ({@link #OFF}).
 *
 * <p>On the wire (the {@code route53-recovery-cluster} data plane) the values are spelled exactly
 * {@code "On"} and {@code "Off"}; {@link #wireName()} and {@link #fromWireName(String)} convert.
 */
public enum RoutingControlState {
    ON("On"),
    OFF("Off");

    private final String wireName;

    RoutingControlState(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used by the ARC API: {@code "On"} or {@code "Off"}. */
    public String wireName() {
        return wireName;
    }

    /** {@code true} for {@link #ON}. */
    public boolean isOn() {
        return this == ON;
    }

    /** {@link #ON} for {@code true}, {@link #OFF} for {@code false}. */
    public static RoutingControlState of(boolean on) {
        return on ? ON : OFF;
    }

    /**
     * Parses the exact ARC spelling ({@code "On"} / {@code "Off"}, case-sensitive, as the service
     * model's enum is).
     *
     * @throws IllegalArgumentException for any other value, including {@code null}
     */
    public static RoutingControlState fromWireName(String value) {
        for (RoutingControlState state : values()) {
            if (state.wireName.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Routing control state must be \"On\" or \"Off\", got "
                + (value == null ? "null" : '"' + value + '"'));
    }

    @Override
    public String toString() {
        return wireName.toUpperCase(Locale.ROOT);
    }
}
