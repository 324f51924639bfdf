package dev.cellguard.monitor.resources.kubernetes;

import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.EU_WEST_1;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.US_WEST_2;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Deployment collector against two mock clusters. Each test uses its own deployment names, so
 * the clusters are started once for the class.
 */
class DeploymentCollectorTest {

    private static TwoClusters clusters;
    private static DeploymentCollector collector;

    @BeforeAll
    static void startClusters() {
        clusters = new TwoClusters();
        collector = new DeploymentCollector(clusters, TwoClusters.CLOCK);
    }

    @AfterAll
    static void stopClusters() {
        collector.close();
        clusters.shutdown();
    }

    @Test
    void readyDeploymentsWithTheSameImagesAreReadyInBothCells() {
        for (String cell : TwoClusters.CELLS) {
            clusters.create(cell, deployment("default", "checkout", 3, 3, "shop/checkout:1.4.2", "envoy:1.31"));
        }

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "checkout"));

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(report.drifting()).isFalse();
        Observation observed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "checkout")));
        assertThat(observed).isInstanceOfSatisfying(Observation.Observed.class, o -> assertThat(o.attributes())
                .containsEntry("desiredReplicas", 3L)
                .containsEntry("readyReplicas", 3L)
                .containsEntry("updatedReplicas", 3L)
                .containsEntry("images", List.of("envoy:1.31", "shop/checkout:1.4.2")));
        assertThat(observed.at()).isEqualTo(TwoClusters.CLOCK.instant());
    }

    @Test
    void fewerReadyReplicasInOneClusterMakeOnlyThatCellNotReady() {
        clusters.create(US_WEST_2, deployment("shop", "cart", 4, 4, "shop/cart:2.0.0"));
        clusters.create(EU_WEST_1, deployment("shop", "cart", 4, 1, "shop/cart:2.0.0"));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "cart", "namespace", "shop"));

        assertThat(report.statusByCell())
                .containsEntry(US_WEST_2, ReadinessStatus.READY)
                .containsEntry(EU_WEST_1, ReadinessStatus.NOT_READY);
        assertThat(rule(report, DeploymentCollector.RULE_REPLICAS_READY).messages())
                .containsExactly("eu-west-1: 1 of 4 desired replicas are ready");
    }

    @Test
    void aDeploymentWithNoReadyReplicasReportedCountsZeroReady() {
        clusters.create(US_WEST_2, deployment("default", "search", 2, null, "shop/search:7"));

        Observation observed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "search")));

        assertThat(observed).isInstanceOfSatisfying(Observation.Observed.class,
                o -> assertThat(o.attributes()).containsEntry("readyReplicas", 0L));
    }

    @Test
    void differentImagesMakeEveryCellNotReadyAndReportEachCellsImages() {
        clusters.create(US_WEST_2, deployment("default", "payments", 2, 2, "shop/payments:3.1.0"));
        clusters.create(EU_WEST_1, deployment("default", "payments", 2, 2, "shop/payments:3.0.9"));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "payments"));

        assertThat(report.statusByCell()).containsOnly(
                Map.entry(US_WEST_2, ReadinessStatus.NOT_READY), Map.entry(EU_WEST_1, ReadinessStatus.NOT_READY));
        assertThat(report.drift()).containsExactly(new Difference(DeploymentCollector.RULE_SAME_IMAGES, "images", Map.of(
                US_WEST_2, List.of("shop/payments:3.1.0"),
                EU_WEST_1, List.of("shop/payments:3.0.9"))));
    }

    @Test
    void forbiddenReadIsNotAuthorizedAndNamesTheClusterAndDeployment() {
        clusters.create(US_WEST_2, deployment("secured", "vault", 1, 1, "vault:1.17"));
        clusters.create(EU_WEST_1, deployment("secured", "vault", 1, 1, "vault:1.17"));
        clusters.forbid(EU_WEST_1, "/apis/apps/v1/namespaces/secured/deployments/vault");

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "vault", "namespace", "secured"));

        assertThat(report.statusByCell()).containsEntry(EU_WEST_1, ReadinessStatus.NOT_AUTHORIZED);
        assertThat(report.status()).isEqualTo(ReadinessStatus.NOT_AUTHORIZED);
        Observation failed = collector.collect(TwoClusters.ref(EU_WEST_1, Map.of("name", "vault", "namespace", "secured")));
        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(f.message()).contains("cluster context 'eu-west-1'", "secured/vault", "HTTP 403", "forbidden");
        });
    }

    @Test
    void missingDeploymentIsUnknownBecauseOfAnApiError() {
        clusters.create(US_WEST_2, deployment("default", "orders", 2, 2, "shop/orders:1"));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "orders"));

        assertThat(report.statusByCell()).containsEntry(EU_WEST_1, ReadinessStatus.UNKNOWN);
        assertThat(report.status()).isEqualTo(ReadinessStatus.UNKNOWN);
        Observation failed = collector.collect(TwoClusters.ref(EU_WEST_1, Map.of("name", "orders")));
        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(f.message()).isEqualTo("deployment default/orders in cluster context 'eu-west-1': not found (HTTP 404)");
        });
    }

    @Test
    void theResourcesOwnContextOverridesItsCellsContext() {
        clusters.create(EU_WEST_1, deployment("default", "shared", 5, 5, "shop/shared:1"));

        Observation observed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "shared", "context", EU_WEST_1)));

        assertThat(observed).isInstanceOfSatisfying(Observation.Observed.class,
                o -> assertThat(o.attributes()).containsEntry("desiredReplicas", 5L));
    }

    @Test
    void aContextWithoutAClusterCouldNotRun() {
        Observation failed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "web", "context", "ap-south-1")));

        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
            assertThat(f.message()).contains("cluster context 'ap-south-1'", "default/web", "no client for the cluster");
        });
    }

    @Test
    void aResourceWithoutANameCouldNotRun() {
        Observation failed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("namespace", "shop")));

        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
            assertThat(f.message()).contains("property 'name' is missing");
        });
    }

    @Test
    void aClientThatHangsIsAbandonedShortlyAfterTheRequestTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        KubernetesClients hanging = new KubernetesClients() {
            @Override
            public KubernetesClient forContext(String contextOrNull) {
                try {
                    never.await(); // like a kubeconfig credential plugin that never returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofMillis(200);
            }

            @Override
            public void close() {
            }
        };
        try (DeploymentCollector stuck = new DeploymentCollector(hanging, TwoClusters.CLOCK)) {
            long start = System.nanoTime();
            Observation failed = stuck.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "web")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
                assertThat(f.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(f.message()).contains("cluster context 'us-west-2'", "gave up after 1200 ms");
            });
            assertThat(took).isBetween(Duration.ofMillis(1100), Duration.ofMillis(3000));
        } finally {
            never.countDown();
        }
    }

    @Test
    void aDisabledRuleIsNotApplied() {
        ResourceSetSpec set = new ResourceSetSpec("web", DeploymentCollector.TYPE, Map.of(), Map.of(),
                List.of(DeploymentCollector.RULE_SAME_IMAGES), Duration.ofSeconds(15));

        assertThat(collector.enabledRules(set)).extracting(ReadinessRule::id).containsExactly(DeploymentCollector.RULE_REPLICAS_READY);
    }

    @Test
    void declaresItsPropertiesRulesAndInterval() {
        assertThat(collector.type().name()).isEqualTo("kubernetes-deployment");
        assertThat(collector.type().requiredProperties()).containsExactly("name");
        assertThat(collector.type().optionalProperties()).containsExactlyInAnyOrder("namespace", "context");
        assertThat(collector.type().ruleIds())
                .containsExactlyInAnyOrder("k8s-deployment.each.replicas-ready", "k8s-deployment.all.same-images");
        assertThat(collector.type().defaultInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    static RuleReport rule(ResourceSetReport report, String id) {
        return report.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
