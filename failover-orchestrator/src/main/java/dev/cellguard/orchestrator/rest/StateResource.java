package dev.cellguard.orchestrator.rest;

import dev.cellguard.orchestrator.failover.FailoverService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What the orchestrator currently believes: health per cell and observer, routing control states. */
@Path("/api/state")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    @Inject
    FailoverService failover;

    @GET
    public CompletionStage<Map<String, Object>> state() {
        return failover.snapshot();
    }
}
