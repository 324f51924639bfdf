package dev.cellguard.monitor.rest;

import dev.cellguard.support.security.Roles;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The readiness API, as {@code /q/openapi} (and {@code /q/swagger-ui}) describes it. Every route takes
 * a bearer token whose {@code groups} claim holds {@value Roles#VIEWER}, {@value Roles#OPERATOR} or
 * {@value Roles#ADMIN}. See docs/readiness-model.md.
 */
@OpenAPIDefinition(
        info = @Info(title = "cellguard readiness API", version = "1",
                description = "What this observer believes about its recovery groups: cell readiness and health, and each "
                        + "resource set's rules. Every error answer is application/problem+json."),
        security = @SecurityRequirement(name = ReadinessApi.BEARER))
@SecurityScheme(securitySchemeName = ReadinessApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT signed by the configured issuer; the groups claim holds viewer, operator or admin.")
public class ReadinessApi extends Application {

    public static final String BEARER = "bearer";
}
