package dev.cellguard.monitor.resources.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.Observation.Failure;
import dev.cellguard.monitor.resources.ResourceRef;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The part both Kubernetes collectors share: find the object a {@link ResourceRef} names, read it
 * from the right cluster within a deadline, and turn every way that can fail into an
 * {@link Observation.Failed} (a collector never throws).
 *
 * <p>How failures are classified:
 * <ul>
 *   <li>HTTP 401 or 403: {@code NOT_AUTHORIZED}, we were not allowed to look;</li>
 *   <li>the object does not exist (404), any other HTTP error, or an answer that cannot be read:
 *       {@code API_ERROR};</li>
 *   <li>no answer at all (timeout, connection refused, unknown host), no client for the context
 *       (unknown kubeconfig context), or a missing {@code name} property: {@code COULD_NOT_RUN}.</li>
 * </ul>
 *
 * <p>The read runs on a worker thread so that {@link #read} returns after the request timeout plus
 * {@link #DEADLINE_MARGIN} even if the client hangs where its own timeout does not apply (a
 * kubeconfig credential plugin, for instance). The margin lets the client's own, more precise
 * timeout error arrive first in the usual case.
 */
final class ClusterReader implements AutoCloseable {

    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);

    /** Kubernetes object names: a DNS-1123 subdomain (lower case, at most 253 characters). */
    private static final Pattern OBJECT_NAME =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    /** Namespace names: a DNS-1123 label (lower case, at most 63 characters). */
    private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    private final KubernetesClients clients;
    private final Clock clock;
    private final ExecutorService workers;

    ClusterReader(KubernetesClients clients, Clock clock, String threadNamePrefix) {
        this.clients = clients;
        this.clock = clock;
        this.workers = Executors.newCachedThreadPool(daemonThreads(threadNamePrefix));
    }

    /** The Kubernetes object a resource of the model file names, and the cluster it lives in. */
    record Target(String kind, String context, String namespace, String name) {

        /** For messages, e.g. {@code deployment shop/web in cluster context 'eks-us-west-2'}. */
        String describe() {
            return kind + " " + namespace + "/" + name + " in "
                    + (context == null ? "the default cluster context" : "cluster context '" + context + "'");
        }
    }

    /**
     * The object's context comes from the resource's own {@code context} property if it has one,
     * else from its cell's {@code kubernetesContext}, else the default context.
     */
    static Target target(ResourceRef ref, String kind, String defaultNamespace) {
        String context = firstNonBlank(ref.property("context"), ref.cell().kubernetesContext());
        String namespace = firstNonBlank(ref.property("namespace"), defaultNamespace);
        return new Target(kind, context, namespace, ref.property("name"));
    }

    /**
     * Checks the properties of every resource of a set at start-up, so that a typo in the model file
     * stops the monitor instead of showing up later as a resource that "does not exist".
     *
     * @throws IllegalArgumentException naming the field, e.g. {@code resources.eu-west-1.namespace: ...}
     */
    static void validate(ResourceSetSpec set) {
        set.resources().forEach((cell, properties) -> {
            String field = "resources." + cell + ".";
            String name = properties.get("name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(field + "name: missing");
            }
            if (name.length() > 253 || !OBJECT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(field + "name: '" + name
                        + "' is not a Kubernetes object name (lower-case letters, digits, '-' and '.')");
            }
            String namespace = properties.get("namespace");
            if (namespace != null && (namespace.length() > 63 || !NAMESPACE.matcher(namespace).matches())) {
                throw new IllegalArgumentException(field + "namespace: '" + namespace
                        + "' is not a Kubernetes namespace name (lower-case letters, digits and '-', at most 63)");
            }
            String context = properties.get("context");
            if (context != null && context.isBlank()) {
                throw new IllegalArgumentException(field + "context: empty; leave it out to use the cell's kubernetesContext");
            }
        });
    }

    /**
     * Reads one object and describes it.
     *
     * @param fetch      reads the object with the cluster's client; returns {@code null} when it does not exist
     * @param attributes the object's attributes for the readiness rules
     */
    <T> Observation read(ResourceRef ref, String kind, String defaultNamespace,
            BiFunction<KubernetesClient, Target, T> fetch, Function<T, Map<String, Object>> attributes) {
        try {
            Target target = target(ref, kind, defaultNamespace);
            if (target.name() == null || target.name().isBlank()) {
                return failed(Failure.COULD_NOT_RUN, kind + " of " + ref.key() + ": the property 'name' is missing");
            }
            return withDeadline(target, () -> readNow(target, fetch, attributes));
        } catch (RuntimeException e) {
            // Nothing above should throw; this keeps the collector's promise if something does.
            return failed(Failure.COULD_NOT_RUN, kind + ": " + e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private Observation withDeadline(Target target, Callable<Observation> read) {
        Future<Observation> future;
        try {
            future = workers.submit(read);
        } catch (RejectedExecutionException e) {
            return failed(Failure.COULD_NOT_RUN, target.describe() + ": the collector is closed");
        }
        Duration deadline = clients.requestTimeout().plus(DEADLINE_MARGIN);
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(Failure.COULD_NOT_RUN, target.describe() + ": gave up after " + deadline.toMillis()
                    + " ms (request timeout " + clients.requestTimeout().toMillis() + " ms plus "
                    + DEADLINE_MARGIN.toMillis() + " ms to make the client)");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(Failure.COULD_NOT_RUN, target.describe() + ": interrupted");
        } catch (ExecutionException e) {
            return failed(Failure.COULD_NOT_RUN, target.describe() + ": " + e.getCause());
        }
    }

    private <T> Observation readNow(Target target, BiFunction<KubernetesClient, Target, T> fetch,
            Function<T, Map<String, Object>> attributes) {
        KubernetesClient client;
        try {
            client = clients.forContext(target.context());
        } catch (RuntimeException e) {
            return failed(Failure.COULD_NOT_RUN, target.describe() + ": no client for the cluster: " + e.getMessage());
        }
        T object;
        try {
            object = fetch.apply(client, target);
        } catch (KubernetesClientException e) {
            return failed(classify(e), target.describe() + ": " + describe(e));
        } catch (RuntimeException e) {
            return failed(Failure.API_ERROR, target.describe() + ": " + e);
        }
        if (object == null) {
            return failed(Failure.API_ERROR, target.describe() + ": not found (HTTP 404)");
        }
        try {
            return new Observation.Observed(attributes.apply(object), clock.instant());
        } catch (RuntimeException e) {
            return failed(Failure.API_ERROR, target.describe() + ": unexpected content: " + e);
        }
    }

    /** See the class comment. Code 0 means no HTTP answer arrived. */
    static Failure classify(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 401 || code == 403) {
            return Failure.NOT_AUTHORIZED;
        }
        if (code > 0 || hasCause(e, JsonProcessingException.class)) {
            return Failure.API_ERROR;
        }
        return Failure.COULD_NOT_RUN;
    }

    private static String describe(KubernetesClientException e) {
        Status status = e.getStatus();
        if (e.getCode() > 0) {
            String reason = status == null || status.getReason() == null ? "" : " " + status.getReason();
            String message = status == null || status.getMessage() == null ? e.getMessage() : status.getMessage();
            return "HTTP " + e.getCode() + reason + ": " + message;
        }
        // fabric8 wraps the cause in a generic "Operation: [get] ... failed"; the cause says what happened.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "no answer from the API server: "
                + (root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private Observation failed(Failure failure, String message) {
        return new Observation.Failed(failure, message, clock.instant());
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
