package dev.cellguard.monitor.resources.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.cellguard.monitor.resources.aws.AwsStub.CLOCK;
import static dev.cellguard.monitor.resources.aws.AwsStub.action;
import static dev.cellguard.monitor.resources.aws.AwsStub.awsError;
import static dev.cellguard.monitor.resources.aws.AwsStub.cell;
import static dev.cellguard.monitor.resources.aws.AwsStub.collectAndEvaluate;
import static dev.cellguard.monitor.resources.aws.AwsStub.fixture;
import static dev.cellguard.monitor.resources.aws.AwsStub.ref;
import static dev.cellguard.monitor.resources.aws.AwsStub.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ELBv2 load balancer collector against AWS-shaped answers from a local stub. */
class LoadBalancerCollectorTest extends StubbedCollectorTest<LoadBalancerCollector> {

    private static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final CellSpec IRELAND = cell("eu-west-1", "eu-west-1");
    private static final CellSpec VIRGINIA = cell("us-east-1", "us-east-1");
    private static final String IRELAND_ARN = arn("eu-west-1", "app", "web", "50dc6c495c0c9188");
    private static final String VIRGINIA_ARN = arn("us-east-1", "app", "web", "7d1f3c2b9a8e6d54");

    @Override
    LoadBalancerCollector newCollector(AwsClients clients) {
        return new LoadBalancerCollector(clients, CLOCK);
    }

    @Test
    void readsStateSettingsAndTheTargetGroupsWithoutAHealthyTarget() {
        new Lb(IRELAND_ARN, "eu-west-1", "application")
                .settings(Map.of("routing.http2.enabled", "true", "idle_timeout.timeout_seconds", "60",
                        "deletion_protection.enabled", "true", "load_balancing.cross_zone.enabled", "true"))
                .targetGroup("web-blue", "healthy", "unhealthy")
                .targetGroup("web-green", "unhealthy", "draining")
                .targetGroup("web-canary")
                .stub(null);

        Observation observation = collector.collect(ref("web", IRELAND, "arn", IRELAND_ARN));

        assertThat(observation).isInstanceOfSatisfying(Observation.Observed.class, observed -> assertThat(observed.attributes())
                .containsOnly(
                        entry("state", "active"), entry("scheme", "internet-facing"), entry("type", "application"),
                        entry("ipAddressType", "ipv4"), entry("crossZoneEnabled", true), entry("http2Enabled", true),
                        entry("idleTimeoutSeconds", 60L), entry("deletionProtectionEnabled", true),
                        entry("targetGroupCount", 3L),
                        entry("targetGroupsWithoutHealthyTargets", List.of("web-canary", "web-green"))));
    }

    @Test
    void networkLoadBalancerHasNoHttp2OrIdleTimeout() {
        String arn = arn("eu-west-1", "net", "tcp", "0f9e8d7c6b5a4321");
        new Lb(arn, "eu-west-1", "network")
                .settings(Map.of("deletion_protection.enabled", "false", "load_balancing.cross_zone.enabled", "false"))
                .targetGroup("tcp-443", "healthy")
                .stub(null);

        Observation observation = collector.collect(ref("tcp", IRELAND, "arn", arn));

        assertThat(observation).isInstanceOfSatisfying(Observation.Observed.class, observed -> {
            assertThat(observed.attributes()).doesNotContainKeys("http2Enabled", "idleTimeoutSeconds");
            assertThat(observed.attributes()).contains(entry("type", "network"), entry("crossZoneEnabled", false),
                    entry("deletionProtectionEnabled", false), entry("targetGroupsWithoutHealthyTargets", List.of()));
        });
    }

    @Test
    void identicalLoadBalancersInTwoRegionsAreReady() {
        new Lb(IRELAND_ARN, "eu-west-1", "application").targetGroup("web-blue", "healthy").stub("eu-west-1");
        new Lb(VIRGINIA_ARN, "us-east-1", "application").targetGroup("web-blue", "healthy").stub("us-east-1");

        ResourceSetReport report = collectAndEvaluate(collector, "web", "arn", cells());

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(report.drift()).isEmpty();
    }

    @Test
    void idleTimeoutDriftMakesBothCellsNotReadyAndAnUnhealthyTargetGroupOnlyItsOwn() {
        new Lb(IRELAND_ARN, "eu-west-1", "application").targetGroup("web-blue", "healthy").stub("eu-west-1");
        new Lb(VIRGINIA_ARN, "us-east-1", "application")
                .settings(Map.of("idle_timeout.timeout_seconds", "120"))
                .targetGroup("web-blue", "unhealthy")
                .stub("us-east-1");

        ResourceSetReport report = collectAndEvaluate(collector, "web", "arn", cells());

        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.NOT_READY),
                entry("us-east-1", ReadinessStatus.NOT_READY));
        assertThat(report.drift()).containsExactly(new Difference(LoadBalancerCollector.IDLE_TIMEOUT, "idleTimeoutSeconds",
                Map.of("eu-west-1", 60L, "us-east-1", 120L)));
        RuleReport healthy = report.rules().stream().filter(r -> r.id().equals(LoadBalancerCollector.HEALTHY_TARGETS))
                .findFirst().orElseThrow();
        assertThat(healthy.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.READY),
                entry("us-east-1", ReadinessStatus.NOT_READY));
        assertThat(healthy.messages()).containsExactly("us-east-1: target groups without a healthy target: [web-blue]");
    }

    @Test
    void accessDeniedOnTargetHealthIsNotAuthorizedAndNamesTheCall() {
        new Lb(IRELAND_ARN, "eu-west-1", "application").targetGroup("web-blue", "healthy").stub(null);
        aws.server.stubFor(action("DescribeTargetHealth").atPriority(1).willReturn(awsError(403, NAMESPACE, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/readiness/monitor is not authorized to perform: "
                        + "elasticloadbalancing:DescribeTargetHealth")));

        Observation observation = collector.collect(ref("web", IRELAND, "arn", IRELAND_ARN));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(failed.message()).contains("DescribeTargetHealth", IRELAND_ARN, "AccessDenied");
        });
    }

    @Test
    void unknownLoadBalancerIsAnApiError() {
        aws.server.stubFor(action("DescribeLoadBalancers").willReturn(awsError(400, NAMESPACE, "LoadBalancerNotFound",
                "One or more load balancers not found")));

        Observation observation = collector.collect(ref("web", IRELAND, "arn", IRELAND_ARN));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(failed.message()).contains("DescribeLoadBalancers", IRELAND_ARN, "LoadBalancerNotFound", "HTTP 400");
        });
    }

    @Test
    void slowTargetHealthGivesUpWithinTheTimeoutAsCouldNotRun() {
        new Lb(IRELAND_ARN, "eu-west-1", "application").targetGroup("web-blue", "healthy").stub(null);
        aws.server.stubFor(action("DescribeTargetHealth").atPriority(1)
                .willReturn(xml(fixture("aws/elbv2/describe-target-health.xml", Map.of("targets", ""))).withFixedDelay(3_000)));

        try (LoadBalancerCollector impatient = new LoadBalancerCollector(aws.clients(Duration.ofMillis(500)), CLOCK)) {
            long start = System.nanoTime();
            Observation observation = impatient.collect(ref("web", IRELAND, "arn", IRELAND_ARN));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(failed.message()).contains("DescribeTargetHealth", "500 ms");
            });
            assertThat(took).isLessThan(Duration.ofMillis(1_500));
        }
    }

    @Test
    void theCallsOfOneCollectionShareOneTimeLimit() {
        // each call alone is well within the limit; together they are not
        new Lb(IRELAND_ARN, "eu-west-1", "application").targetGroup("web-blue", "healthy").delay(300).stub(null);

        try (LoadBalancerCollector impatient = new LoadBalancerCollector(aws.clients(Duration.ofMillis(700)), CLOCK)) {
            long start = System.nanoTime();
            Observation observation = impatient.collect(ref("web", IRELAND, "arn", IRELAND_ARN));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class,
                    failed -> assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN));
            assertThat(took).isLessThan(Duration.ofMillis(1_500));
        }
    }

    private static Map<CellSpec, String> cells() {
        Map<CellSpec, String> cells = new LinkedHashMap<>();
        cells.put(IRELAND, IRELAND_ARN);
        cells.put(VIRGINIA, VIRGINIA_ARN);
        return cells;
    }

    private static String arn(String region, String kind, String name, String id) {
        return "arn:aws:elasticloadbalancing:" + region + ":123456789012:loadbalancer/" + kind + "/" + name + "/" + id;
    }

    /** One load balancer's four kinds of answer. */
    private static final class Lb {
        private final String arn;
        private final String region;
        private final String type;
        private final Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "deletion_protection.enabled", "true", "access_logs.s3.enabled", "false"));
        private final Map<String, List<String>> targetGroups = new LinkedHashMap<>();
        private int delayMillis;

        Lb(String arn, String region, String type) {
            this.arn = arn;
            this.region = region;
            this.type = type;
            if (type.equals("application")) {
                settings.putAll(Map.of("routing.http2.enabled", "true", "idle_timeout.timeout_seconds", "60",
                        "load_balancing.cross_zone.enabled", "true"));
            }
        }

        Lb settings(Map<String, String> values) {
            settings.putAll(values);
            return this;
        }

        Lb targetGroup(String name, String... targetStates) {
            targetGroups.put(name, List.of(targetStates));
            return this;
        }

        Lb delay(int millis) {
            delayMillis = millis;
            return this;
        }

        /** Stubs the answers, only to requests signed for the given Region unless it is null. */
        void stub(String signedFor) {
            String name = arn.split("/")[2];
            aws.server.stubFor(request("DescribeLoadBalancers", signedFor)
                    .withFormParam("LoadBalancerArns.member.1", equalTo(arn))
                    .willReturn(xml(fixture("aws/elbv2/describe-load-balancers.xml", Map.of(
                            "arn", arn, "name", name, "region", region, "scheme", "internet-facing", "state", "active",
                            "type", type, "ipAddressType", "ipv4"))).withFixedDelay(delayMillis)));
            String attributes = settings.entrySet().stream()
                    .map(e -> fixture("aws/elbv2/attribute-member.xml", Map.of("key", e.getKey(), "value", e.getValue())))
                    .collect(Collectors.joining());
            aws.server.stubFor(request("DescribeLoadBalancerAttributes", signedFor)
                    .withFormParam("LoadBalancerArn", equalTo(arn))
                    .willReturn(xml(fixture("aws/elbv2/describe-load-balancer-attributes.xml", Map.of("attributes", attributes)))
                            .withFixedDelay(delayMillis)));
            StringBuilder groups = new StringBuilder();
            targetGroups.forEach((group, states) -> {
                String groupArn = "arn:aws:elasticloadbalancing:" + region + ":123456789012:targetgroup/" + group + "/73e2d6bc24d8a067";
                groups.append(fixture("aws/elbv2/target-group-member.xml", Map.of(
                        "targetGroupArn", groupArn, "targetGroupName", group, "loadBalancerArn", arn)));
                StringBuilder targets = new StringBuilder();
                for (int i = 0; i < states.size(); i++) {
                    String state = states.get(i);
                    targets.append(fixture("aws/elbv2/target-health-member.xml", Map.of(
                            "targetId", String.format("i-0%016x", i + 1), "state", state,
                            "reason", state.equals("healthy") ? "" : "\n          <Reason>Target.FailedHealthChecks</Reason>")));
                }
                aws.server.stubFor(request("DescribeTargetHealth", signedFor)
                        .withFormParam("TargetGroupArn", equalTo(groupArn))
                        .willReturn(xml(fixture("aws/elbv2/describe-target-health.xml", Map.of("targets", targets)))
                                .withFixedDelay(delayMillis)));
            });
            aws.server.stubFor(request("DescribeTargetGroups", signedFor)
                    .withFormParam("LoadBalancerArn", equalTo(arn))
                    .willReturn(xml(fixture("aws/elbv2/describe-target-groups.xml", Map.of("targetGroups", groups)))
                            .withFixedDelay(delayMillis)));
        }

        private static MappingBuilder request(String action, String signedFor) {
            return signedFor == null ? action(action) : action(action, signedFor, "elasticloadbalancing");
        }
    }
}
