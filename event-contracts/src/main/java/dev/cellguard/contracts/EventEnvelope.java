package dev.cellguard.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON envelope every cellguard event travels in.
 *
 * @param id            unique event id; also the SQS MessageDeduplicationId
 * @param type          wire name of the event type, e.g. {@code cell.health.changed}
 * @param version       schema version of the payload
 * @param occurredAt    when the change happened (UTC, RFC 3339 on the wire)
 * @param source        producing service and instance
 * @param recoveryGroup the recovery group the event belongs to
 * @param cell          the cell it concerns, or {@code null} for group-wide events
 * @param correlationId one id per incident, carried by every event that follows from it
 * @param causationId   id of the event that directly caused this one, or {@code null}
 * @param payload       the type-specific record
 */
public record EventEnvelope<P extends EventPayload>(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        EventSource source,
        String recoveryGroup,
        String cell,
        UUID correlationId,
        UUID causationId,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recoveryGroup, "recoveryGroup");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * A new event with a fresh id, stamped now (millisecond precision, as it travels).
     *
     * @param causedBy the event this one follows from: its correlation id is carried over and its id
     *                 becomes the causation id; {@code null} starts a new incident
     */
    public static <P extends EventPayload> EventEnvelope<P> create(
            P payload, EventSource source, String recoveryGroup, String cell, EventEnvelope<?> causedBy, Instant now) {
        return causedBy == null
                ? create(payload, source, recoveryGroup, cell, null, null, now)
                : create(payload, source, recoveryGroup, cell, causedBy.correlationId(), causedBy.id(), now);
    }

    /**
     * A new event with a fresh id, stamped now, in a known incident.
     *
     * @param correlationId the incident's id; {@code null} starts a new incident named by this event's id
     * @param causationId   the id of the event this one directly follows from, or {@code null}
     */
    public static <P extends EventPayload> EventEnvelope<P> create(
            P payload, EventSource source, String recoveryGroup, String cell, UUID correlationId, UUID causationId,
            Instant now) {
        UUID id = UUID.randomUUID();
        EventType type = payload.eventType();
        return new EventEnvelope<>(
                id,
                type.wireName(),
                type.version(),
                now.truncatedTo(ChronoUnit.MILLIS),
                source,
                recoveryGroup,
                cell,
                correlationId == null ? id : correlationId,
                causationId,
                payload);
    }

    /** SQS FIFO group: events of one cell stay in order; group-wide events share the group's id. */
    public String messageGroupId() {
        return cell == null ? recoveryGroup : recoveryGroup + "/" + cell;
    }

    /** SQS FIFO deduplication id: the event id, so a retried send is never delivered twice. */
    public String deduplicationId() {
        return id.toString();
    }

    @SuppressWarnings("unchecked")
    public <T extends EventPayload> EventEnvelope<T> as(Class<T> payloadType) {
        if (!payloadType.isInstance(payload)) {
            throw new ClassCastException(type + " does not carry " + payloadType.getSimpleName());
        }
        return (EventEnvelope<T>) this;
    }
}
