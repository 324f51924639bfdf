package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.readiness.Observation.Failure;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The API calls of one collection (reading one resource): they share one time budget, and every
 * failure is classified the same way and described with the operation, the resource, the Region
 * and AWS's error code.
 *
 * <ul>
 *   <li>AccessDenied, AccessDeniedException, UnauthorizedOperation or HTTP 403 → {@code NOT_AUTHORIZED}</li>
 *   <li>any other error answer from AWS, and a resource that does not exist → {@code API_ERROR}</li>
 *   <li>no answer in time, no connection, no credentials → {@code COULD_NOT_RUN}</li>
 * </ul>
 */
final class AwsCall {

    static final Set<String> NOT_AUTHORIZED_CODES = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation");

    private final String resource;
    private final String region;
    private final Duration budget;
    private final long startNanos = System.nanoTime();

    /**
     * @param resource what is being read, for messages, e.g. {@code Auto Scaling group 'web'}
     * @param budget   how long all the calls together may take
     */
    AwsCall(String resource, String region, Duration budget) {
        this.resource = resource;
        this.region = region;
        this.budget = budget;
    }

    /**
     * Runs one API call with what remains of the budget as its SDK api-call timeout.
     *
     * @param operation the AWS operation name, for messages
     * @param call      makes the call; it must pass the given override configuration to its request
     * @throws CollectionFailure if the call fails or no time is left
     */
    <T> T run(String operation, Function<AwsRequestOverrideConfiguration, T> call) {
        Duration remaining = budget.minusNanos(System.nanoTime() - startNanos);
        if (remaining.toMillis() < 1) {
            throw new CollectionFailure(Failure.COULD_NOT_RUN, operation + " " + about()
                    + " not attempted: reading the resource already took its whole time limit of " + millis(budget), null);
        }
        try {
            return call.apply(AwsRequestOverrideConfiguration.builder().apiCallTimeout(remaining).build());
        } catch (RuntimeException e) {
            throw classify(operation, e);
        }
    }

    /** The resource does not exist (AWS answered, with nothing): an API error, not a readiness verdict. */
    CollectionFailure notFound(String operation, String detail) {
        return new CollectionFailure(Failure.API_ERROR, operation + " " + about() + ": not found (" + detail + ")", null);
    }

    CollectionFailure classify(String operation, RuntimeException e) {
        if (e instanceof CollectionFailure failure) {
            return failure;
        }
        if (e instanceof AwsServiceException aws) {
            AwsErrorDetails details = aws.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String text = details == null ? aws.getMessage() : details.errorMessage();
            Failure failure = NOT_AUTHORIZED_CODES.contains(code) || aws.statusCode() == 403
                    ? Failure.NOT_AUTHORIZED : Failure.API_ERROR;
            return new CollectionFailure(failure, operation + " " + about() + " failed: " + (code == null ? "error" : code)
                    + " (HTTP " + aws.statusCode() + ")" + (text == null ? "" : ": " + text), e);
        }
        if (e instanceof SdkServiceException service) {
            return new CollectionFailure(Failure.API_ERROR, operation + " " + about() + " failed: HTTP " + service.statusCode()
                    + ": " + service.getMessage(), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new CollectionFailure(Failure.COULD_NOT_RUN, operation + " " + about()
                    + " got no answer within the time limit of " + millis(budget), e);
        }
        if (e instanceof AbortedException) {
            // The SDK clears the thread's interrupt flag when it gives up; give it back to whoever
            // interrupted us (typically a shutting-down executor).
            Thread.currentThread().interrupt();
            return new CollectionFailure(Failure.COULD_NOT_RUN, operation + " " + about() + " was interrupted", e);
        }
        if (e instanceof SdkClientException) {
            return new CollectionFailure(Failure.COULD_NOT_RUN, operation + " " + about() + " could not be sent: "
                    + e.getMessage(), e);
        }
        return new CollectionFailure(Failure.COULD_NOT_RUN, operation + " " + about() + " failed unexpectedly: " + e, e);
    }

    private String about() {
        return "for " + resource + " in " + region;
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
