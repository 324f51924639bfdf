package dev.cellguard.arc.local;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;

/**
 * Real AWS SDK v2 clients pointed at local endpoints: dummy static credentials, no retries (so a
 * fault is seen as it is), short timeouts.
 */
final class ArcClients {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private ArcClients() {
    }

    static Route53RecoveryClusterClient client(Endpoint endpoint) {
        return client(endpoint, DEFAULT_TIMEOUT);
    }

    static Route53RecoveryClusterClient client(Endpoint endpoint, Duration readTimeout) {
        return Route53RecoveryClusterClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(readTimeout))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
