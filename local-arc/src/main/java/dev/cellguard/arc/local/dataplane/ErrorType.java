package dev.cellguard.arc.local.dataplane;

/**
 * The errors of the {@code route53-recovery-cluster} service model (2019-12-02), with the HTTP
 * status codes of its Smithy definition ({@code @httpError}). The {@code __type} in the body and the
 * {@code x-amzn-ErrorType} header both carry {@link #typeName()}.
 */
public enum ErrorType {
    VALIDATION("ValidationException", 400),
    SERVICE_LIMIT_EXCEEDED("ServiceLimitExceededException", 402),
    ACCESS_DENIED("AccessDeniedException", 403),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    THROTTLING("ThrottlingException", 429),
    INTERNAL_SERVER("InternalServerException", 500),
    ENDPOINT_TEMPORARILY_UNAVAILABLE("EndpointTemporarilyUnavailableException", 503);

    private final String typeName;
    private final int httpStatus;

    ErrorType(String typeName, int httpStatus) {
        this.typeName = typeName;
        this.httpStatus = httpStatus;
    }

    public String typeName() {
        return typeName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
