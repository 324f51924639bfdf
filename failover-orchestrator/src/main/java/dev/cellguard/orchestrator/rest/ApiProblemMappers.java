package dev.cellguard.orchestrator.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.cellguard.support.rest.Problem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What {@link dev.cellguard.support.rest.ProblemMapper} cannot see, answered as problem+json too:
 * JSON bodies of the wrong shape (401 and 403 are
 * {@link dev.cellguard.support.security.SecurityProblemMappers}'). Also reads the body of a POST
 * that comes without a Content-Type ({@code curl -X POST}) or as a form ({@code curl -d '{...}'} says form-urlencoded unless told
 * otherwise) as JSON: the API takes nothing else, and an operator in an incident should not have to
 * remember the header.
 */
public class ApiProblemMappers {

    /** A JSON body whose field has the wrong type, e.g. a string where a list belongs: 400 naming the field. */
    @ServerExceptionMapper(priority = Priorities.ENTITY_CODER)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return Problem.response(Response.Status.BAD_REQUEST,
                field.isEmpty() ? "the body is not the JSON object this route takes" : field + " has the wrong type",
                field.isEmpty() ? null : field);
    }

    /** Any other JSON the body cannot be read as. */
    @ServerExceptionMapper(priority = Priorities.ENTITY_CODER)
    public Response unreadableJson(JsonMappingException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "the body is not the JSON object this route takes", null);
    }

    @ServerRequestFilter(preMatching = true)
    public void readPostedBodiesAsJson(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
