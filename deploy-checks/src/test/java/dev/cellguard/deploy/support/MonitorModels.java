package dev.cellguard.deploy.support;

import dev.cellguard.monitor.model.ModelLoader;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.resources.aws.AwsCollectors;
import dev.cellguard.monitor.resources.http.HttpHealthCollector;
import dev.cellguard.monitor.resources.http.HttpJsonCollector;
import dev.cellguard.monitor.resources.kubernetes.KubernetesCollectors;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a readiness model with the monitor's own loader and every resource type the monitor has. */
public final class MonitorModels {

    private MonitorModels() {
    }

    public static ReadinessModel parse(String source, String text) {
        List<ResourceType> types = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try (HttpHealthCollector health = new HttpHealthCollector(http, Clock.systemUTC(), (resource, transition) -> { });
             HttpJsonCollector json = new HttpJsonCollector(http, Clock.systemUTC())) {
            types.add(health.type());
            types.add(json.type());
        }
        types.addAll(KubernetesCollectors.types());
        types.addAll(AwsCollectors.types());
        Map<String, ResourceType> byName = types.stream().collect(Collectors.toMap(ResourceType::name, Function.identity()));
        return new ModelLoader(byName).parse(source, text);
    }
}
