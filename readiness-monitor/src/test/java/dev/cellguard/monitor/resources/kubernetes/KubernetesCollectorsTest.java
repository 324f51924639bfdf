package dev.cellguard.monitor.resources.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.resources.ResourceCollector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesCollectorsTest {

    /** Counts closes; never asked for a client in these tests. */
    private static final class CountingClients implements KubernetesClients {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public KubernetesClient forContext(String contextOrNull) {
            throw new IllegalStateException("no cluster in this test");
        }

        @Override
        public Duration requestTimeout() {
            return Duration.ofMillis(500);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void createsTheDeploymentAndFluxKustomizationCollectors() {
        List<ResourceCollector> collectors = KubernetesCollectors.create(new CountingClients(), TwoClusters.CLOCK);

        assertThat(collectors).extracting(c -> c.type().name()).containsExactly("kubernetes-deployment", "flux-kustomization");
        collectors.forEach(ResourceCollector::close);
    }

    @Test
    void typesAreKnownWithoutMakingClients() {
        assertThat(KubernetesCollectors.types()).extracting(ResourceType::name)
                .containsExactly("kubernetes-deployment", "flux-kustomization");
    }

    static Stream<Arguments> badResources() {
        return Stream.of(
                Arguments.of(Map.of("namespace", "shop"), "resources.eu-west-1.name: missing"),
                Arguments.of(Map.of("name", "Checkout"), "resources.eu-west-1.name: 'Checkout' is not a Kubernetes object name"),
                Arguments.of(Map.of("name", "checkout", "namespace", "shop.prod"),
                        "resources.eu-west-1.namespace: 'shop.prod' is not a Kubernetes namespace name"),
                Arguments.of(Map.of("name", "checkout", "context", " "), "resources.eu-west-1.context: empty"));
    }

    @ParameterizedTest
    @MethodSource("badResources")
    void aBadResourceInTheModelStopsStartUpNamingTheField(Map<String, String> properties, String expected) {
        for (ResourceCollector collector : KubernetesCollectors.create(new CountingClients(), TwoClusters.CLOCK)) {
            ResourceSetSpec set = set(collector, Map.of("us-west-2", Map.of("name", "checkout.v2", "namespace", "shop-prod"),
                    "eu-west-1", properties));

            assertThatThrownBy(() -> collector.validate(set))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(expected);
            collector.close();
        }
    }

    @Test
    void validResourcesPassValidation() {
        for (ResourceCollector collector : KubernetesCollectors.create(new CountingClients(), TwoClusters.CLOCK)) {
            ResourceSetSpec set = set(collector, Map.of("us-west-2", Map.of("name", "checkout", "context", "eks-us-west-2"),
                    "eu-west-1", Map.of("name", "checkout", "namespace", "shop-prod")));

            assertThatCode(() -> collector.validate(set)).doesNotThrowAnyException();
            collector.close();
        }
    }

    private static ResourceSetSpec set(ResourceCollector collector, Map<String, Map<String, String>> resources) {
        return new ResourceSetSpec("checkout", collector.type().name(), Map.of(), resources, List.of(), Duration.ofSeconds(15));
    }

    @Test
    void theSharedClientsCloseOnceWhenTheLastCollectorCloses() {
        CountingClients clients = new CountingClients();
        List<ResourceCollector> collectors = KubernetesCollectors.create(clients, TwoClusters.CLOCK);

        collectors.get(0).close();
        collectors.get(0).close();
        assertThat(clients.closes).hasValue(0);

        collectors.get(1).close();
        assertThat(clients.closes).hasValue(1);
    }

    @Test
    void aClosedCollectorCouldNotRunInsteadOfThrowing() {
        List<ResourceCollector> collectors = KubernetesCollectors.create(new CountingClients(), TwoClusters.CLOCK);
        collectors.forEach(ResourceCollector::close);

        for (ResourceCollector collector : collectors) {
            Observation observation = collector.collect(TwoClusters.ref(TwoClusters.US_WEST_2, Map.of("name", "web")));
            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class,
                    f -> assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN));
        }
    }
}
