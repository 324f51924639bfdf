package dev.cellguard.monitor.resources.kubernetes;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Readiness of a Kubernetes {@code Deployment} (apps/v1) in each cell's cluster.
 *
 * <p>Model file properties: {@code name} (required), {@code namespace} (default {@code default}),
 * {@code context} (a kubeconfig context overriding the cell's {@code kubernetesContext}).
 *
 * <p>Attributes:
 * <ul>
 *   <li>{@code desiredReplicas} (Long): {@code spec.replicas}; 1 when absent, as the API server defaults it;</li>
 *   <li>{@code readyReplicas} (Long): {@code status.readyReplicas}; 0 when absent (Kubernetes omits it at 0);</li>
 *   <li>{@code updatedReplicas} (Long): {@code status.updatedReplicas}; 0 when absent;</li>
 *   <li>{@code images} (List of String): the distinct images of the pod template's containers, sorted.
 *       Init containers are left out: they do not serve traffic.</li>
 * </ul>
 *
 * <p>Rules:
 * <ul>
 *   <li>{@value #RULE_REPLICAS_READY}: every desired replica is ready. A deployment scaled to 0 is
 *       NOT_READY: a cell with no pods cannot take the other cell's traffic, even though Kubernetes
 *       calls such a deployment "available". Ready replicas above desired (pods of a scale-down or a
 *       surge still running) are NOT_READY too, until the deployment settles.</li>
 *   <li>{@value #RULE_SAME_IMAGES}: every cell runs the same images (drift between cells otherwise).</li>
 * </ul>
 */
public final class DeploymentCollector extends KubernetesObjectCollector<Deployment> {

    public static final String TYPE = "kubernetes-deployment";
    public static final String RULE_REPLICAS_READY = "k8s-deployment.each.replicas-ready";
    public static final String RULE_SAME_IMAGES = "k8s-deployment.all.same-images";

    public static final String DESIRED_REPLICAS = "desiredReplicas";
    public static final String READY_REPLICAS = "readyReplicas";
    public static final String UPDATED_REPLICAS = "updatedReplicas";
    public static final String IMAGES = "images";

    static final String DEFAULT_NAMESPACE = "default";

    static final ResourceType RESOURCE_TYPE = new ResourceType(TYPE, Set.of("name"), Set.of("namespace", "context"),
            Set.of(), Set.of(RULE_REPLICAS_READY, RULE_SAME_IMAGES), Duration.ofSeconds(15));

    static final List<ReadinessRule> RULES = List.of(
            Rules.each(RULE_REPLICAS_READY, "Every desired replica of the deployment is ready",
                    DeploymentCollector::replicasProblem),
            Rules.allEqual(RULE_SAME_IMAGES, "The deployment runs the same container images in every cell", IMAGES));

    DeploymentCollector(KubernetesClients clients, Clock clock) {
        super(RESOURCE_TYPE, RULES, "deployment", DEFAULT_NAMESPACE, clients, clock);
    }

    @Override
    Deployment fetch(KubernetesClient client, ClusterReader.Target target) {
        return client.apps().deployments().inNamespace(target.namespace()).withName(target.name()).get();
    }

    @Override
    Map<String, Object> attributes(Deployment deployment) {
        Optional<DeploymentSpec> spec = Optional.ofNullable(deployment.getSpec());
        Optional<DeploymentStatus> status = Optional.ofNullable(deployment.getStatus());
        List<String> images = spec.map(DeploymentSpec::getTemplate)
                .map(PodTemplateSpec::getSpec)
                .map(PodSpec::getContainers)
                .orElse(List.of())
                .stream()
                .map(Container::getImage)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return Map.of(
                DESIRED_REPLICAS, spec.map(DeploymentSpec::getReplicas).orElse(1).longValue(),
                READY_REPLICAS, status.map(DeploymentStatus::getReadyReplicas).orElse(0).longValue(),
                UPDATED_REPLICAS, status.map(DeploymentStatus::getUpdatedReplicas).orElse(0).longValue(),
                IMAGES, images);
    }

    private static Optional<String> replicasProblem(Observation.Observed observed) {
        if (!(observed.get(DESIRED_REPLICAS) instanceof Number desired)
                || !(observed.get(READY_REPLICAS) instanceof Number ready)) {
            return Optional.of("replica counts are not known");
        }
        if (desired.longValue() == 0) {
            return Optional.of("scaled to 0 replicas: no pod can take traffic");
        }
        if (ready.longValue() < desired.longValue()) {
            return Optional.of(ready.longValue() + " of " + desired.longValue() + " desired replicas are ready");
        }
        if (ready.longValue() > desired.longValue()) {
            return Optional.of(ready.longValue() + " replicas are ready but " + desired.longValue()
                    + " are desired: the deployment has not settled");
        }
        return Optional.empty();
    }
}
