package dev.cellguard.orchestrator.routing;

import dev.cellguard.orchestrator.config.ArcConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Builds the endpoint-rotating ARC client from {@link ArcConfig}. */
@Singleton
public class RoutingClientProducer {

    @Produces
    @Singleton
    RoutingControlClient routingControlClient(ArcConfig config) {
        List<ArcEndpoint> endpoints = config.endpoints().entrySet().stream()
                .map(e -> new ArcEndpoint(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(ArcEndpoint::region))
                .toList();
        if (endpoints.isEmpty()) {
            throw new IllegalStateException(
                    "cellguard.arc.endpoints: no ARC cluster endpoint configured; set cellguard.arc.endpoints.<region>=<url>");
        }
        return new RoutingControlClient(endpoints, credentials(config), config.attemptTimeout(), config.deadline(),
                new SecureRandom());
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
