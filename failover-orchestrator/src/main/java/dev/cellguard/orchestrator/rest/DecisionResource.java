package dev.cellguard.orchestrator.rest;

import dev.cellguard.orchestrator.failover.FailoverService;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.rest.Bodies.ReasonBody;
import dev.cellguard.support.rest.Problem;
import dev.cellguard.support.security.CallerNames;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The orchestrator's decisions, newest first, and the operator's answers to approval requests. */
@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "decisions")
public class DecisionResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    FailoverService failover;

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The most recent decisions, newest first",
            description = "Every outcome: EXECUTED, BLOCKED (with the blocking safety rule), FAILED, DRY_RUN, "
                    + "AWAITING_APPROVAL, APPROVED, REJECTED. The actor is 'automation' or the operator's name.")
    @APIResponse(responseCode = "200", description = "The decisions")
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 1000")
    public CompletionStage<List<Decision>> decisions(
            @Parameter(description = "How many decisions, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "100", minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit) {
        int max = limit(limit);
        return failover.decisions().thenApply(all -> all.size() <= max ? all : List.copyOf(all.subList(0, max)));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Approve a request awaiting approval",
            description = "Checks the target and the safety rules again, then acts. Answers the decisions made: APPROVED, "
                    + "then EXECUTED, BLOCKED or FAILED.")
    @RequestBody(required = false, description = "An optional reason")
    @APIResponse(responseCode = "200", description = "The decisions made")
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No request awaiting approval has this id")
    public CompletionStage<Response> approve(@PathParam("id") String id, ReasonBody body) {
        UUID request = Bodies.uuid("id", id);
        return failover.approve(request, CallerNames.of(caller), Bodies.optionalReason(body))
                .handle((made, failure) -> failure == null ? Response.ok(made).build()
                        : Answers.failure(failure, missing -> notPending(request)));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Reject a request awaiting approval",
            description = "The same situation is not asked about again until it clears. A reason is required.")
    @RequestBody(required = true, description = "Why the request is rejected")
    @APIResponse(responseCode = "200", description = "The REJECTED decision")
    @APIResponse(responseCode = "400", description = "id is not a UUID, or the reason is missing or blank")
    @APIResponse(responseCode = "404", description = "No request awaiting approval has this id")
    public CompletionStage<Response> reject(@PathParam("id") String id, ReasonBody body) {
        UUID request = Bodies.uuid("id", id);
        String reason = Bodies.requiredReason(body == null ? null : body.reason(), "reject a request");
        return failover.reject(request, CallerNames.of(caller), reason)
                .handle((rejected, failure) -> failure == null ? Response.ok(rejected).build()
                        : Answers.failure(failure, missing -> notPending(request)));
    }

    private static Response notPending(UUID request) {
        return Problem.notFound("no request " + request + " is awaiting approval (unknown, already answered or expired)")
                .getResponse();
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
