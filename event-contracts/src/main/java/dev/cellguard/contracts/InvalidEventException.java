package dev.cellguard.contracts;

/** A message that is not a valid cellguard event. The reason says which check it failed. */
public class InvalidEventException extends Exception {

    public enum Reason {
        MALFORMED_JSON,
        UNKNOWN_TYPE,
        SCHEMA_VIOLATION
    }

    private final Reason reason;

    public InvalidEventException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
