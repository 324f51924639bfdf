package dev.cellguard.support.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the cellguard APIs.
 *
 * @param parameter the request parameter at fault, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String parameter) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.StatusType status, String detail, String parameter) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, parameter))
                .build();
    }

    /** A 404 for a named thing that does not exist. */
    public static jakarta.ws.rs.NotFoundException notFound(String detail) {
        return new jakarta.ws.rs.NotFoundException(response(Response.Status.NOT_FOUND, detail, null));
    }

    /** A 400 naming the bad parameter. */
    public static jakarta.ws.rs.BadRequestException badParameter(String parameter, String detail) {
        return new jakarta.ws.rs.BadRequestException(response(Response.Status.BAD_REQUEST, detail, parameter));
    }
}
