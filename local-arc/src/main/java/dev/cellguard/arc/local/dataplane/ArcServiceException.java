package dev.cellguard.arc.local.dataplane;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An error answer of the data plane: its {@link ErrorType} and the members of its JSON body
 * (lower-case names, as in the service model). Created through the static factories, one per type.
 */
public final class ArcServiceException extends RuntimeException {

    /** The {@code reason} values of a {@code ValidationException}. */
    public enum ValidationReason {
        UNKNOWN_OPERATION("unknownOperation"),
        CANNOT_PARSE("cannotParse"),
        FIELD_VALIDATION_FAILED("fieldValidationFailed"),
        OTHER("other");

        private final String wireName;

        ValidationReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** One entry of a {@code ValidationException}'s {@code fields}. */
    public record FieldError(String name, String message) {
    }

    /** How long clients are told to wait after a throttled or failed call. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final ErrorType type;
    private final ObjectNode members;

    private ArcServiceException(ErrorType type, String message, ObjectNode members) {
        super(message);
        this.type = Objects.requireNonNull(type, "type");
        this.members = members;
        members.put("message", message);
    }

    private static ObjectNode newMembers() {
        return JsonNodeFactory.instance.objectNode();
    }

    public ErrorType type() {
        return type;
    }

    /** The error body without {@code __type}: {@code message} and the type's own members. */
    public ObjectNode members() {
        return members.deepCopy();
    }

    /** The {@code retryAfterSeconds} member if the type has one, for the {@code Retry-After} header. */
    public Integer retryAfterSeconds() {
        return members.has("retryAfterSeconds") ? members.get("retryAfterSeconds").intValue() : null;
    }

    public static ArcServiceException validation(ValidationReason reason, String message, List<FieldError> fields) {
        ObjectNode body = newMembers();
        body.put("reason", reason.wireName());
        if (!fields.isEmpty()) {
            var list = body.putArray("fields");
            fields.forEach(field -> list.addObject().put("name", field.name()).put("message", field.message()));
        }
        return new ArcServiceException(ErrorType.VALIDATION, message, body);
    }

    public static ArcServiceException resourceNotFound(String message, String resourceId, String resourceType) {
        ObjectNode body = newMembers().put("resourceId", resourceId).put("resourceType", resourceType);
        return new ArcServiceException(ErrorType.RESOURCE_NOT_FOUND, message, body);
    }

    public static ArcServiceException conflict(String message, String resourceId, String resourceType) {
        ObjectNode body = newMembers().put("resourceId", resourceId).put("resourceType", resourceType);
        return new ArcServiceException(ErrorType.CONFLICT, message, body);
    }

    public static ArcServiceException serviceLimitExceeded(String message, String resourceId, String resourceType,
                                                           String limitCode, String serviceCode) {
        ObjectNode body = newMembers().put("resourceId", resourceId).put("resourceType", resourceType)
                .put("limitCode", limitCode).put("serviceCode", serviceCode);
        return new ArcServiceException(ErrorType.SERVICE_LIMIT_EXCEEDED, message, body);
    }

    public static ArcServiceException throttling(String message) {
        return new ArcServiceException(ErrorType.THROTTLING, message, newMembers().put("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    public static ArcServiceException internalServer(String message) {
        return new ArcServiceException(ErrorType.INTERNAL_SERVER, message,
                newMembers().put("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    public static ArcServiceException endpointTemporarilyUnavailable(String message) {
        return new ArcServiceException(ErrorType.ENDPOINT_TEMPORARILY_UNAVAILABLE, message, newMembers());
    }

    public static ArcServiceException accessDenied(String message) {
        return new ArcServiceException(ErrorType.ACCESS_DENIED, message, newMembers());
    }
}
