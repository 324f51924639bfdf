package dev.cellguard.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the audit-service ingests, keeps and purges. Prefix {@code cellguard.audit}. */
@ConfigMapping(prefix = "cellguard.audit")
public interface AuditConfig {

    Ingest ingest();

    Retention retention();

    /** How often partitions for this month and the next are made sure of, and retention applied. */
    @WithDefault("1h")
    Duration maintenanceInterval();

    interface Ingest {
        /** Concurrent receivers of the audit queue. */
        @WithDefault("2")
        int pollers();

        /** Most messages stored in one transaction (several receives of ten while the queue is full). */
        @WithDefault("50")
        int maxBatch();

        /** Long-poll wait of one receive, in seconds (0–20). */
        @WithDefault("10")
        int waitSeconds();

        /** How long received messages stay invisible while their batch is stored, in seconds. */
        @WithDefault("30")
        int visibilityTimeoutSeconds();

        /** Longest pause between attempts while PostgreSQL is unreachable. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Retention {
        /** Months entirely older than this are purged; empty keeps everything. */
        Optional<Duration> keep();

        /** Who signs off purges (recorded in each checkpoint); without it nothing is purged. */
        Optional<String> signedOffBy();
    }
}
