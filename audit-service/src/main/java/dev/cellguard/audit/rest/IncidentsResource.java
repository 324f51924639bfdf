package dev.cellguard.audit.rest;

import dev.cellguard.audit.query.AuditQueries;
import dev.cellguard.audit.query.IncidentTimeline;
import dev.cellguard.audit.store.AuditRecordEntity;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One incident, start to end: every event with its correlation id, and how long each stage took. */
@RolesAllowed({Roles.VIEWER, Roles.AUDITOR})
@Path("/api/audit/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    public record Stages(Instant detected, Instant decided, Instant approved, Instant routingChanged) {
    }

    public record StageDurations(Long detectionToDecisionMs, Long decisionToApprovalMs, Long approvalToRoutingChangeMs,
                                 Long detectionToRoutingChangeMs) {
    }

    public record Incident(UUID correlationId, Stages stages, StageDurations durations, List<AuditEventView> events) {
    }

    @Inject
    AuditQueries queries;

    @GET
    @Path("/{correlationId}")
    @Operation(summary = "An incident's timeline: detected, decided, approved, routing changed")
    public Incident incident(@PathParam("correlationId") String correlationId) {
        UUID id = Params.uuid("correlationId", correlationId);
        List<AuditRecordEntity> records = queries.incident(id);
        if (records.isEmpty()) {
            throw Problem.notFound("no events with correlation id " + id);
        }
        IncidentTimeline timeline = IncidentTimeline.of(records.stream()
                .map(r -> new IncidentTimeline.Step(r.type, r.outcome, r.occurredAt.toInstant())).toList());
        return new Incident(id,
                new Stages(timeline.detected(), timeline.decided(), timeline.approved(), timeline.routingChanged()),
                new StageDurations(ms(timeline.detectionToDecision()), ms(timeline.decisionToApproval()),
                        ms(timeline.approvalToRoutingChange()), ms(timeline.detectionToRoutingChange())),
                records.stream().map(AuditEventView::of).toList());
    }

    private static Long ms(java.util.Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }
}
