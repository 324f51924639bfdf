package dev.cellguard.monitor.service;

import dev.cellguard.monitor.resources.ResourceTypes;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.http.HttpHealthCollector;
import dev.cellguard.monitor.resources.http.HttpJsonCollector;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every resource type the monitor can check, wired with its clients. */
@Singleton
public class ResourceTypesProducer {

    @Produces
    @Singleton
    ResourceTypes resourceTypes(HealthSignals healthSignals) {
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<ResourceCollector> all = new ArrayList<>();
        all.add(new HttpHealthCollector(http, clock, healthSignals));
        all.add(new HttpJsonCollector(http, clock));
        return new ResourceTypes(all);
    }

    void close(@Disposes ResourceTypes collectors) {
        collectors.close();
    }
}
