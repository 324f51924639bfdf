package dev.cellguard.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The ARC cluster's endpoints and how patiently to use them. Prefix {@code cellguard.arc}. Keep the
 * five endpoint URLs here, as AWS advises: never look them up during a failover.
 */
@ConfigMapping(prefix = "cellguard.arc")
public interface ArcConfig {

    /** Cluster endpoints by Region, e.g. {@code cellguard.arc.endpoints.us-west-2=https://…/v1}. */
    Map<String, URI> endpoints();

    /** Longest wait for one endpoint before moving to the next. */
    @WithDefault("1s")
    Duration attemptTimeout();

    /** Longest wait for one call across all endpoints. */
    @WithDefault("10s")
    Duration deadline();

    /** Static credentials for the local ARC; empty means the default AWS credentials chain. */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();
}
