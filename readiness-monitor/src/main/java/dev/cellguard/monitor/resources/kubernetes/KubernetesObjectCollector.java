package dev.cellguard.monitor.resources.kubernetes;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A collector of one kind of Kubernetes object, one per cell, read by name with the cell's cluster
 * client: what a subclass adds is how to fetch its object and which attributes its rules compare.
 * Model file properties: {@code name} (required), {@code namespace} (the kind's default),
 * {@code context} (a kubeconfig context overriding the cell's {@code kubernetesContext}).
 *
 * @param <T> the object as the client returns it
 */
abstract class KubernetesObjectCollector<T> implements ResourceCollector {

    private final ResourceType type;
    private final List<ReadinessRule> rules;
    private final String kind;
    private final String defaultNamespace;
    private final KubernetesClients clients;
    private final ClusterReader reader;

    /**
     * @param kind    how messages name the object, e.g. {@code deployment}
     * @param clients the clusters' clients; this collector closes them on {@link #close()}
     *                (see {@link KubernetesCollectors#create} for sharing them between collectors)
     */
    KubernetesObjectCollector(ResourceType type, List<ReadinessRule> rules, String kind, String defaultNamespace,
            KubernetesClients clients, Clock clock) {
        this.type = type;
        this.rules = rules;
        this.kind = kind;
        this.defaultNamespace = defaultNamespace;
        this.clients = clients;
        this.reader = new ClusterReader(clients, clock, type.name() + "-reader");
    }

    /** Reads the object; {@code null} when it does not exist. */
    abstract T fetch(KubernetesClient client, ClusterReader.Target target);

    /** The object's attributes for the readiness rules. */
    abstract Map<String, Object> attributes(T object);

    @Override
    public final ResourceType type() {
        return type;
    }

    @Override
    public final List<ReadinessRule> rules(ResourceSetSpec set) {
        return rules;
    }

    /** Names and namespaces must be valid Kubernetes names; see {@link ClusterReader#validate}. */
    @Override
    public final void validate(ResourceSetSpec set) {
        ClusterReader.validate(set);
    }

    @Override
    public final Observation collect(ResourceRef resource) {
        return reader.read(resource, kind, defaultNamespace, this::fetch, this::attributes);
    }

    @Override
    public void close() {
        reader.close();
        clients.close();
    }
}
