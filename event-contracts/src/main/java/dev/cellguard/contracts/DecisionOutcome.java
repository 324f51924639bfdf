package dev.cellguard.contracts;

/** What became of a failover evaluation. */
public enum DecisionOutcome {
    EXECUTED,
    BLOCKED,
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED,
    DRY_RUN,
    FAILED
}
