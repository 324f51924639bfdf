package dev.cellguard.monitor.resources.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * Gives the Kubernetes collectors a client for each cluster, chosen by kubeconfig context. The real
 * implementation is {@link KubeconfigClients}; tests supply one that returns mock servers' clients.
 *
 * <p>Implementations are thread-safe: collectors ask for clients from several threads at once.
 */
public interface KubernetesClients extends AutoCloseable {

    /**
     * The client of one cluster.
     *
     * @param contextOrNull a kubeconfig context name, or {@code null} for the default: the kubeconfig's
     *                      current context, or the in-cluster service account when there is no kubeconfig
     * @throws RuntimeException when no client can be made for that context (unknown context, unreadable
     *                          kubeconfig, closed); the collectors report it as "could not run"
     */
    KubernetesClient forContext(String contextOrNull);

    /**
     * How long one API request may take. The collectors give up on a read shortly after it, even if the
     * client itself hangs (for example in a kubeconfig credential plugin).
     */
    Duration requestTimeout();

    /** Closes every client handed out. */
    @Override
    void close();
}
