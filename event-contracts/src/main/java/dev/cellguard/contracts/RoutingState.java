package dev.cellguard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A routing control's state, spelled as ARC spells it: {@code On} or {@code Off}. */
public enum RoutingState {
    ON("On"),
    OFF("Off");

    private final String wire;

    RoutingState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RoutingState fromWire(String value) {
        for (RoutingState state : values()) {
            if (state.wire.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("routing control state must be On or Off, was " + value);
    }
}
