package dev.cellguard.monitor.resources.kubernetes;

import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.EU_WEST_1;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.US_WEST_2;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client provider, configured from a kubeconfig file whose contexts point at two mock
 * clusters, a server that never answers and a port nobody listens on.
 */
class KubeconfigClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;

    private static TwoClusters clusters;
    /** Accepts connections (the kernel queues them) but never answers: a cluster that hangs. */
    private static ServerSocket silent;
    private static int refusingPort;
    private static Path kubeconfig;

    @BeforeAll
    static void writeKubeconfig() throws IOException {
        clusters = new TwoClusters();
        clusters.create(US_WEST_2, deployment("default", "web", 2, 2, "shop/web:1"));
        clusters.create(EU_WEST_1, deployment("default", "web", 3, 3, "shop/web:1"));
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            refusingPort = closed.getLocalPort();
        }
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: us-west-2
                clusters:
                  - name: us-west-2
                    cluster: { server: "%s" }
                  - name: eu-west-1
                    cluster: { server: "%s" }
                  - name: silent
                    cluster: { server: "http://127.0.0.1:%d" }
                  - name: refusing
                    cluster: { server: "http://127.0.0.1:%d" }
                contexts:
                  - name: us-west-2
                    context: { cluster: us-west-2, user: monitor }
                  - name: eu-west-1
                    context: { cluster: eu-west-1, user: monitor }
                  - name: silent
                    context: { cluster: silent, user: monitor }
                  - name: refusing
                    context: { cluster: refusing, user: monitor }
                users:
                  - name: monitor
                    user: { token: readiness-monitor-token }
                """.formatted(serverUrl(US_WEST_2), serverUrl(EU_WEST_1), silent.getLocalPort(), refusingPort));
    }

    @AfterAll
    static void stop() throws IOException {
        silent.close();
        clusters.shutdown();
    }

    @Test
    void readsEachCellFromTheClusterOfItsKubeconfigContext() {
        try (ResourceCollector deployments = deploymentCollector(new KubeconfigClients(TIMEOUT, kubeconfig))) {
            assertThat(desiredReplicas(deployments.collect(ref(US_WEST_2, US_WEST_2)))).isEqualTo(2L);
            assertThat(desiredReplicas(deployments.collect(ref(EU_WEST_1, EU_WEST_1)))).isEqualTo(3L);
        }
    }

    @Test
    void aCellWithoutContextReadsTheKubeconfigsCurrentContext() {
        try (ResourceCollector deployments = deploymentCollector(new KubeconfigClients(TIMEOUT, kubeconfig))) {
            assertThat(desiredReplicas(deployments.collect(ref(EU_WEST_1, null)))).isEqualTo(2L);
        }
    }

    @Test
    void aContextTheKubeconfigDoesNotDefineCouldNotRunInsteadOfReadingTheCurrentContext() {
        try (ResourceCollector deployments = deploymentCollector(new KubeconfigClients(TIMEOUT, kubeconfig))) {
            Observation failed = deployments.collect(ref(US_WEST_2, "eks-us-west-2"));

            assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
                assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(f.message()).contains("cluster context 'eks-us-west-2'", "default/web",
                        "has no context 'eks-us-west-2'", "known contexts: [eu-west-1, refusing, silent, us-west-2]");
            });
        }
    }

    @Test
    void aClusterThatNeverAnswersCouldNotRunWithinAboutTheTimeout() {
        try (ResourceCollector deployments = deploymentCollector(new KubeconfigClients(TIMEOUT, kubeconfig))) {
            long start = System.nanoTime();
            Observation failed = deployments.collect(ref(US_WEST_2, "silent"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
                assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(f.message()).contains("cluster context 'silent'", "default/web");
                // Usually the client's own timeout; on a cold, busy JVM making the client can push the
                // read past the collector's deadline instead. Both are "could not run" in about the timeout.
                assertThat(f.message()).containsAnyOf("timeout period of 1000ms has been exceeded", "gave up after 2000 ms");
            });
            assertThat(took).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plus(ClusterReader.DEADLINE_MARGIN).plusMillis(500));
        }
    }

    @Test
    void aRefusedConnectionCouldNotRunWithoutRetrying() {
        try (ResourceCollector deployments = deploymentCollector(new KubeconfigClients(TIMEOUT, kubeconfig))) {
            long start = System.nanoTime();
            Observation failed = deployments.collect(ref(US_WEST_2, "refusing"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
                assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(f.message()).contains("cluster context 'refusing'", "Connection refused");
            });
            // With fabric8's default retries (10, backing off from 100 ms) the collector's deadline would
            // cut in and the message would say "gave up after"; without them the refusal comes back at once.
            assertThat(took).isLessThan(TIMEOUT.plus(ClusterReader.DEADLINE_MARGIN));
        }
    }

    @Test
    void keepsOneClientPerContextUntilClosed() {
        KubeconfigClients clients = new KubeconfigClients(TIMEOUT, kubeconfig);
        KubernetesClient west = clients.forContext(US_WEST_2);

        assertThat(clients.forContext(US_WEST_2)).isSameAs(west);
        assertThat(clients.forContext(EU_WEST_1)).isNotSameAs(west);
        assertThat(clients.forContext(EU_WEST_1).getConfiguration().getRequestTimeout()).isEqualTo(1000);
        assertThat(clients.forContext(EU_WEST_1).getConfiguration().getRequestRetryBackoffLimit()).isZero();

        clients.close();
        assertThatThrownBy(() -> clients.forContext(US_WEST_2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultsToAFiveSecondRequestTimeoutAndRejectsANonPositiveOne() {
        try (KubeconfigClients clients = new KubeconfigClients()) {
            assertThat(clients.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        }
        assertThatThrownBy(() -> new KubeconfigClients(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ResourceCollector deploymentCollector(KubernetesClients clients) {
        List<ResourceCollector> collectors = KubernetesCollectors.create(clients, TwoClusters.CLOCK);
        // The Flux collector is not used here; closing it leaves the deployment collector the last holder.
        collectors.stream().filter(c -> !c.type().name().equals(DeploymentCollector.TYPE)).forEach(ResourceCollector::close);
        return collectors.stream().filter(c -> c.type().name().equals(DeploymentCollector.TYPE)).findFirst().orElseThrow();
    }

    private static ResourceRef ref(String cell, String kubernetesContext) {
        return new ResourceRef("shop", "web", new CellSpec(cell, cell, kubernetesContext, List.of()), Map.of("name", "web"),
                Map.of());
    }

    private static Object desiredReplicas(Observation observation) {
        assertThat(observation).isInstanceOf(Observation.Observed.class);
        return ((Observation.Observed) observation).get("desiredReplicas");
    }

    private static String serverUrl(String cell) {
        return "http://" + clusters.server(cell).getHostName() + ":" + clusters.server(cell).getPort();
    }
}
