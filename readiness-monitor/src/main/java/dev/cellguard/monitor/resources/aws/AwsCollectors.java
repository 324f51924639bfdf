package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.resources.ResourceCollector;
import java.time.Clock;
import java.util.List;

/**
 * The AWS resource types the readiness monitor knows, in one place for wiring:
 * <pre>{@code
 * AwsClients clients = AwsClients.defaults();          // or new AwsClients(endpoint, credentials, timeout)
 * List<ResourceCollector> aws = AwsCollectors.create(clients, Clock.systemUTC());
 * // … on shutdown: close every collector, then clients.close()
 * }</pre>
 */
public final class AwsCollectors {

    private AwsCollectors() {
    }

    /** One collector per AWS type; each owns its SDK clients and closes them in {@code close()}. */
    public static List<ResourceCollector> create(AwsClients clients, Clock clock) {
        return List.of(
                new AutoScalingGroupCollector(clients, clock),
                new LoadBalancerCollector(clients, clock),
                new RdsClusterCollector(clients, clock));
    }

    /** The model types of those collectors, e.g. for the model loader, without building any client. */
    public static List<ResourceType> types() {
        return List.of(AutoScalingGroupCollector.TYPE, LoadBalancerCollector.TYPE, RdsClusterCollector.TYPE);
    }
}
