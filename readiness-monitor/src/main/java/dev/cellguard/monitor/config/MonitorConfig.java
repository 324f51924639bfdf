package dev.cellguard.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** What the monitor probes and how. Prefix {@code cellguard.monitor}; see application.properties. */
@ConfigMapping(prefix = "cellguard.monitor")
public interface MonitorConfig {

    /** This vantage point's id (its own Region in EKS); carried by every event it emits. */
    @WithDefault("local")
    String observer();

    Probe probe();

    /** The cells to probe, by name. */
    Map<String, Cell> cells();

    interface Probe {
        /** Time between two probes of a cell. */
        @WithDefault("2s")
        Duration interval();

        /** A probe that has no answer after this long has failed. */
        @WithDefault("1s")
        Duration timeout();

        /** Failed probes in a row before a cell is declared UNHEALTHY. */
        @WithDefault("3")
        int failureThreshold();

        /** Passed probes in a row before a cell is declared HEALTHY. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Cell {
        /** The cell's HTTP health URL; any 2xx answer passes. */
        URI healthUrl();
    }
}
