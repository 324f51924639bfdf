package dev.cellguard.orchestrator.rest;

import dev.cellguard.orchestrator.failover.FailoverService;
import dev.cellguard.orchestrator.rest.Bodies.ReasonBody;
import dev.cellguard.support.security.CallerNames;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stops and restarts automated actions; operators can still act while automation is frozen. */
@Path("/api/automation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Tag(name = "actions")
public class AutomationResource {

    /** The answer: whether automation is frozen now. */
    public record AutomationState(boolean automationFrozen) {
    }

    @Inject
    FailoverService failover;

    @Inject
    JsonWebToken caller;

    @POST
    @Path("freeze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze automation", description = "No automated failover or failback until unfrozen.")
    @RequestBody(required = false, description = "An optional reason, logged with the operator's name")
    @APIResponse(responseCode = "200", description = "Frozen")
    public CompletionStage<AutomationState> freeze(ReasonBody body) {
        return failover.freeze(CallerNames.of(caller), Bodies.optionalReason(body)).thenApply(AutomationState::new);
    }

    @POST
    @Path("unfreeze")
    @Operation(summary = "Unfreeze automation", description = "Automation resumes at the next evaluation.")
    @APIResponse(responseCode = "200", description = "Unfrozen")
    public CompletionStage<AutomationState> unfreeze() {
        return failover.unfreeze(CallerNames.of(caller)).thenApply(AutomationState::new);
    }
}
