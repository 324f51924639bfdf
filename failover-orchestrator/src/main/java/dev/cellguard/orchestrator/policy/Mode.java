package dev.cellguard.orchestrator.policy;

/** How a policy acts when it matches. */
public enum Mode {
    /** Act at once. */
    AUTO,
    /** Ask an operator; act once approved, before the approval expires. */
    APPROVAL,
    /** Say what would have been done; never act. */
    DRY_RUN,
    /** Not evaluated. */
    DISABLED
}
