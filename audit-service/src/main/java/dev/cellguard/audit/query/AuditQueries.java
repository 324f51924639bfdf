package dev.cellguard.audit.query;

import dev.cellguard.audit.store.AuditRecordEntity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the audit trail: filtered, newest first, a page at a time. Every filter value is a bound
 * parameter, never part of the query text.
 */
@ApplicationScoped
public class AuditQueries {

    /** A page of records, and where the next one starts (empty on the last page). */
    public record Page(List<AuditRecordEntity> records, Optional<Cursor> next) {
    }

    @Transactional
    public Page page(AuditFilter filter, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!filter.types().isEmpty()) {
            where.append(" and type in :types");
            parameters.and("types", filter.types());
        }
        equal(where, parameters, "recoveryGroup", filter.recoveryGroup());
        equal(where, parameters, "cell", filter.cell());
        equal(where, parameters, "observer", filter.observer());
        equal(where, parameters, "actor", filter.actor());
        equal(where, parameters, "outcome", filter.outcome());
        equal(where, parameters, "correlationId", filter.correlationId());
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            parameters.and("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            parameters.and("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            where.append(" and (occurredAt < :afterAt or (occurredAt = :afterAt and seq < :afterSeq))");
            parameters.and("afterAt", after.occurredAt().atOffset(ZoneOffset.UTC)).and("afterSeq", after.seq());
        }
        List<AuditRecordEntity> rows = AuditRecordEntity.<AuditRecordEntity>find(where + " order by occurredAt desc, seq desc",
                parameters).range(0, limit).list();
        List<AuditRecordEntity> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        Optional<Cursor> next = Optional.empty();
        if (rows.size() > limit) {
            AuditRecordEntity last = page.get(page.size() - 1);
            next = Optional.of(new Cursor(last.occurredAt.toInstant(), last.seq));
        }
        return new Page(page, next);
    }

    @Transactional
    public Optional<AuditRecordEntity> byEventId(UUID eventId) {
        return AuditRecordEntity.<AuditRecordEntity>find("eventId", eventId).firstResultOptional();
    }

    /** Every record of an incident, in the order things happened. */
    @Transactional
    public List<AuditRecordEntity> incident(UUID correlationId) {
        return AuditRecordEntity.<AuditRecordEntity>find("correlationId = ?1 order by occurredAt, seq", correlationId).list();
    }

    private static void equal(StringBuilder where, Parameters parameters, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }
}
