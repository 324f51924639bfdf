package dev.cellguard.monitor.service;

import dev.cellguard.monitor.config.MonitorConfig;
import dev.cellguard.monitor.resources.ResourceTypes;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.aws.AwsClients;
import dev.cellguard.monitor.resources.aws.AwsCollectors;
import dev.cellguard.monitor.resources.http.HttpHealthCollector;
import dev.cellguard.monitor.resources.http.HttpJsonCollector;
import dev.cellguard.monitor.resources.http.ProbeHttpClient;
import dev.cellguard.monitor.resources.kubernetes.KubernetesCollectors;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Every resource type the monitor can check, wired with its clients. */
@Singleton
public class ResourceTypesProducer {

    @Produces
    @Singleton
    ResourceTypes resourceTypes(HealthSignals healthSignals, MonitorConfig config, AwsClients awsClients) {
        Clock clock = Clock.systemUTC();
        HttpClient http = ProbeHttpClient.create();
        List<ResourceCollector> all = new ArrayList<>();
        all.add(new HttpHealthCollector(http, clock, healthSignals));
        all.add(new HttpJsonCollector(http, clock));
        all.addAll(KubernetesCollectors.create(config.kubernetes().requestTimeout(), clock));
        all.addAll(AwsCollectors.create(awsClients, clock));
        return new ResourceTypes(all);
    }

    /** AWS API clients: regional endpoints and the default credentials chain unless overridden. */
    @Produces
    @Singleton
    AwsClients awsClients(MonitorConfig config) {
        MonitorConfig.Aws aws = config.aws();
        if (aws.endpointOverride().isEmpty()) {
            return AwsClients.defaults(aws.apiCallTimeout());
        }
        AwsCredentialsProvider credentials = aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get()))
                : DefaultCredentialsProvider.builder().build();
        return new AwsClients(aws.endpointOverride(), credentials, aws.apiCallTimeout());
    }

    void close(@Disposes ResourceTypes collectors) {
        collectors.close();
    }

    void close(@Disposes AwsClients clients) {
        clients.close();
    }
}
