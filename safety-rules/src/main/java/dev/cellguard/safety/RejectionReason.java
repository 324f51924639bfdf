package dev.cellguard.safety;

/** Why a safety rule rejected an update. */
public enum RejectionReason {
    /** An assertion rule's asserted controls would not satisfy its condition after the update. */
    ASSERTION_NOT_SATISFIED,
    /** A gating rule's gating controls do not satisfy its condition, so its targets are frozen. */
    GATING_NOT_SATISFIED,
    /** The rule is within its wait period and the update changes one of its governed controls. */
    WAIT_PERIOD_ACTIVE
}
