package dev.cellguard.orchestrator.rest;

import dev.cellguard.orchestrator.failover.FailoverService;
import dev.cellguard.orchestrator.rest.Bodies.FailoverBody;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.CallerNames;
import dev.cellguard.support.security.Roles;
import dev.cellguard.support.security.SecurityProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An operator's own placement: all traffic to one cell, now. */
@Path("/api/failover")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class FailoverResource {

    @Inject
    FailoverService failover;

    @Inject
    JsonWebToken caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Route all traffic to one cell",
            description = "Sets the target cell's routing control On and every other Off, whatever the policy says. "
                    + "ARC safety rules apply unless listed in overrideSafetyRules, which only an admin may do.")
    @RequestBody(required = true, description = "targetCell and reason are required; overrideSafetyRules (rule ARNs) "
            + "needs the admin role")
    @APIResponse(responseCode = "200", description = "Executed: the decisions made")
    @APIResponse(responseCode = "400", description = "targetCell or reason missing, or no such cell")
    @APIResponse(responseCode = "403", description = "overrideSafetyRules without the admin role")
    @APIResponse(responseCode = "409", description = "A safety rule blocked the placement (blockingRule names it)")
    @APIResponse(responseCode = "502", description = "ARC did not take the update")
    @APIResponse(responseCode = "503", description = "The routing controls cannot be read from ARC")
    public CompletionStage<Response> failover(FailoverBody body, @Context SecurityContext security) {
        if (body == null) {
            throw Problem.badParameter("targetCell", "a JSON body with targetCell and reason is required");
        }
        if (body.targetCell() == null || body.targetCell().isBlank()) {
            throw Problem.badParameter("targetCell", "targetCell, the cell to route all traffic to, is required");
        }
        String reason = Bodies.requiredReason(body.reason(), "fail over");
        List<String> overrides = overrides(body.overrideSafetyRules());
        if (!overrides.isEmpty() && !security.isUserInRole(Roles.ADMIN)) {
            throw new WebApplicationException(SecurityProblems.forbidden(
                    "overriding safety rules (overrideSafetyRules) needs the admin role"));
        }
        String target = body.targetCell().strip();
        return failover.manualFailover(target, reason, overrides, CallerNames.of(caller))
                .handle((made, failure) -> failure == null ? Answers.routed(made)
                        : Answers.failure(failure, missing -> Problem.response(Response.Status.BAD_REQUEST,
                                missing.getMessage(), "targetCell")));
    }

    private static List<String> overrides(List<String> rules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.stream().anyMatch(rule -> rule == null || rule.isBlank())) {
            throw Problem.badParameter("overrideSafetyRules", "overrideSafetyRules must list safety rule ARNs, none blank");
        }
        return rules.stream().map(String::strip).distinct().toList();
    }
}
