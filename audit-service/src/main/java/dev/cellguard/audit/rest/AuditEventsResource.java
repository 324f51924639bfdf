package dev.cellguard.audit.rest;

import dev.cellguard.audit.query.AuditQueries;
import dev.cellguard.audit.query.Cursor;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail: every event cellguard recorded, filtered, newest first, a page at a time. */
@RolesAllowed({Roles.VIEWER, Roles.AUDITOR})
@Path("/api/audit/events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    /** A page; pass {@code nextCursor} as {@code cursor} for the next one (absent on the last page). */
    public record Page(List<AuditEventView> items, String nextCursor) {
    }

    @Inject
    AuditQueries queries;

    @GET
    @Operation(summary = "Events, newest first, filtered, with keyset pagination")
    public Page list(@BeanParam FilterParams filters,
            @Parameter(description = "from a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        AuditQueries.Page page = queries.page(filters.toFilter(), Params.cursor(cursor), Params.limit(limit, 100));
        return new Page(page.records().stream().map(AuditEventView::of).toList(), page.next().map(Cursor::encode).orElse(null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One event by its id")
    public AuditEventView byId(@PathParam("id") String id) {
        return queries.byEventId(Params.uuid("id", id)).map(AuditEventView::of)
                .orElseThrow(() -> Problem.notFound("no event with id " + id));
    }
}
