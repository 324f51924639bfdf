package dev.cellguard.audit.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cellguard.audit.store.AuditRecordEntity;
import java.time.OffsetDateTime;

/**
 * One stored event as the API returns it: the event as stored, when and in which order it was
 * recorded, and its link in the hash chain.
 */
public record AuditEventView(long seq, OffsetDateTime recordedAt, String hash, @JsonRawValue String event) {

    static AuditEventView of(AuditRecordEntity entity) {
        return new AuditEventView(entity.seq, entity.recordedAt, java.util.HexFormat.of().formatHex(entity.hash), entity.event);
    }
}
