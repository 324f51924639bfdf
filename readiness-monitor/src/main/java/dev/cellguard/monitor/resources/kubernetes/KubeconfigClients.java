package dev.cellguard.monitor.resources.kubernetes;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fabric8 {@link KubernetesClient} per cluster, made from the kubeconfig on first use and cached
 * per context until {@link #close()}.
 *
 * <p>Where the configuration comes from: a named context is looked up in the kubeconfig
 * ({@code $KUBECONFIG} or {@code ~/.kube/config}, or the file given to the constructor). No context
 * means the kubeconfig's current context, or the pod's service account when running in a cluster
 * without a kubeconfig ({@code Config.autoConfigure(null)}).
 *
 * <p>Two deliberate differences from fabric8's defaults:
 * <ul>
 *   <li>A context that the kubeconfig does not define is an error. fabric8 would silently fall back
 *       to the current context, which would read the wrong cluster and hide drift.</li>
 *   <li>Requests are not retried and time out after the request timeout (connect included): a
 *       readiness check is repeated on its own interval, and a slow cluster must show up as
 *       "could not run" within the timeout, not after fabric8's ten retries.</li>
 * </ul>
 */
public final class KubeconfigClients implements KubernetesClients {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Cache key of the default context: a context name is never empty. */
    private static final String DEFAULT_CONTEXT = "";

    private final Duration requestTimeout;
    private final Path kubeconfig;
    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Reads the default kubeconfig (or the in-cluster configuration), with a 5 s request timeout. */
    public KubeconfigClients() {
        this(DEFAULT_REQUEST_TIMEOUT);
    }

    /** Reads the default kubeconfig (or the in-cluster configuration). */
    public KubeconfigClients(Duration requestTimeout) {
        this(requestTimeout, null);
    }

    /**
     * @param kubeconfig the kubeconfig file to read, or {@code null} for the default lookup
     */
    public KubeconfigClients(Duration requestTimeout, Path kubeconfig) {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        this.requestTimeout = requestTimeout;
        this.kubeconfig = kubeconfig;
    }

    @Override
    public KubernetesClient forContext(String contextOrNull) {
        if (closed) {
            throw new IllegalStateException("the Kubernetes clients are closed");
        }
        String key = contextOrNull == null ? DEFAULT_CONTEXT : contextOrNull;
        // A failed creation leaves no entry, so the next check tries again (the kubeconfig may be fixed).
        KubernetesClient client = clients.computeIfAbsent(key, k -> create(contextOrNull));
        if (closed) {
            // close() ran while this client was being made: do not leak it.
            clients.remove(key, client);
            client.close();
            throw new IllegalStateException("the Kubernetes clients are closed");
        }
        return client;
    }

    @Override
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public void close() {
        closed = true;
        clients.forEach((context, client) -> {
            try {
                client.close();
            } catch (RuntimeException e) {
                Log.warnf("Closing the Kubernetes client of context '%s' failed: %s", context, e.getMessage());
            }
        });
        clients.clear();
    }

    private KubernetesClient create(String context) {
        Config config = kubeconfig == null ? Config.autoConfigure(context)
                : Config.fromKubeconfig(context, kubeconfig.toFile());
        if (context != null) {
            NamedContext current = config.getCurrentContext();
            if (current == null || !context.equals(current.getName())) {
                throw new IllegalArgumentException("the kubeconfig (" + describeKubeconfig() + ") has no context '"
                        + context + "'; known contexts: " + contextNames(config.getContexts()));
            }
        }
        int millis = Math.toIntExact(Math.max(1, requestTimeout.toMillis()));
        config.setRequestTimeout(millis);
        config.setConnectionTimeout(millis);
        config.setRequestRetryBackoffLimit(0);
        Log.debugf("Kubernetes client for context '%s': %s", context == null ? "(default)" : context, config.getMasterUrl());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private String describeKubeconfig() {
        return kubeconfig == null ? "default lookup: $KUBECONFIG or ~/.kube/config" : kubeconfig.toString();
    }

    private static List<String> contextNames(List<NamedContext> contexts) {
        return contexts == null ? List.of() : contexts.stream().map(NamedContext::getName).sorted().toList();
    }
}
