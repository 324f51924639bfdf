package dev.cellguard.audit.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cellguard.audit.store.AuditEventEntity;
import java.time.OffsetDateTime;

/**
 * One stored event as the API returns it: the event exactly as it was sent, plus when and in which
 * order it was recorded.
 */
public record AuditEventView(long seq, OffsetDateTime recordedAt, @JsonRawValue String event) {

    static AuditEventView of(AuditEventEntity entity) {
        return new AuditEventView(entity.seq, entity.recordedAt, entity.event);
    }
}
