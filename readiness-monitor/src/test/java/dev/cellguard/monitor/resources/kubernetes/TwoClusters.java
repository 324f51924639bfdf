package dev.cellguard.monitor.resources.kubernetes;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ResourceSetEvaluator;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Two fabric8 mock API servers standing for the clusters of the cells us-west-2 and eu-west-1, each
 * reachable under the kubeconfig context of the same name. The servers keep objects like a real API
 * server (CRUD mode) and also answer expectations set on them (used for 403s).
 *
 * <p>It is also the {@link KubernetesClients} the collectors under test read through; {@link #close()}
 * only records that it was called, {@link #shutdown()} stops the servers.
 */
final class TwoClusters implements KubernetesClients {

    static final String US_WEST_2 = "us-west-2";
    static final String EU_WEST_1 = "eu-west-1";
    static final List<String> CELLS = List.of(US_WEST_2, EU_WEST_1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private final Map<String, KubernetesMockServer> servers = new LinkedHashMap<>();
    private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    private volatile boolean closed;

    TwoClusters() {
        for (String cell : CELLS) {
            KubernetesMockServer server = startServer();
            servers.put(cell, server);
            clients.put(cell, server.createClient());
        }
    }

    /** A mock API server in CRUD mode that also honours expectations, and knows Flux Kustomizations. */
    static KubernetesMockServer startServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup(FluxKustomizationCollector.KUSTOMIZATION.getGroup())
                .withVersion(FluxKustomizationCollector.KUSTOMIZATION.getVersion())
                .withKind(FluxKustomizationCollector.KUSTOMIZATION.getKind())
                .withPlural(FluxKustomizationCollector.KUSTOMIZATION.getPlural())
                .withScope("Namespaced")
                .build());
        return server;
    }

    KubernetesMockServer server(String cell) {
        return servers.get(cell);
    }

    KubernetesClient client(String cell) {
        return clients.get(cell);
    }

    @Override
    public KubernetesClient forContext(String contextOrNull) {
        KubernetesClient client = contextOrNull == null ? null : clients.get(contextOrNull);
        if (client == null) {
            throw new IllegalArgumentException("no cluster for context '" + contextOrNull + "'");
        }
        return client;
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    void shutdown() {
        clients.values().forEach(KubernetesClient::close);
        servers.values().forEach(KubernetesMockServer::destroy);
    }

    /** Makes every GET of the path answer 403, as the API server does without RBAC permission. */
    void forbid(String cell, String path) {
        Status forbidden = new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("access to " + path + " is forbidden: User \"system:serviceaccount:cellguard:monitor\""
                        + " cannot get it")
                .build();
        server(cell).expect().get().withPath(path).andReturn(403, forbidden).always();
    }

    // --- the resources of a set, one per cell -------------------------------------------------------

    static CellSpec cell(String name) {
        return new CellSpec(name, name, name, List.of());
    }

    static ResourceRef ref(String cell, Map<String, String> properties) {
        return new ResourceRef("shop", "set", cell(cell), properties, Map.of());
    }

    /** Collects the same properties in every cell and judges the set as the monitor would. */
    static ResourceSetReport check(ResourceCollector collector, Map<String, String> properties) {
        Map<String, Map<String, String>> propertiesByCell = new LinkedHashMap<>();
        CELLS.forEach(cell -> propertiesByCell.put(cell, properties));
        ResourceSetSpec set = new ResourceSetSpec("set", collector.type().name(), Map.of(), propertiesByCell, List.of(),
                collector.type().defaultInterval());
        Map<String, Observation> observations = new LinkedHashMap<>();
        CELLS.forEach(cell -> observations.put(cell, collector.collect(ref(cell, properties))));
        return ResourceSetEvaluator.evaluate(set.name(), set.type(), collector.enabledRules(set), observations, CLOCK.instant());
    }

    // --- objects as the clusters hold them ------------------------------------------------------------

    static Deployment deployment(String namespace, String name, int desired, Integer ready, String... images) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withReplicas(desired)
                .withNewTemplate().withNewSpec().endSpec().endTemplate()
                .endSpec()
                .withNewStatus().withReadyReplicas(ready).withUpdatedReplicas(desired).withReplicas(desired).endStatus();
        for (int i = 0; i < images.length; i++) {
            builder.editSpec().editTemplate().editSpec()
                    .addNewContainer().withName("c" + i).withImage(images[i]).endContainer()
                    .endSpec().endTemplate().endSpec();
        }
        return builder.build();
    }

    static GenericKubernetesResource kustomization(String namespace, String name, String ready, String message,
            String revision, boolean suspend) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (revision != null) {
            status.put("lastAppliedRevision", revision);
        }
        if (ready != null) {
            status.put("conditions", List.of(
                    Map.of("type", "Healthy", "status", "True", "reason", "Succeeded", "message", "ok"),
                    Map.of("type", "Ready", "status", ready, "reason", ready.equals("True") ? "ReconciliationSucceeded"
                            : "BuildFailed", "message", message)));
        }
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("kustomize.toolkit.fluxcd.io/v1")
                .withKind("Kustomization")
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("interval", "10m", "path", "./apps", "prune", true, "suspend", suspend))
                .addToAdditionalProperties("status", status)
                .build();
    }

    void create(String cell, Deployment deployment) {
        client(cell).resource(deployment).create();
    }

    void create(String cell, GenericKubernetesResource kustomization) {
        client(cell).genericKubernetesResources(FluxKustomizationCollector.KUSTOMIZATION)
                .inNamespace(kustomization.getMetadata().getNamespace()).resource(kustomization).create();
    }
}
