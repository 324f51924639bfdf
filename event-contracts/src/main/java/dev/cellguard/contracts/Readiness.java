package dev.cellguard.contracts;

/** Readiness as ARC reports it. */
public enum Readiness {
    READY,
    NOT_READY,
    UNKNOWN,
    NOT_AUTHORIZED
}
