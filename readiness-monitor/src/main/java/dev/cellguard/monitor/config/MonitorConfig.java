package dev.cellguard.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How the monitor runs. What it watches is in the model file. Prefix {@code cellguard.monitor}. */
@ConfigMapping(prefix = "cellguard.monitor")
public interface MonitorConfig {

    /** This vantage point's id (its own Region in EKS); carried by every event it emits. */
    @WithDefault("local")
    String observer();

    /** The readiness model: recovery groups, cells, resource sets (YAML). */
    Path modelFile();

    /** Most resources checked at the same time; the rest wait their turn. */
    @WithDefault("64")
    int maxConcurrentProbes();

    /** A check that has not returned after this long counts as could-not-run (collectors time out sooner). */
    @WithDefault("30s")
    Duration collectTimeout();

    /** How often a full {@code readiness.snapshot} is sent, so late consumers catch up. */
    @WithDefault("60s")
    Duration snapshotInterval();

    Aws aws();

    Kubernetes kubernetes();

    interface Aws {
        /** Send every AWS API call here instead of the regional endpoints (tests, local stand-ins). */
        Optional<URI> endpointOverride();

        /** Longest wait for one AWS API call. */
        @WithDefault("5s")
        Duration apiCallTimeout();

        /** Static credentials for an endpoint override; empty means the default AWS chain (IRSA). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

    interface Kubernetes {
        /** Longest wait for one Kubernetes API request. */
        @WithDefault("5s")
        Duration requestTimeout();
    }
}
