package dev.cellguard.audit.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored event. Rows are written once by {@link AuditStore#record} and never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity extends PanacheEntityBase {

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event", nullable = false, columnDefinition = "jsonb")
    public String event;
}
