package dev.cellguard.monitor.readiness;

import java.util.Collection;

/**
 * Readiness as ARC reports it. Rolled up, the worst wins: any NOT_READY makes the whole
 * NOT_READY; else any NOT_AUTHORIZED (we could not look) makes it NOT_AUTHORIZED; else any UNKNOWN
 * makes it UNKNOWN; only all READY is READY. Nothing to roll up is UNKNOWN: no evidence is not
 * readiness.
 */
public enum ReadinessStatus {
    READY,
    UNKNOWN,
    NOT_AUTHORIZED,
    NOT_READY;

    public static ReadinessStatus rollUp(Collection<ReadinessStatus> statuses) {
        if (statuses.isEmpty()) {
            return UNKNOWN;
        }
        ReadinessStatus worst = READY;
        for (ReadinessStatus status : statuses) {
            if (status.ordinal() > worst.ordinal()) {
                worst = status;
            }
        }
        return worst;
    }
}
