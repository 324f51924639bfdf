package dev.cellguard.monitor.readiness;

/** ARC's two kinds of readiness rule. */
public enum Scope {
    /** "Inspects each": checks one resource alone. */
    EACH,
    /** "Inspects all": compares the resources of a set with each other; a mismatch is drift. */
    ALL
}
