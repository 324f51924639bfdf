package dev.cellguard.support.security;

import dev.cellguard.support.rest.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The problem+json answers to a request without a valid token (401, with a {@code Bearer}
 * challenge) and to one whose token lacks the role (403). A service maps its security exceptions to
 * these, so that every error answer of the cellguard APIs has the same shape.
 */
public final class SecurityProblems {

    /** The challenge of a 401: the APIs take bearer tokens only. */
    public static final String BEARER_CHALLENGE = "Bearer";

    private SecurityProblems() {
    }

    /** 401: no token, or one that is not valid (bad signature, wrong issuer, expired). */
    public static Response unauthorized() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "a valid bearer token is required (Authorization: Bearer <token>)", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .build();
    }

    /** 403: the token is valid but its groups do not include a role the route admits. */
    public static Response forbidden() {
        return forbidden("the token's roles (groups claim) do not allow this request");
    }

    /** 403 with a specific reason, e.g. that only an admin may override safety rules. */
    public static Response forbidden(String detail) {
        return Problem.response(Response.Status.FORBIDDEN, detail, null);
    }
}
