package dev.cellguard.support.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every error answer as {@code application/problem+json}: a 4xx keeps its status and says what was
 * wrong; anything unexpected is logged and answered 500 without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException web) {
            Response original = web.getResponse();
            if (Problem.MEDIA_TYPE.isCompatible(original.getMediaType())) {
                return original;
            }
            return Problem.response(original.getStatusInfo(), web.getMessage(), null);
        }
        Log.errorf(exception, "Unexpected error answering a request");
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; see the service log", null);
    }
}
