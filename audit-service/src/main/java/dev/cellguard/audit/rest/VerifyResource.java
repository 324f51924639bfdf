package dev.cellguard.audit.rest;

import dev.cellguard.audit.chain.AuditChain;
import dev.cellguard.audit.store.ChainVerifier;
import dev.cellguard.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Proves nobody edited the audit trail: recomputes the hash chain and reports the first broken link. */
@RolesAllowed({Roles.VIEWER, Roles.AUDITOR})
@Path("/api/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    public record BrokenLink(long seq, String reason) {
    }

    public record Report(boolean intact, long checked, Long lastSeq, String lastHash, BrokenLink firstBrokenLink,
                         Instant from, Instant to) {
    }

    @Inject
    ChainVerifier verifier;

    @GET
    @Operation(summary = "Verify the hash chain over records recorded in [from, to)")
    public Report verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant fromInstant = Params.instant("from", from);
        Instant toInstant = Params.instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw dev.cellguard.support.rest.Problem.badParameter("to", "must be after 'from'");
        }
        AuditChain.Verification v = verifier.verify(fromInstant, toInstant);
        return new Report(v.intact(), v.checked(), v.lastSeq(), AuditChain.hex(v.lastHash()),
                v.firstBroken().map(b -> new BrokenLink(b.seq(), b.reason())).orElse(null), fromInstant, toInstant);
    }
}
