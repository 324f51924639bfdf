package dev.cellguard.orchestrator.rest;

import dev.cellguard.support.rest.Problem;
import java.util.List;
import java.util.UUID;

/** Request bodies of the operator API and the checks they share. */
final class Bodies {

    private Bodies() {
    }

    /** {@code {"reason": "..."}}: why the operator acts. */
    record ReasonBody(String reason) {
    }

    /**
     * {@code {"targetCell": "eu-west-1", "reason": "...", "overrideSafetyRules": ["arn:..."]}}: route
     * all traffic to one cell now.
     */
    record FailoverBody(String targetCell, String reason, List<String> overrideSafetyRules) {
    }

    /** The reason, or {@code null} when the body or its reason is absent or blank. */
    static String optionalReason(ReasonBody body) {
        return body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
    }

    /** The reason; 400 naming {@code reason} when it is absent or blank. */
    static String requiredReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw Problem.badParameter("reason", "a non-blank reason is required to " + what);
        }
        return reason.strip();
    }

    /** A path parameter that must be a UUID; 400 naming it otherwise. */
    static UUID uuid(String name, String value) {
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equalsIgnoreCase(value)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Problem.badParameter(name, name + " must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
}
