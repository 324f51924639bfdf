package dev.cellguard.orchestrator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.support.rest.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Turns what the failover service did, or why it could not, into HTTP answers. */
final class Answers {

    private Answers() {
    }

    /**
     * A problem (RFC 9457) about a decision that did not route traffic, with two extension members:
     * the safety rule that blocked it, if one did, and the decisions recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionProblem(String type, String title, int status, String detail, String blockingRule,
                           List<Decision> decisions) {
    }

    /**
     * The answer to an action that routes traffic: 200 with the decisions when it was executed (or
     * nothing needed doing), 409 when a safety rule blocked it (or the target no longer qualifies),
     * 502 when ARC did not take the update.
     */
    static Response routed(List<Decision> made) {
        if (made.isEmpty()) {
            return Response.ok(made).build();
        }
        Decision last = made.get(made.size() - 1);
        if (last.outcome() == DecisionOutcome.BLOCKED) {
            return problem(Response.Status.CONFLICT, last.reason(), last.blockingRule(), made);
        }
        if (last.outcome() == DecisionOutcome.FAILED) {
            return problem(Response.Status.BAD_GATEWAY, last.reason(), null, made);
        }
        return Response.ok(made).build();
    }

    /**
     * The answer to a failed call of the failover service: {@code notFound} decides the answer to a
     * {@link NoSuchElementException} (an unknown request or cell); ARC being unreadable is 503;
     * anything else is logged and answered 500 without internals.
     */
    static Response failure(Throwable failure, Function<NoSuchElementException, Response> notFound) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof NoSuchElementException missing) {
            return notFound.apply(missing);
        }
        if (cause instanceof IllegalStateException unavailable) {
            Log.warnf("Operator request not served: %s", unavailable.getMessage());
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, unavailable.getMessage(), null);
        }
        Log.errorf(cause, "Operator request failed");
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; see the service log", null);
    }

    private static Response problem(Response.Status status, String detail, String blockingRule, List<Decision> made) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new DecisionProblem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                        blockingRule, made))
                .build();
    }
}
