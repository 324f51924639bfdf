package dev.cellguard.monitor.resources.kubernetes;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_AUTHORIZED;
import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetEvaluator;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of both Kubernetes types on hand-made observations of two cells, judged as the monitor
 * judges a resource set. Each row: what the cells look like, each cell's expected status, and a
 * message or drift field the report must contain (or null).
 */
class KubernetesRulesTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final String A = "sha1:aaaaaaa";
    private static final String B = "sha1:bbbbbbb";

    static Stream<Arguments> deployments() {
        return Stream.of(
                row("every replica ready, same images",
                        deployment(3, 3, "web:1", "envoy:1"), deployment(3, 3, "web:1", "envoy:1"), READY, READY, null),
                row("images listed in another order are the same images",
                        deployment(2, 2, "web:1", "envoy:1"), deployment(2, 2, "envoy:1", "web:1"), READY, READY, null),
                row("one cell short of ready replicas",
                        deployment(3, 3, "web:1"), deployment(3, 2, "web:1"), READY, NOT_READY,
                        "eu-west-1: 2 of 3 desired replicas are ready"),
                row("a deployment scaled to zero cannot take traffic",
                        deployment(3, 3, "web:1"), deployment(0, 0, "web:1"), READY, NOT_READY,
                        "eu-west-1: scaled to 0 replicas: no pod can take traffic"),
                row("more ready than desired has not settled",
                        deployment(2, 3, "web:1"), deployment(2, 2, "web:1"), NOT_READY, READY,
                        "us-west-2: 3 replicas are ready but 2 are desired: the deployment has not settled"),
                row("different images are drift in every cell",
                        deployment(2, 2, "web:1"), deployment(2, 2, "web:2"), NOT_READY, NOT_READY,
                        "images differs between cells: {eu-west-1=[web:2], us-west-2=[web:1]}"),
                row("a cell that could not be read leaves the comparison unknown",
                        deployment(2, 2, "web:1"), failed(Observation.Failure.API_ERROR), UNKNOWN, UNKNOWN,
                        "cannot compare cells while a resource is unread"),
                row("a cell we may not read is not authorized",
                        deployment(2, 2, "web:1"), failed(Observation.Failure.NOT_AUTHORIZED), UNKNOWN, NOT_AUTHORIZED,
                        "eu-west-1: NOT_AUTHORIZED"));
    }

    static Stream<Arguments> kustomizations() {
        return Stream.of(
                row("ready at the same revision",
                        kustomization("True", A, false), kustomization("True", A, false), READY, READY, null),
                row("a different applied revision is drift in every cell",
                        kustomization("True", A, false), kustomization("True", B, false), NOT_READY, NOT_READY,
                        "lastAppliedRevision differs between cells: {eu-west-1=sha1:bbbbbbb, us-west-2=sha1:aaaaaaa}"),
                row("Ready False",
                        kustomization("True", A, false), kustomization("False", A, false), READY, NOT_READY,
                        "eu-west-1: Ready is False: health check failed"),
                row("Ready Unknown while reconciling",
                        kustomization("Unknown", A, false), kustomization("True", A, false), NOT_READY, READY,
                        "us-west-2: Ready is Unknown: health check failed"),
                row("suspended is informational",
                        kustomization("True", A, true), kustomization("True", A, false), READY, READY,
                        "us-west-2: reconciliation is suspended"),
                row("nothing applied yet in one cell is drift",
                        kustomization("True", A, false), kustomization("False", "", false), NOT_READY, NOT_READY,
                        "lastAppliedRevision differs between cells"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentRules(String situation, Observation west, Observation east, ReadinessStatus westStatus,
            ReadinessStatus eastStatus, String expectedMessage) {
        assertJudged(DeploymentCollector.RULES, west, east, westStatus, eastStatus, expectedMessage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void fluxKustomizationRules(String situation, Observation west, Observation east, ReadinessStatus westStatus,
            ReadinessStatus eastStatus, String expectedMessage) {
        assertJudged(FluxKustomizationCollector.RULES, west, east, westStatus, eastStatus, expectedMessage);
    }

    private static void assertJudged(List<ReadinessRule> rules, Observation west, Observation east,
            ReadinessStatus westStatus, ReadinessStatus eastStatus, String expectedMessage) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        observations.put(TwoClusters.US_WEST_2, west);
        observations.put(TwoClusters.EU_WEST_1, east);

        ResourceSetReport report = ResourceSetEvaluator.evaluate("set", "type", rules, observations, AT);

        assertThat(report.statusByCell()).containsOnly(
                Map.entry(TwoClusters.US_WEST_2, westStatus), Map.entry(TwoClusters.EU_WEST_1, eastStatus));
        if (expectedMessage != null) {
            assertThat(report.rules()).flatExtracting(r -> r.messages())
                    .anySatisfy(message -> assertThat(message).contains(expectedMessage));
        }
    }

    private static Arguments row(String situation, Observation west, Observation east, ReadinessStatus westStatus,
            ReadinessStatus eastStatus, String expectedMessage) {
        return Arguments.of(situation, west, east, westStatus, eastStatus, expectedMessage);
    }

    private static Observation deployment(long desired, long ready, String... images) {
        return new Observation.Observed(Map.of("desiredReplicas", desired, "readyReplicas", ready, "updatedReplicas", desired,
                "images", List.of(images)), AT);
    }

    private static Observation kustomization(String ready, String revision, boolean suspended) {
        String message = ready.equals("True") ? "Applied" : "health check failed";
        return new Observation.Observed(Map.of("ready", ready, "readyMessage", message,
                "lastAppliedRevision", revision, "suspended", suspended), AT);
    }

    private static Observation failed(Observation.Failure failure) {
        return new Observation.Failed(failure, "cluster context 'eu-west-1': " + failure, AT);
    }
}
