package dev.cellguard.monitor.resources.aws;

import static dev.cellguard.monitor.resources.aws.AwsStub.CLOCK;
import static dev.cellguard.monitor.resources.aws.AwsStub.NOW;
import static dev.cellguard.monitor.resources.aws.AwsStub.action;
import static dev.cellguard.monitor.resources.aws.AwsStub.awsError;
import static dev.cellguard.monitor.resources.aws.AwsStub.cell;
import static dev.cellguard.monitor.resources.aws.AwsStub.collectAndEvaluate;
import static dev.cellguard.monitor.resources.aws.AwsStub.fixture;
import static dev.cellguard.monitor.resources.aws.AwsStub.ref;
import static dev.cellguard.monitor.resources.aws.AwsStub.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** The Auto Scaling group collector against AWS-shaped answers from a local stub. */
class AutoScalingGroupCollectorTest extends StubbedCollectorTest<AutoScalingGroupCollector> {

    private static final String NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private static final CellSpec IRELAND = cell("eu-west-1", "eu-west-1");
    private static final CellSpec VIRGINIA = cell("us-east-1", "us-east-1");

    @Override
    AutoScalingGroupCollector newCollector(AwsClients clients) {
        return new AutoScalingGroupCollector(clients, CLOCK);
    }

    @Test
    void readsSizesZonesInstanceTypesAndInServiceNormalizedCapacity() {
        aws.server.stubFor(action("DescribeAutoScalingGroups")
                .withFormParam("AutoScalingGroupNames.member.1", equalTo("web"))
                .willReturn(xml(group("web", "eu-west-1", 2, 6, 3, 3,
                        List.of(new Vm("m5.large", "InService"), new Vm("m5.xlarge", "InService"), new Vm("m5.2xlarge", "Pending")),
                        List.of("m5.large", "m5.xlarge", "m5.2xlarge", "m6i.large")))));

        Observation observation = collector.collect(ref("web", IRELAND, "name", "web"));

        assertThat(observation).isInstanceOf(Observation.Observed.class);
        assertThat(((Observation.Observed) observation).attributes()).containsOnly(
                entry("minSize", 2L), entry("maxSize", 6L), entry("desiredCapacity", 3L),
                entry("availabilityZoneCount", 3L),
                entry("instanceTypes", List.of("m5.2xlarge", "m5.large", "m5.xlarge", "m6i.large")),
                entry("inServiceCount", 2L),
                // large 4 + xlarge 8; the Pending 2xlarge does not count yet
                entry("normalizedCapacity", 12.0));
        assertThat(observation.at()).isEqualTo(NOW);
    }

    @Test
    void identicalGroupsInTwoRegionsAreReady() {
        stubGroupIn("eu-west-1", "web-euw1", 2, 6);
        stubGroupIn("us-east-1", "web-use1", 2, 6);

        ResourceSetReport report = collectAndEvaluate(collector, "web", "name", cells("web-euw1", "web-use1"));

        assertThat(report.status()).isEqualTo(ReadinessStatus.READY);
        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.READY),
                entry("us-east-1", ReadinessStatus.READY));
        assertThat(report.drift()).isEmpty();
    }

    @Test
    void maxSizeChangedInOneRegionMakesEveryCellNotReadyAndReportsEachCellsValue() {
        stubGroupIn("eu-west-1", "web-euw1", 2, 6);
        stubGroupIn("us-east-1", "web-use1", 2, 4);

        ResourceSetReport report = collectAndEvaluate(collector, "web", "name", cells("web-euw1", "web-use1"));

        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.NOT_READY),
                entry("us-east-1", ReadinessStatus.NOT_READY));
        assertThat(report.drift()).containsExactly(new Difference(AutoScalingGroupCollector.MIN_MAX_SIZE, "maxSize",
                Map.of("eu-west-1", 6L, "us-east-1", 4L)));
    }

    @Test
    void accessDeniedIsNotAuthorizedAndSaysWhatWasDenied() {
        aws.server.stubFor(action("DescribeAutoScalingGroups").willReturn(awsError(403, NAMESPACE, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/readiness/monitor is not authorized to perform: "
                        + "autoscaling:DescribeAutoScalingGroups")));

        Observation observation = collector.collect(ref("web", IRELAND, "name", "web"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.NOT_AUTHORIZED);
            assertThat(failed.message()).contains("DescribeAutoScalingGroups", "'web'", "eu-west-1", "AccessDenied", "HTTP 403");
            assertThat(failed.at()).isEqualTo(NOW);
        });
    }

    @Test
    void validationErrorIsAnApiErrorAndLeavesTheCellUnknown() {
        aws.server.stubFor(action("DescribeAutoScalingGroups").willReturn(awsError(400, NAMESPACE, "ValidationError",
                "1 validation error detected: Value at 'autoScalingGroupNames.1' failed to satisfy constraint")));
        stubGroupIn("us-east-1", "web-use1", 2, 6);

        Observation observation = collector.collect(ref("web", IRELAND, "name", "web-euw1"));
        ResourceSetReport report = collectAndEvaluate(collector, "web", "name", cells("web-euw1", "web-use1"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(failed.message()).contains("DescribeAutoScalingGroups", "'web-euw1'", "ValidationError", "HTTP 400");
        });
        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", ReadinessStatus.UNKNOWN),
                entry("us-east-1", ReadinessStatus.UNKNOWN));
    }

    @Test
    void unknownGroupIsAnApiErrorNotAReadinessVerdict() {
        aws.server.stubFor(action("DescribeAutoScalingGroups")
                .willReturn(xml(fixture("aws/autoscaling/describe-auto-scaling-groups-empty.xml", Map.of()))));

        Observation observation = collector.collect(ref("web", IRELAND, "name", "gone"));

        assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Observation.Failure.API_ERROR);
            assertThat(failed.message()).contains("DescribeAutoScalingGroups", "'gone'", "not found");
        });
    }

    @Test
    void slowAnswerGivesUpWithinTheTimeoutAsCouldNotRun() {
        aws.server.stubFor(action("DescribeAutoScalingGroups")
                .willReturn(xml(group("web", "eu-west-1", 2, 6, 2, 2, List.of(), List.of("m5.large"))).withFixedDelay(3_000)));
        try (AutoScalingGroupCollector impatient = new AutoScalingGroupCollector(aws.clients(Duration.ofMillis(400)), CLOCK)) {
            long start = System.nanoTime();
            Observation observation = impatient.collect(ref("web", IRELAND, "name", "web"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(failed.message()).contains("DescribeAutoScalingGroups", "'web'", "400 ms");
            });
            assertThat(took).isLessThan(Duration.ofMillis(1_500));
        }
    }

    @Test
    void unreachableEndpointIsCouldNotRun() {
        // port 1 on the loopback interface: nothing listens, the connection is refused at once
        AwsClients nowhere = new AwsClients(Optional.of(URI.create("http://127.0.0.1:1")),
                AnonymousCredentialsProvider.create(), Duration.ofSeconds(1));
        try (AutoScalingGroupCollector unreachable = new AutoScalingGroupCollector(nowhere, CLOCK)) {
            Observation observation = unreachable.collect(ref("web", IRELAND, "name", "web"));

            assertThat(observation).isInstanceOfSatisfying(Observation.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(Observation.Failure.COULD_NOT_RUN);
                assertThat(failed.message()).contains("DescribeAutoScalingGroups", "could not be sent");
            });
        }
    }

    /** The group answered only to a request signed for its Region: proves each cell's client is regional. */
    private static void stubGroupIn(String region, String name, int min, int max) {
        aws.server.stubFor(action("DescribeAutoScalingGroups", region, "autoscaling")
                .withFormParam("AutoScalingGroupNames.member.1", equalTo(name))
                .willReturn(xml(group(name, region, min, max, min, 3,
                        List.of(new Vm("m5.large", "InService"), new Vm("m5.large", "InService")), List.of("m5.large")))));
    }

    private static Map<CellSpec, String> cells(String irelandGroup, String virginiaGroup) {
        Map<CellSpec, String> cells = new LinkedHashMap<>();
        cells.put(IRELAND, irelandGroup);
        cells.put(VIRGINIA, virginiaGroup);
        return cells;
    }

    record Vm(String type, String lifecycleState) {
    }

    static String group(String name, String region, int min, int max, int desired, int zones, List<Vm> instances,
            List<String> overrides) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < instances.size(); i++) {
            members.append(fixture("aws/autoscaling/instance-member.xml", Map.of(
                    "instanceId", String.format("i-0%016x", i + 1),
                    "instanceType", instances.get(i).type(),
                    "availabilityZone", region + (char) ('a' + i % Math.max(zones, 1)),
                    "lifecycleState", instances.get(i).lifecycleState())));
        }
        String zoneMembers = IntStream.range(0, zones)
                .mapToObj(i -> "\n          <member>" + region + (char) ('a' + i) + "</member>")
                .collect(Collectors.joining());
        String overrideMembers = overrides.stream()
                .map(type -> "\n              <member>\n                <InstanceType>" + type + "</InstanceType>\n              </member>")
                .collect(Collectors.joining());
        return fixture("aws/autoscaling/describe-auto-scaling-groups.xml", Map.of(
                "name", name, "region", region, "minSize", min, "maxSize", max, "desiredCapacity", desired,
                "availabilityZones", zoneMembers, "instances", members, "overrides", overrideMembers));
    }
}
