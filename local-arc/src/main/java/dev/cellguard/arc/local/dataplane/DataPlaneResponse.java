package dev.cellguard.arc.local.dataplane;

import java.util.Map;

/**
 * The answer to a {@link DataPlaneRequest}.
 *
 * @param status  the HTTP status
 * @param headers headers to set besides {@code Content-Type}
 * @param body    the JSON body
 */
public record DataPlaneResponse(int status, Map<String, String> headers, byte[] body) {

    /** The content type of every data-plane answer (awsJson1_0). */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    public DataPlaneResponse {
        headers = Map.copyOf(headers);
    }
}
