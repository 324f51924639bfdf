package dev.cellguard.audit.chain;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit record as stored: its place in the chain, the typed fields queries use, and the event
 * text exactly as the database renders the stored JSON (PostgreSQL's {@code jsonb} output, which is
 * deterministic). Instants have microsecond precision, as the database keeps them.
 *
 * @param seq      position in the chain, 1, 2, 3… without gaps
 * @param subject  what the event is about, e.g. the routing control ARNs a change touched
 */
public record AuditRecord(long seq, UUID eventId, String type, Instant occurredAt, Instant recordedAt, String recoveryGroup,
                          String cell, UUID correlationId, UUID causationId, String sourceService, String sourceInstance,
                          String observer, String subject, String actor, String outcome, String eventText) {
}
