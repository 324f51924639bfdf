package dev.cellguard.audit.store;

import dev.cellguard.audit.chain.AuditRecord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the audit trail. Written once by {@link AuditStore#append}; the table refuses updates
 * and deletes. {@code seq} is unique (the chain's order); the table's own key adds the partition
 * column.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity extends PanacheEntityBase {

    @Id
    @Column(name = "seq")
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "type", nullable = false, length = 64)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recovery_group", nullable = false, length = 64)
    public String recoveryGroup;

    @Column(name = "cell", length = 64)
    public String cell;

    @Column(name = "correlation_id", nullable = false)
    public UUID correlationId;

    @Column(name = "causation_id")
    public UUID causationId;

    @Column(name = "source_service", nullable = false, length = 64)
    public String sourceService;

    @Column(name = "source_instance", nullable = false, length = 128)
    public String sourceInstance;

    @Column(name = "observer", length = 64)
    public String observer;

    @Column(name = "subject", length = 2048)
    public String subject;

    @Column(name = "actor", length = 256)
    public String actor;

    @Column(name = "outcome", length = 64)
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event", nullable = false, columnDefinition = "jsonb")
    public String event;

    @Column(name = "hash", nullable = false)
    public byte[] hash;

    static AuditRecordEntity of(AuditRecord r, byte[] hash) {
        AuditRecordEntity e = new AuditRecordEntity();
        e.seq = r.seq();
        e.eventId = r.eventId();
        e.type = r.type();
        e.occurredAt = r.occurredAt().atOffset(ZoneOffset.UTC);
        e.recordedAt = r.recordedAt().atOffset(ZoneOffset.UTC);
        e.recoveryGroup = r.recoveryGroup();
        e.cell = r.cell();
        e.correlationId = r.correlationId();
        e.causationId = r.causationId();
        e.sourceService = r.sourceService();
        e.sourceInstance = r.sourceInstance();
        e.observer = r.observer();
        e.subject = r.subject();
        e.actor = r.actor();
        e.outcome = r.outcome();
        e.event = r.eventText();
        e.hash = hash;
        return e;
    }
}
