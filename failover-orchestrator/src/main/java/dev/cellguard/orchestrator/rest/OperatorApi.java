package dev.cellguard.orchestrator.rest;

import dev.cellguard.support.security.Roles;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The orchestrator's operator API, as {@code /q/openapi} describes it. Every {@code /api} route
 * takes a bearer token (a JWT whose {@code groups} claim holds the caller's roles); reads admit
 * {@value Roles#VIEWER}, {@value Roles#OPERATOR} and {@value Roles#ADMIN}, actions
 * {@value Roles#OPERATOR} and {@value Roles#ADMIN}, and overriding safety rules {@value Roles#ADMIN}
 * only. See docs/operator-api.md.
 */
@OpenAPIDefinition(
        info = @Info(title = "cellguard failover-orchestrator operator API", version = "1",
                description = "What the orchestrator believes, its decisions, and the operator's actions: approve, reject, "
                        + "manual failover, freeze. Every error answer is application/problem+json."),
        security = @SecurityRequirement(name = OperatorApi.BEARER))
@SecurityScheme(securitySchemeName = OperatorApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT signed by the configured issuer; the groups claim holds the roles viewer, operator, admin.")
public class OperatorApi extends Application {

    /** The name of the security scheme in the OpenAPI document. */
    public static final String BEARER = "bearer";
}
