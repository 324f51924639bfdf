package dev.cellguard.support.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 of every cellguard API as problem+json ({@link SecurityProblems}). Authentication runs
 * when a route needs it ({@code quarkus.http.auth.proactive=false}), so its failures reach these
 * mappers rather than Quarkus' own, which answer without a body.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return SecurityProblems.unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthorized(UnauthorizedException e) {
        return SecurityProblems.unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHORIZATION)
    public Response forbidden(ForbiddenException e) {
        return SecurityProblems.forbidden();
    }
}
