package dev.cellguard.audit.store;

import dev.cellguard.contracts.EventEnvelope;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Writes events to the audit table, each exactly once, and reads them back. */
@ApplicationScoped
public class AuditStore {

    private final EntityManager entityManager;

    @Inject
    public AuditStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the event unless one with the same id is already stored (a redelivery or a duplicate
     * send). Returns true if a row was written.
     *
     * @param json the event exactly as it arrived
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public boolean record(EventEnvelope<?> event, String json) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO audit_event (event_id, type, occurred_at, recovery_group, cell, correlation_id,
                                         causation_id, source_service, source_instance, event)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb))
                ON CONFLICT (event_id) DO NOTHING
                """)
                .unwrap(NativeQuery.class)
                .setParameter(1, event.id(), UUID.class)
                .setParameter(2, event.type())
                .setParameter(3, event.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter(4, event.recoveryGroup())
                .setParameter(5, event.cell(), String.class)
                .setParameter(6, event.correlationId(), UUID.class)
                .setParameter(7, event.causationId(), UUID.class)
                .setParameter(8, event.source().service())
                .setParameter(9, event.source().instance())
                .setParameter(10, json)
                .executeUpdate();
        return inserted == 1;
    }

    /** The newest events first. */
    @Transactional
    public List<AuditEventEntity> newest(int limit) {
        return AuditEventEntity.<AuditEventEntity>findAll(Sort.descending("occurredAt", "seq"))
                .page(Page.ofSize(limit)).list();
    }
}
