package dev.cellguard.audit.rest;

import dev.cellguard.audit.query.AuditFilter;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters the events list and the export share, as query parameters; checked by {@link #toFilter()}. */
public class FilterParams {

    @Parameter(description = "event type; repeat for several")
    @QueryParam("type")
    List<String> types;

    @QueryParam("recoveryGroup")
    String recoveryGroup;

    @QueryParam("cell")
    String cell;

    @QueryParam("observer")
    String observer;

    @QueryParam("actor")
    String actor;

    @QueryParam("outcome")
    String outcome;

    @QueryParam("correlationId")
    String correlationId;

    @Parameter(description = "occurred at or after (RFC 3339)")
    @QueryParam("from")
    String from;

    @Parameter(description = "occurred before (RFC 3339)")
    @QueryParam("to")
    String to;

    /** @throws jakarta.ws.rs.WebApplicationException 400 naming the first bad parameter */
    AuditFilter toFilter() {
        return Params.filter(types, recoveryGroup, cell, observer, actor, outcome, correlationId, from, to);
    }
}
