package dev.cellguard.monitor.resources.kubernetes;

import static dev.cellguard.monitor.resources.kubernetes.DeploymentCollectorTest.rule;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.EU_WEST_1;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.US_WEST_2;
import static dev.cellguard.monitor.resources.kubernetes.TwoClusters.kustomization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flux Kustomization collector against two mock clusters synced from one Git repository.
 * Each test uses its own Kustomization names, so the clusters are started once for the class.
 */
class FluxKustomizationCollectorTest {

    private static final String REVISION = "main@sha1:4f8c2d1e9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d";
    private static final String PREVIOUS = "main@sha1:0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private static final String APPLIED = "Applied revision: " + REVISION;

    private static TwoClusters clusters;
    private static FluxKustomizationCollector collector;

    @BeforeAll
    static void startClusters() {
        clusters = new TwoClusters();
        collector = new FluxKustomizationCollector(clusters, TwoClusters.CLOCK);
    }

    @AfterAll
    static void stopClusters() {
        collector.close();
        clusters.shutdown();
    }

    @Test
    void readyKustomizationsAtTheSameRevisionAreReady() {
        for (String cell : TwoClusters.CELLS) {
            clusters.create(cell, kustomization("flux-system", "apps", "True", APPLIED, REVISION, false));
        }

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "apps"));

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(report.drifting()).isFalse();
        Observation observed = collector.collect(TwoClusters.ref(EU_WEST_1, Map.of("name", "apps")));
        assertThat(observed).isInstanceOfSatisfying(Observation.Observed.class, o -> assertThat(o.attributes())
                .containsEntry("ready", "True")
                .containsEntry("readyMessage", APPLIED)
                .containsEntry("lastAppliedRevision", REVISION)
                .containsEntry("suspended", false));
    }

    @Test
    void aDifferentAppliedRevisionInOneClusterIsDriftWithBothRevisions() {
        clusters.create(US_WEST_2, kustomization("flux-system", "infra", "True", APPLIED, REVISION, false));
        clusters.create(EU_WEST_1, kustomization("flux-system", "infra", "True", "Applied revision: " + PREVIOUS,
                PREVIOUS, false));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "infra"));

        assertThat(report.statusByCell()).containsOnly(
                Map.entry(US_WEST_2, ReadinessStatus.NOT_READY), Map.entry(EU_WEST_1, ReadinessStatus.NOT_READY));
        assertThat(report.driftRuleIds()).containsExactly(FluxKustomizationCollector.RULE_SAME_REVISION);
        assertThat(report.drift()).containsExactly(new Difference(FluxKustomizationCollector.RULE_SAME_REVISION,
                "lastAppliedRevision", Map.of(US_WEST_2, REVISION, EU_WEST_1, PREVIOUS)));
    }

    @Test
    void readyFalseMakesThatCellNotReadyWithFluxsMessage() {
        String failure = "kustomize build failed: accumulating resources: 'apps/payments' must resolve to a file";
        clusters.create(US_WEST_2, kustomization("flux-system", "tenants", "True", APPLIED, REVISION, false));
        clusters.create(EU_WEST_1, kustomization("flux-system", "tenants", "False", failure, REVISION, false));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "tenants"));

        assertThat(report.statusByCell())
                .containsEntry(US_WEST_2, ReadinessStatus.READY)
                .containsEntry(EU_WEST_1, ReadinessStatus.NOT_READY);
        assertThat(rule(report, FluxKustomizationCollector.RULE_READY).messages())
                .containsExactly("eu-west-1: Ready is False: " + failure);
    }

    @Test
    void aKustomizationWithoutStatusYetIsNotReady() {
        for (String cell : TwoClusters.CELLS) {
            clusters.create(cell, kustomization("flux-system", "fresh", null, null, null, false));
        }

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "fresh"));

        assertThat(report.status()).isEqualTo(ReadinessStatus.NOT_READY);
        assertThat(rule(report, FluxKustomizationCollector.RULE_READY).messages())
                .containsExactlyInAnyOrder("us-west-2: Ready is Unknown", "eu-west-1: Ready is Unknown");
    }

    @Test
    void aSuspendedKustomizationIsReportedWithoutAffectingReadiness() {
        clusters.create(US_WEST_2, kustomization("flux-system", "frozen", "True", "Applied", REVISION, false));
        clusters.create(EU_WEST_1, kustomization("flux-system", "frozen", "True", "Applied", REVISION, true));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "frozen"));

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        RuleReport suspended = rule(report, FluxKustomizationCollector.RULE_NOT_SUSPENDED);
        assertThat(suspended.affectsReadiness()).isFalse();
        assertThat(suspended.statusByCell()).containsEntry(EU_WEST_1, ReadinessStatus.NOT_READY);
        assertThat(suspended.messages()).singleElement().asString().startsWith("eu-west-1: reconciliation is suspended");
    }

    @Test
    void forbiddenReadIsNotAuthorized() {
        clusters.forbid(US_WEST_2, "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/locked");

        Observation failed = collector.collect(TwoClusters.ref(US_WEST_2, Map.of("name", "locked")));

        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(f.message()).contains("cluster context 'us-west-2'", "flux-system/locked", "HTTP 403");
        });
    }

    @Test
    void missingKustomizationIsUnknownBecauseOfAnApiError() {
        clusters.create(US_WEST_2, kustomization("gitops", "apps", "True", "Applied", REVISION, false));

        ResourceSetReport report = TwoClusters.check(collector, Map.of("name", "apps", "namespace", "gitops"));

        assertThat(report.statusByCell()).containsEntry(EU_WEST_1, ReadinessStatus.UNKNOWN);
        Observation failed = collector.collect(TwoClusters.ref(EU_WEST_1, Map.of("name", "apps", "namespace", "gitops")));
        assertThat(failed).isInstanceOfSatisfying(Observation.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(f.message())
                    .isEqualTo("Flux Kustomization gitops/apps in cluster context 'eu-west-1': not found (HTTP 404)");
        });
    }

    @Test
    void declaresItsPropertiesRulesAndInterval() {
        assertThat(collector.type().name()).isEqualTo("flux-kustomization");
        assertThat(collector.type().requiredProperties()).containsExactly("name");
        assertThat(collector.type().optionalProperties()).containsExactlyInAnyOrder("namespace", "context");
        assertThat(collector.type().ruleIds()).containsExactlyInAnyOrder("flux-kustomization.each.ready",
                "flux-kustomization.all.same-revision", "flux-kustomization.each.not-suspended");
        assertThat(collector.type().defaultInterval()).isEqualTo(Duration.ofSeconds(15));
    }
}
