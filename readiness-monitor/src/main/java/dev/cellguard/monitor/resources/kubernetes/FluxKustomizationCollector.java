package dev.cellguard.monitor.resources.kubernetes;

import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Readiness of a Flux {@code Kustomization} ({@code kustomize.toolkit.fluxcd.io/v1}) in each cell's
 * cluster: has Flux applied the cluster's manifests, and has every cluster applied the same Git
 * revision? Two clusters synced from one repository can drift when one of them fails to apply a
 * commit (a bad manifest, an admission webhook, a suspended reconciliation) and keeps running the
 * previous one.
 *
 * <p>The object is read as a {@link GenericKubernetesResource}, so no Flux model classes are needed.
 *
 * <p>Model file properties: {@code name} (required), {@code namespace} (default {@code flux-system}),
 * {@code context} (a kubeconfig context overriding the cell's {@code kubernetesContext}).
 *
 * <p>Attributes (all present on every observation; an absent field reads as shown):
 * <ul>
 *   <li>{@code ready} (String): {@code status.conditions[type=Ready].status}: {@code True},
 *       {@code False} or {@code Unknown} (no Ready condition yet, or an unexpected value);</li>
 *   <li>{@code readyMessage} (String): that condition's message, empty if none;</li>
 *   <li>{@code lastAppliedRevision} (String): {@code status.lastAppliedRevision}, e.g.
 *       {@code main@sha1:4f8c…}; empty if nothing was applied yet;</li>
 *   <li>{@code suspended} (Boolean): {@code spec.suspend}, false when absent.</li>
 * </ul>
 *
 * <p>Rules:
 * <ul>
 *   <li>{@value #RULE_READY}: the Kustomization is Ready ({@code ready == "True"});</li>
 *   <li>{@value #RULE_SAME_REVISION}: every cell applied the same revision (drift otherwise);</li>
 *   <li>{@value #RULE_NOT_SUSPENDED}, informational: reconciliation is not suspended. It does not
 *       affect readiness because operators suspend Flux on purpose during an incident, and that must
 *       not by itself make the cell unfit to take traffic; a suspension that lets the revision fall
 *       behind is caught by {@value #RULE_SAME_REVISION}.</li>
 * </ul>
 */
public final class FluxKustomizationCollector extends KubernetesObjectCollector<GenericKubernetesResource> {

    public static final String TYPE = "flux-kustomization";
    public static final String RULE_READY = "flux-kustomization.each.ready";
    public static final String RULE_SAME_REVISION = "flux-kustomization.all.same-revision";
    public static final String RULE_NOT_SUSPENDED = "flux-kustomization.each.not-suspended";

    public static final String READY = "ready";
    public static final String READY_MESSAGE = "readyMessage";
    public static final String LAST_APPLIED_REVISION = "lastAppliedRevision";
    public static final String SUSPENDED = "suspended";

    static final String DEFAULT_NAMESPACE = "flux-system";

    /**
     * Where Kustomizations live in the API. Naming the plural and scope here spares the client an API
     * discovery request per read.
     */
    static final ResourceDefinitionContext KUSTOMIZATION = new ResourceDefinitionContext.Builder()
            .withGroup("kustomize.toolkit.fluxcd.io")
            .withVersion("v1")
            .withKind("Kustomization")
            .withPlural("kustomizations")
            .withNamespaced(true)
            .build();

    static final ResourceType RESOURCE_TYPE = new ResourceType(TYPE, Set.of("name"), Set.of("namespace", "context"),
            Set.of(), Set.of(RULE_READY, RULE_SAME_REVISION, RULE_NOT_SUSPENDED), Duration.ofSeconds(15));

    static final List<ReadinessRule> RULES = List.of(
            Rules.each(RULE_READY, "The Flux Kustomization is Ready", FluxKustomizationCollector::readyProblem),
            Rules.allEqual(RULE_SAME_REVISION, "Flux applied the same Git revision in every cell", LAST_APPLIED_REVISION),
            Rules.informational(Rules.each(RULE_NOT_SUSPENDED, "Flux reconciliation of the Kustomization is not suspended",
                    observed -> Boolean.TRUE.equals(observed.get(SUSPENDED))
                            ? Optional.of("reconciliation is suspended (spec.suspend: true): new commits are not applied")
                            : Optional.empty())));

    FluxKustomizationCollector(KubernetesClients clients, Clock clock) {
        super(RESOURCE_TYPE, RULES, "Flux Kustomization", DEFAULT_NAMESPACE, clients, clock);
    }

    @Override
    GenericKubernetesResource fetch(KubernetesClient client, ClusterReader.Target target) {
        return client.genericKubernetesResources(KUSTOMIZATION).inNamespace(target.namespace()).withName(target.name()).get();
    }

    @Override
    Map<String, Object> attributes(GenericKubernetesResource kustomization) {
        Map<String, Object> fields = kustomization.getAdditionalProperties();
        Object spec = fields.get("spec");
        Object status = fields.get("status");
        Map<?, ?> readyCondition = readyCondition(status);
        String ready = readyCondition == null ? "Unknown" : String.valueOf(readyCondition.get("status"));
        if (!ready.equals("True") && !ready.equals("False")) {
            ready = "Unknown";
        }
        return Map.of(
                READY, ready,
                READY_MESSAGE, text(readyCondition == null ? null : readyCondition.get("message")),
                LAST_APPLIED_REVISION, text(field(status, "lastAppliedRevision")),
                SUSPENDED, Boolean.TRUE.equals(field(spec, "suspend")));
    }

    private static Map<?, ?> readyCondition(Object status) {
        if (!(field(status, "conditions") instanceof List<?> conditions)) {
            return null;
        }
        return conditions.stream()
                .filter(c -> c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
                .map(c -> (Map<?, ?>) c)
                .findFirst()
                .orElse(null);
    }

    private static Object field(Object object, String name) {
        return object instanceof Map<?, ?> map ? map.get(name) : null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Optional<String> readyProblem(Observation.Observed observed) {
        Object ready = observed.get(READY);
        if ("True".equals(ready)) {
            return Optional.empty();
        }
        Object message = observed.get(READY_MESSAGE);
        if (message == null || message.toString().isEmpty()) {
            return Optional.of("Ready is " + ready);
        }
        return Optional.of("Ready is " + ready + ": " + message);
    }
}
