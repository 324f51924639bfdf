package dev.cellguard.monitor.resources.kubernetes;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.resources.ResourceCollector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wiring for the Kubernetes resource types: {@value DeploymentCollector#TYPE} and
 * {@value FluxKustomizationCollector#TYPE}.
 *
 * <pre>{@code
 * List<ResourceCollector> kubernetes = KubernetesCollectors.create(config.kubernetes().requestTimeout(), clock);
 * // or, to choose the kubeconfig file: KubernetesCollectors.create(new KubeconfigClients(timeout, path), clock)
 * }</pre>
 *
 * The collectors share the clients and take ownership of them: the clients close when the last of the
 * collectors closes. ({@link KubeconfigClients#close()} may be called again; it does nothing the second time.)
 */
public final class KubernetesCollectors {

    private KubernetesCollectors() {
    }

    /** The Kubernetes collectors, reading clusters through {@code clients}. */
    public static List<ResourceCollector> create(KubernetesClients clients, Clock clock) {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(clock, "clock");
        AtomicInteger holders = new AtomicInteger(2);
        return List.of(
                new DeploymentCollector(new SharedClients(clients, holders), clock),
                new FluxKustomizationCollector(new SharedClients(clients, holders), clock));
    }

    /** The Kubernetes collectors, reading clusters through the kubeconfig (or in-cluster configuration). */
    public static List<ResourceCollector> create(Duration requestTimeout, Clock clock) {
        return create(new KubeconfigClients(requestTimeout), clock);
    }

    /** The model types of those collectors, e.g. for the model loader, without making any client. */
    public static List<ResourceType> types() {
        return List.of(DeploymentCollector.RESOURCE_TYPE, FluxKustomizationCollector.RESOURCE_TYPE);
    }

    /**
     * One collector's hold on clients shared by several: the clients close when the last holder
     * closes, and a holder closing twice counts once.
     */
    private static final class SharedClients implements KubernetesClients {

        private final KubernetesClients clients;
        private final AtomicInteger holders;
        private final AtomicBoolean released = new AtomicBoolean();

        SharedClients(KubernetesClients clients, AtomicInteger holders) {
            this.clients = clients;
            this.holders = holders;
        }

        @Override
        public KubernetesClient forContext(String contextOrNull) {
            if (released.get()) {
                throw new IllegalStateException("the collector is closed");
            }
            return clients.forContext(contextOrNull);
        }

        @Override
        public Duration requestTimeout() {
            return clients.requestTimeout();
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true) && holders.decrementAndGet() == 0) {
                clients.close();
            }
        }
    }
}
