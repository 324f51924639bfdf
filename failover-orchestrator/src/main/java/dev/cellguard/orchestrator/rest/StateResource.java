package dev.cellguard.orchestrator.rest;

import dev.cellguard.orchestrator.failover.FailoverService;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the orchestrator currently believes: health per cell and observer, routing control states. */
@Path("/api/state")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "state")
public class StateResource {

    @Inject
    FailoverService failover;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "What the orchestrator believes",
            description = "Per cell: routing control state, agreed health and readiness, drift, observers, recent signals; "
                    + "whether automation is frozen; the requests awaiting approval.")
    public CompletionStage<Map<String, Object>> state() {
        return failover.snapshot();
    }
}
