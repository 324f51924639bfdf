package dev.cellguard.orchestrator.routing;

import dev.cellguard.contracts.RoutingState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.AccessDeniedException;
import software.amazon.awssdk.services.route53recoverycluster.model.ConflictException;
import software.amazon.awssdk.services.route53recoverycluster.model.EndpointTemporarilyUnavailableException;
import software.amazon.awssdk.services.route53recoverycluster.model.ResourceNotFoundException;
import software.amazon.awssdk.services.route53recoverycluster.model.Route53RecoveryClusterException;
import software.amazon.awssdk.services.route53recoverycluster.model.ServiceLimitExceededException;
import software.amazon.awssdk.services.route53recoverycluster.model.ThrottlingException;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;
import software.amazon.awssdk.services.route53recoverycluster.model.ValidationException;

/**
 * Talks to an ARC cluster the way AWS advises: one client per regional endpoint, a random first
 * endpoint, then every other one in turn, each attempt bounded by a short timeout and the whole call
 * by a deadline. The SDK does not retry on one endpoint: moving on is faster. A safety-rule conflict
 * or a rejected request is final; throttling, maintenance, server errors, timeouts and connection
 * failures move to the next endpoint.
 */
public final class RoutingControlClient implements AutoCloseable {

    private static final Pattern RULE_ARN = Pattern.compile("arn:aws[a-z-]*:route53-recovery-control::\\d+:controlpanel/[A-Za-z0-9]+/safetyrule/[A-Za-z0-9]+");

    private static final Duration ROUND_PAUSE = Duration.ofMillis(100);

    private final List<ArcEndpoint> endpoints;
    private final List<Route53RecoveryClusterClient> clients;
    private final Duration deadline;
    private final RandomGenerator random;
    private final EndpointAttempts attempts;

    public RoutingControlClient(List<ArcEndpoint> endpoints, AwsCredentialsProvider credentials,
            Duration attemptTimeout, Duration deadline, RandomGenerator random) {
        this(endpoints, credentials, attemptTimeout, deadline, random, EndpointAttempts.NONE);
    }

    /**
     * @param endpoints      the cluster's regional endpoints
     * @param attemptTimeout longest wait for one endpoint before moving to the next
     * @param deadline       longest wait for one call across all endpoints
     * @param random         picks the first endpoint of each call
     * @param attempts       told about every attempt (metrics)
     */
    public RoutingControlClient(List<ArcEndpoint> endpoints, AwsCredentialsProvider credentials,
            Duration attemptTimeout, Duration deadline, RandomGenerator random, EndpointAttempts attempts) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no ARC cluster endpoint configured");
        }
        this.endpoints = List.copyOf(endpoints);
        this.deadline = deadline;
        this.random = random;
        this.attempts = attempts;
        this.clients = endpoints.stream().map(e -> Route53RecoveryClusterClient.builder()
                .endpointOverride(e.url())
                .region(Region.of(e.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(attemptTimeout)
                        .socketTimeout(attemptTimeout))
                .overrideConfiguration(o -> o
                        .retryPolicy(RetryPolicy.none())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(attemptTimeout))
                .build()).toList();
    }

    /** Sets all the given routing controls in one atomic call. */
    public UpdateOutcome updateStates(Map<String, RoutingState> states, List<String> safetyRulesToOverride) {
        List<UpdateRoutingControlStateEntry> entries = states.entrySet().stream()
                .map(e -> UpdateRoutingControlStateEntry.builder()
                        .routingControlArn(e.getKey()).routingControlState(e.getValue().wire()).build())
                .toList();
        return call("UpdateRoutingControlStates", client -> client.updateRoutingControlStates(b -> b
                .updateRoutingControlStateEntries(entries)
                .safetyRulesToOverride(safetyRulesToOverride)));
    }

    /** Reads the current state of each routing control, by ARN. */
    public Map<String, RoutingState> readStates(List<String> routingControlArns) {
        Map<String, RoutingState> states = new LinkedHashMap<>();
        for (String arn : routingControlArns) {
            String[] state = new String[1];
            call("GetRoutingControlState", client -> state[0] =
                    client.getRoutingControlState(b -> b.routingControlArn(arn)).routingControlStateAsString());
            states.put(arn, RoutingState.fromWire(state[0]));
        }
        return states;
    }

    private UpdateOutcome call(String operation, Function<Route53RecoveryClusterClient, Object> request) {
        long start = System.nanoTime();
        long deadlineNanos = start + deadline.toNanos();
        List<String> failures = new ArrayList<>();
        int first = random.nextInt(endpoints.size());
        int attempt = 0;
        while (true) {
            int index = (first + attempt) % endpoints.size();
            ArcEndpoint endpoint = endpoints.get(index);
            attempt++;
            long attemptStart = System.nanoTime();
            try {
                request.apply(clients.get(index));
                attempts.attempted(endpoint, operation, EndpointAttempts.Outcome.SUCCESS, System.nanoTime() - attemptStart);
                return new UpdateOutcome(endpoint, attempt, (System.nanoTime() - start) / 1_000_000, failures);
            } catch (ConflictException e) {
                attempts.attempted(endpoint, operation, EndpointAttempts.Outcome.CONFLICT, System.nanoTime() - attemptStart);
                throw new RoutingUpdateException(RoutingUpdateException.Kind.SAFETY_RULE,
                        operation + " blocked by a safety rule: " + e.awsErrorDetails().errorMessage(),
                        ruleArn(e), describe(failures, endpoint, e), e);
            } catch (ValidationException | ResourceNotFoundException | AccessDeniedException
                     | ServiceLimitExceededException e) {
                attempts.attempted(endpoint, operation, EndpointAttempts.Outcome.REJECTED, System.nanoTime() - attemptStart);
                throw new RoutingUpdateException(RoutingUpdateException.Kind.REJECTED,
                        operation + " rejected by ARC (" + e.getClass().getSimpleName() + "): "
                                + e.awsErrorDetails().errorMessage(),
                        null, describe(failures, endpoint, e), e);
            } catch (Route53RecoveryClusterException | SdkClientException e) {
                attempts.attempted(endpoint, operation, classify(e), System.nanoTime() - attemptStart);
                failures.add(endpoint.region() + ": " + summary(e));
            }
            if (System.nanoTime() >= deadlineNanos) {
                throw new RoutingUpdateException(RoutingUpdateException.Kind.NO_ENDPOINT,
                        operation + " failed on every ARC endpoint within " + deadline.toMillis() + " ms after "
                                + attempt + " attempts: " + String.join("; ", failures),
                        null, failures, null);
            }
            if (attempt % endpoints.size() == 0) {
                pauseBetweenRounds(deadlineNanos);
            }
        }
    }

    /** Every endpoint failed once: wait a little before the next round rather than spin. */
    private static void pauseBetweenRounds(long deadlineNanos) {
        long pauseMs = Math.min(ROUND_PAUSE.toMillis(), Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000));
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoutingUpdateException(RoutingUpdateException.Kind.NO_ENDPOINT, "interrupted", null, List.of(), e);
        }
    }

    /** What kind of failure sends the call on to the next endpoint. */
    static EndpointAttempts.Outcome classify(Exception e) {
        if (e instanceof ThrottlingException) {
            return EndpointAttempts.Outcome.THROTTLED;
        }
        if (e instanceof EndpointTemporarilyUnavailableException) {
            return EndpointAttempts.Outcome.UNAVAILABLE;
        }
        if (e instanceof Route53RecoveryClusterException) {
            return EndpointAttempts.Outcome.SERVER_ERROR;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return EndpointAttempts.Outcome.TIMEOUT;
            }
        }
        return EndpointAttempts.Outcome.CONNECTION_FAILED;
    }

    private static List<String> describe(List<String> failures, ArcEndpoint endpoint, Exception e) {
        List<String> all = new ArrayList<>(failures);
        all.add(endpoint.region() + ": " + summary(e));
        return all;
    }

    private static String summary(Exception e) {
        if (e instanceof Route53RecoveryClusterException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String ruleArn(ConflictException e) {
        String message = e.awsErrorDetails().errorMessage();
        Matcher m = RULE_ARN.matcher(message == null ? "" : message);
        if (m.find()) {
            return m.group();
        }
        return e.resourceId();
    }

    @Override
    public void close() {
        clients.forEach(Route53RecoveryClusterClient::close);
    }
}
