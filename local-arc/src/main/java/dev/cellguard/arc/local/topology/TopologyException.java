package dev.cellguard.arc.local.topology;

import dev.cellguard.config.ConfigFileException;

/**
 * A topology file that cannot be used. The message names the file (or classpath resource), the
 * offending field (as a path such as {@code ControlPanels[0].RoutingControls[1].InitialState}, or
 * {@code (document)} when the file as a whole is unusable) and the reason.
 */
public final class TopologyException extends ConfigFileException {

    public TopologyException(String source, String field, String reason) {
        this(source, field, reason, null);
    }

    public TopologyException(String source, String field, String reason, Throwable cause) {
        super("topology", source, field, reason, cause);
    }
}
