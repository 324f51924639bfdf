package dev.cellguard.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** How the orchestrator runs. What it decides is in the policy file. Prefix {@code cellguard.orchestrator}. */
@ConfigMapping(prefix = "cellguard.orchestrator")
public interface OrchestratorConfig {

    /** The failover policy: cells, policies, failback, safety rules (YAML). */
    Path policyFile();

    /** How often the policies are evaluated again without a new signal (sustained times grow, approvals lapse). */
    @WithDefault("1s")
    Duration evaluationInterval();

    /** Routing control states read from ARC are read again when older than this. */
    @WithDefault("5s")
    Duration routingRefreshInterval();

    /** After a failed routing update, wait this long before trying again. */
    @WithDefault("5s")
    Duration retryAfterFailure();
}
