package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.Flux;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.StrictKubernetes;
import dev.cellguard.deploy.support.Yamls;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders with kubectl kustomize, every object parses strictly into the fabric8 model,
 * and every service is deployed hardened, with its identity, disruption budget and network policy.
 */
class KustomizeOverlaysTest {

    static Stream<String> clusters() {
        return Overlays.clusters().stream();
    }

    @Test
    void eachClusterHasAnOverlayAndAFluxDirectory() {
        assertThat(Overlays.clusters()).isNotEmpty().containsExactlyInAnyOrderElementsOf(Flux.clusters());
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyObjectOfTheOverlayParsesStrictlyAndEveryServiceIsDeployed(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);

        assertThat(deployed.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as("%s %s", o.getKind(), o.getMetadata().getName()).isEqualTo("cellguard"));
        for (CellguardService service : CellguardService.values()) {
            assertThat(deployed.deploymentsOf(service)).as(service.id()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void noSecretIsKeptInGit(String cluster) {
        assertThat(Overlays.deployed(cluster).all(Secret.class)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyDeploymentIsHardened(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployed.all(Deployment.class)) {
            problems.addAll(hardeningProblems(deployment, cluster));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyDeploymentRunsAsItsOwnServiceAccountWithAnIamRole(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment deployment : deployed.all(Deployment.class)) {
            ServiceAccount account = deployed.serviceAccount(deployment);
            assertThat(account.getMetadata().getAnnotations())
                    .as("IRSA annotation of %s", account.getMetadata().getName())
                    .hasEntrySatisfying(Deployed.ROLE_ANNOTATION, arn -> assertThat(arn)
                            .matches("arn:aws:iam::" + SampleAccount.ACCOUNT_ID + ":role/[A-Za-z0-9+=,.@_-]+"));
            assertThat(account.getAutomountServiceAccountToken()).as(account.getMetadata().getName()).isFalse();
        }
        assertThat(deployed.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec().getServiceAccountName()))
                .as("one service account per Deployment").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyDeploymentHasADisruptionBudgetThatNeverBlocksADrainForGood(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment deployment : deployed.all(Deployment.class)) {
            List<PodDisruptionBudget> budgets = deployed.all(PodDisruptionBudget.class).stream()
                    .filter(b -> selects(b.getSpec().getSelector(), deployment))
                    .toList();
            assertThat(budgets).as("budgets of %s", deployment.getMetadata().getName()).hasSize(1);
            PodDisruptionBudget budget = budgets.get(0);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .as("selector of %s", budget.getMetadata().getName())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            int replicas = deployment.getSpec().getReplicas();
            if (budget.getSpec().getMinAvailable() != null) {
                assertThat(budget.getSpec().getMinAvailable().getIntVal()).as(budget.getMetadata().getName()).isLessThan(replicas);
            } else {
                assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(budget.getMetadata().getName()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyDeploymentHasANetworkPolicyThatLimitsBothDirections(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment deployment : deployed.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            List<NetworkPolicy> policies = deployed.all(NetworkPolicy.class).stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), deployment))
                    .toList();
            assertThat(policies).as("network policies of %s", name).hasSize(1);
            NetworkPolicy policy = policies.get(0);
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).as(name)
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(policy.getSpec().getPolicyTypes()).as(name).containsExactlyInAnyOrder("Ingress", "Egress");

            List<NetworkPolicyPort> ingressPorts = policy.getSpec().getIngress().stream()
                    .flatMap(r -> r.getPorts().stream()).toList();
            assertThat(ingressPorts).as("ingress of %s", name).isNotEmpty()
                    .allSatisfy(p -> assertThat(portNumber(Deployed.container(deployment), p.getPort())).isEqualTo(
                            Deployed.service(deployment).containerPort()));

            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            assertThat(egress.stream().flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()))
                    .as("egress of %s: DNS and HTTPS (AWS APIs, STS for IRSA)", name).contains(53, 443);
            for (NetworkPolicyEgressRule rule : egress) {
                assertThat(rule.getPorts()).as("every egress rule of %s names its ports", name).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() != null && peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
                        assertThat(peer.getIpBlock().getExcept()).as("%s keeps pods off the node's instance metadata", name)
                                .contains("169.254.169.254/32");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyServiceObjectReachesItsDeploymentOnTheHttpPort(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        for (Deployment deployment : deployed.all(Deployment.class)) {
            List<Service> services = deployed.all(Service.class).stream()
                    .filter(s -> s.getSpec().getSelector().equals(deployment.getSpec().getSelector().getMatchLabels()))
                    .toList();
            assertThat(services).as("Service of %s", deployment.getMetadata().getName()).hasSize(1);
            assertThat(services.get(0).getSpec().getPorts()).singleElement().satisfies(port -> assertThat(
                    portNumber(Deployed.container(deployment), port.getTargetPort()))
                    .isEqualTo(Deployed.service(deployment).containerPort()));
        }
    }

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityStandardAndIsNeverPruned() {
        List<Object> documents = Yamls.loadAll(Overlays.render(Overlays.NAMESPACE));
        assertThat(documents).hasSize(1);
        @SuppressWarnings("unchecked")
        Namespace namespace = (Namespace) StrictKubernetes.parse((Map<String, Object>) documents.get(0), Overlays.NAMESPACE);
        assertThat(namespace.getMetadata().getName()).isEqualTo("cellguard");
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry("kustomize.toolkit.fluxcd.io/prune", "disabled");
    }

    /** What keeps the Deployment from meeting the hardening cellguard promises; empty when nothing does. */
    static List<String> hardeningProblems(Deployment deployment, String cluster) {
        String name = deployment.getMetadata().getName();
        CellguardService service = Deployed.service(deployment);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        List<String> problems = new ArrayList<>();
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(name + ": automountServiceAccountToken must be false (IRSA mounts its own token)");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add(name + ": shares a host namespace");
        }
        for (Container container : pod.getContainers()) {
            String where = name + "/" + container.getName();
            SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
            Boolean runAsNonRoot = first(context.getRunAsNonRoot(), podContext.getRunAsNonRoot());
            Long runAsUser = first(context.getRunAsUser(), podContext.getRunAsUser());
            String seccomp = first(
                    context.getSeccompProfile() == null ? null : context.getSeccompProfile().getType(),
                    podContext.getSeccompProfile() == null ? null : podContext.getSeccompProfile().getType());
            if (!Boolean.TRUE.equals(runAsNonRoot)) {
                problems.add(where + ": runAsNonRoot must be true");
            }
            if (!Objects.equals(runAsUser, service.imageUser())) {
                problems.add(where + ": runAsUser must be the image's user " + service.imageUser() + ", is " + runAsUser);
            }
            if (!"RuntimeDefault".equals(seccomp)) {
                problems.add(where + ": seccomp profile must be RuntimeDefault, is " + seccomp);
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                problems.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                problems.add(where + ": privileged");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                problems.add(where + ": readOnlyRootFilesystem must be true");
            }
            if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    || !context.getCapabilities().getDrop().contains("ALL")) {
                problems.add(where + ": capabilities must drop ALL");
            } else if (context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty()) {
                problems.add(where + ": adds capabilities " + context.getCapabilities().getAdd());
            }
            problems.addAll(probeProblems(where, service, container));
            problems.addAll(resourceProblems(where, container.getResources()));
            boolean tmpIsEmptyDir = container.getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/tmp"))
                    .map(m -> pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())).findFirst())
                    .flatMap(Optional::stream)
                    .map(Volume::getEmptyDir)
                    .anyMatch(Objects::nonNull);
            if (!tmpIsEmptyDir) {
                problems.add(where + ": /tmp must be a writable emptyDir (the root filesystem is read-only)");
            }
            String image = "%s.dkr.ecr.%s.amazonaws.com/cellguard/%s:".formatted(SampleAccount.ACCOUNT_ID, cluster, service.id());
            if (!container.getImage().startsWith(image) || container.getImage().endsWith(":latest")) {
                problems.add(where + ": image must be " + image + "<version> (this Region's registry, a fixed tag), is "
                        + container.getImage());
            }
        }
        return problems;
    }

    private static List<String> probeProblems(String where, CellguardService service, Container container) {
        List<String> problems = new ArrayList<>();
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startup", container.getStartupProbe());
        probes.put("liveness", container.getLivenessProbe());
        probes.put("readiness", container.getReadinessProbe());
        probes.forEach((kind, probe) -> {
            HTTPGetAction get = probe == null ? null : probe.getHttpGet();
            if (get == null) {
                problems.add(where + ": no HTTP " + kind + " probe");
                return;
            }
            if (!get.getPath().equals(service.healthPaths().get(kind))) {
                problems.add(where + ": " + kind + " probe on " + get.getPath() + ", the service answers on "
                        + service.healthPaths().get(kind));
            }
            Integer port = portNumber(container, get.getPort());
            if (!Objects.equals(port, service.containerPort())) {
                problems.add(where + ": " + kind + " probe on port " + get.getPort() + ", the image listens on "
                        + service.containerPort());
            }
        });
        return problems;
    }

    private static List<String> resourceProblems(String where, ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        if (resources == null || resources.getRequests() == null || resources.getLimits() == null) {
            return List.of(where + ": needs resource requests and limits");
        }
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            if (request == null || limit == null) {
                problems.add(where + ": needs a " + resource + " request and limit");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                problems.add(where + ": " + resource + " request above its limit");
            }
        }
        return problems;
    }

    /** A port given by name or number, as the container's port number (null when it names no port of it). */
    static Integer portNumber(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static boolean selects(LabelSelector selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
