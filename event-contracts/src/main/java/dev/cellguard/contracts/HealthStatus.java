package dev.cellguard.contracts;

/** Health of a cell as seen by one observer. UNKNOWN means the probe could not run: never a pass. */
public enum HealthStatus {
    HEALTHY,
    UNHEALTHY,
    UNKNOWN
}
