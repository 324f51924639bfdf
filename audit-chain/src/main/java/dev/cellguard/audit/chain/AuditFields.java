package dev.cellguard.audit.chain;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.CellReadinessChanged;
import dev.cellguard.contracts.ControlChange;
import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.ReadinessSnapshot;
import dev.cellguard.contracts.ResourceSetDriftDetected;
import dev.cellguard.contracts.ResourceSetDriftResolved;
import dev.cellguard.contracts.RoutingControlChanged;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The typed, queryable fields of an event: who observed it, what it is about (the subject), who
 * acted, and the outcome. One place decides them for every event type.
 */
public final class AuditFields {

    private AuditFields() {
    }

    /** The record for an event, before it has a place in the chain (seq 0). */
    public static AuditRecord recordOf(EventEnvelope<?> e, String eventText, Instant recordedAt) {
        String observer = null;
        String subject = e.cell();
        String actor = null;
        String outcome = null;
        Object p = e.payload();
        if (p instanceof CellHealthChanged h) {
            observer = h.observer();
            outcome = h.status().name();
        } else if (p instanceof CellReadinessChanged r) {
            observer = r.observer();
            outcome = r.status().name();
        } else if (p instanceof ResourceSetDriftDetected d) {
            observer = d.observer();
            subject = d.resourceSet();
            outcome = "DRIFT_DETECTED";
        } else if (p instanceof ResourceSetDriftResolved d) {
            observer = d.observer();
            subject = d.resourceSet();
            outcome = "DRIFT_RESOLVED";
        } else if (p instanceof ReadinessSnapshot s) {
            observer = s.observer();
            outcome = s.status().name();
        } else if (p instanceof FailoverDecision d) {
            actor = d.actor();
            outcome = d.outcome().name();
            subject = d.desiredStates().stream().map(ControlState::routingControlArn).collect(Collectors.joining(","));
        } else if (p instanceof RoutingControlChanged r) {
            outcome = "CHANGED";
            subject = r.changes().stream().map(ControlChange::routingControlArn).collect(Collectors.joining(","));
        }
        return new AuditRecord(0, e.id(), e.type(), AuditChain.truncate(e.occurredAt()), AuditChain.truncate(recordedAt),
                e.recoveryGroup(), e.cell(), e.correlationId(), e.causationId(), e.source().service(), e.source().instance(),
                observer, blankToNull(subject), actor, outcome, eventText);
    }

    /** The same record at a place in the chain, with the event text as the database renders it. */
    public static AuditRecord placed(AuditRecord r, long seq, String canonicalEventText) {
        return new AuditRecord(seq, r.eventId(), r.type(), r.occurredAt(), r.recordedAt(), r.recoveryGroup(), r.cell(),
                r.correlationId(), r.causationId(), r.sourceService(), r.sourceInstance(), r.observer(), r.subject(), r.actor(),
                r.outcome(), canonicalEventText);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
