package dev.cellguard.audit.rest;

import dev.cellguard.support.security.Roles;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The audit API, as {@code /q/openapi} (and {@code /q/swagger-ui}) describes it. Every route takes a
 * bearer token whose {@code groups} claim holds {@value Roles#VIEWER} or {@value Roles#AUDITOR}.
 * See docs/audit-trail.md.
 */
@OpenAPIDefinition(
        info = @Info(title = "cellguard audit API", version = "1",
                description = "Every state change cellguard recorded: events, incidents, exports and the hash chain's "
                        + "verification. Every error answer is application/problem+json."),
        security = @SecurityRequirement(name = AuditApi.BEARER))
@SecurityScheme(securitySchemeName = AuditApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT signed by the configured issuer; the groups claim holds viewer or auditor.")
public class AuditApi extends Application {

    public static final String BEARER = "bearer";
}
