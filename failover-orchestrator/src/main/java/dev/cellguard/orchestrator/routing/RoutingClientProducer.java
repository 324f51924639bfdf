package dev.cellguard.orchestrator.routing;

import dev.cellguard.orchestrator.config.ArcConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Builds the endpoint-rotating ARC client from {@link ArcConfig}. */
@Singleton
public class RoutingClientProducer {

    @Produces
    @Singleton
    RoutingControlClient routingControlClient(ArcConfig config, MeterRegistry registry) {
        List<ArcEndpoint> endpoints = config.endpoints().entrySet().stream()
                .map(e -> new ArcEndpoint(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(ArcEndpoint::region))
                .toList();
        if (endpoints.isEmpty()) {
            throw new IllegalStateException(
                    "cellguard.arc.endpoints: no ARC cluster endpoint configured; set cellguard.arc.endpoints.<region>=<url>");
        }
        return new RoutingControlClient(endpoints, credentials(config), config.attemptTimeout(), config.deadline(),
                new SecureRandom(), metrics(registry));
    }

    /**
     * Per endpoint: {@code cellguard_arc_attempts_total{endpoint,operation,outcome}} and the latency
     * histogram {@code cellguard_arc_attempt_seconds{endpoint,operation}}.
     */
    static EndpointAttempts metrics(MeterRegistry registry) {
        return (endpoint, operation, outcome, nanos) -> {
            registry.counter("cellguard.arc.attempts", "endpoint", endpoint.region(), "operation", operation,
                    "outcome", outcome.name()).increment();
            Timer.builder("cellguard.arc.attempt")
                    .tags("endpoint", endpoint.region(), "operation", operation)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    void close(@Disposes RoutingControlClient client) {
        client.close();
    }

    private static AwsCredentialsProvider credentials(ArcConfig config) {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
