package dev.cellguard.arc.local.topology;

/**
 * A topology file that cannot be used. The message names the file, the offending field (as a path
 * such as {@code ControlPanels[0].RoutingControls[1].InitialState}) and the reason.
 */
public final class TopologyException extends RuntimeException {

    private final String source;
    private final String field;
    private final String reason;

    public TopologyException(String source, String field, String reason) {
        this(source, field, reason, null);
    }

    public TopologyException(String source, String field, String reason, Throwable cause) {
        super("Invalid topology " + source + ": " + field + ": " + reason, cause);
        this.source = source;
        this.field = field;
        this.reason = reason;
    }

    /** The file (or classpath resource) the topology was read from. */
    public String source() {
        return source;
    }

    /** The path of the offending field, or {@code (document)} when the file as a whole is unusable. */
    public String field() {
        return field;
    }

    /** Why the field is rejected. */
    public String reason() {
        return reason;
    }
}
