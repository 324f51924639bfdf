package dev.cellguard.audit.rest;

import dev.cellguard.audit.store.AuditStore;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit trail: every event cellguard recorded. */
@Path("/api/audit/events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    public record Page(List<AuditEventView> items) {
    }

    @Inject
    AuditStore store;

    /** Newest first. */
    @GET
    public Page list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return new Page(store.newest(limit).stream().map(AuditEventView::of).toList());
    }
}
