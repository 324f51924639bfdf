package dev.cellguard.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The recovery group's cells and how the orchestrator acts on them. Prefix {@code cellguard.orchestrator}. */
@ConfigMapping(prefix = "cellguard.orchestrator")
public interface OrchestratorConfig {

    /** Cells by name, each with its routing control and rank (1 = primary). */
    Map<String, Cell> cells();

    /** How often the state is evaluated again without a new signal (e.g. after ARC was unreachable). */
    @WithDefault("1s")
    Duration evaluationInterval();

    /** Routing control states read from ARC are read again when older than this. */
    @WithDefault("5s")
    Duration routingRefreshInterval();

    /** After a failed routing update, wait this long before trying again. */
    @WithDefault("5s")
    Duration retryAfterFailure();

    interface Cell {
        /** ARN of the routing control that sends traffic to this cell. */
        String routingControlArn();

        /** 1 for the primary, 2 for the first fallback, and so on. */
        int priority();
    }
}
