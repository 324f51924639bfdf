package dev.cellguard.audit.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What to select from the audit trail; every field is optional. {@code from} is inclusive and
 * {@code to} exclusive, both on the time the event occurred.
 */
public record AuditFilter(List<String> types, String recoveryGroup, String cell, String observer, String actor, String outcome,
                          UUID correlationId, Instant from, Instant to) {

    public AuditFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static AuditFilter none() {
        return new AuditFilter(List.of(), null, null, null, null, null, null, null, null);
    }
}
