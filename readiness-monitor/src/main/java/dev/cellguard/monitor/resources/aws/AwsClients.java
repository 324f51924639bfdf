package dev.cellguard.monitor.resources.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the AWS SDK clients the collectors use, all configured the same way: the Region's own
 * endpoint (or one override for every Region, which is how tests point the SDK at a local stub),
 * one credentials provider, the JDK's {@code HttpURLConnection} transport, a small retry budget
 * and a time limit.
 *
 * <p>Each {@code new…Client(region)} call builds a fresh client that the caller owns and closes; the
 * collectors keep one per Region and close them in their own {@code close()}. Close this object
 * after the collectors: when it created the default credentials provider, it closes it.
 */
public final class AwsClients implements AutoCloseable {

    /** How long one collection (all the API calls that read one resource) may take by default. */
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(5);

    /** The SDK's standard retry strategy, cut down to one retry: readiness is checked again soon anyway. */
    public static final int MAX_ATTEMPTS = 2;

    private final Optional<URI> endpointOverride;
    private final AwsCredentialsProvider credentials;
    private final Duration apiCallTimeout;
    private final boolean ownsCredentials;

    /**
     * @param endpointOverride an endpoint used for every Region and service instead of AWS's regional
     *                         endpoints (tests, local emulators); empty for the real endpoints
     * @param credentials      where the clients get credentials; the caller keeps ownership
     * @param apiCallTimeout   the longest one collection may take, retries included; every API call
     *                         gets what remains of it
     */
    public AwsClients(Optional<URI> endpointOverride, AwsCredentialsProvider credentials, Duration apiCallTimeout) {
        this(endpointOverride, credentials, apiCallTimeout, false);
    }

    private AwsClients(Optional<URI> endpointOverride, AwsCredentialsProvider credentials, Duration apiCallTimeout,
            boolean ownsCredentials) {
        this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.apiCallTimeout = Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("apiCallTimeout must be positive, was " + apiCallTimeout);
        }
        this.ownsCredentials = ownsCredentials;
    }

    /** Regional endpoints, the SDK's default credentials chain, {@link #DEFAULT_API_CALL_TIMEOUT}. */
    public static AwsClients defaults() {
        return defaults(DEFAULT_API_CALL_TIMEOUT);
    }

    /** Regional endpoints and the SDK's default credentials chain, with the given time limit. */
    public static AwsClients defaults(Duration apiCallTimeout) {
        return new AwsClients(Optional.empty(), DefaultCredentialsProvider.builder().build(), apiCallTimeout, true);
    }

    public Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    public Optional<URI> endpointOverride() {
        return endpointOverride;
    }

    public AutoScalingClient newAutoScalingClient(String region) {
        return configure(AutoScalingClient.builder(), region);
    }

    public ElasticLoadBalancingV2Client newElasticLoadBalancingV2Client(String region) {
        return configure(ElasticLoadBalancingV2Client.builder(), region);
    }

    public RdsClient newRdsClient(String region) {
        return configure(RdsClient.builder(), region);
    }

    public CloudWatchClient newCloudWatchClient(String region) {
        return configure(CloudWatchClient.builder(), region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, String region) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                // Every SDK client owns its HTTP client (closed with it). The socket timeouts are a
                // backstop only: the SDK's api-call timeout below aborts a slow call first.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(apiCallTimeout)
                        .socketTimeout(apiCallTimeout))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(apiCallTimeout)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .build()));
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void close() {
        if (ownsCredentials && credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
