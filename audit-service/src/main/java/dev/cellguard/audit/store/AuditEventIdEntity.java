package dev.cellguard.audit.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Marks an event id as stored, at which seq: the idempotency key of ingest. */
@Entity
@Table(name = "audit_event_id")
public class AuditEventIdEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "seq", nullable = false)
    public Long seq;

    static AuditEventIdEntity of(UUID eventId, long seq) {
        AuditEventIdEntity e = new AuditEventIdEntity();
        e.eventId = eventId;
        e.seq = seq;
        return e;
    }
}
