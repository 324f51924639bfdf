package dev.cellguard.arc.local.dataplane;

/**
 * One HTTP request to a regional endpoint, reduced to what the data plane looks at.
 *
 * @param endpointRegion the region of the endpoint that received it
 * @param method         the HTTP method
 * @param target         the {@code X-Amz-Target} header, or {@code null}
 * @param contentType    the {@code Content-Type} header, or {@code null}
 * @param authorization  the {@code Authorization} header, or {@code null}
 * @param body           the request body
 */
public record DataPlaneRequest(String endpointRegion, String method, String target, String contentType,
                               String authorization, byte[] body) {
}
