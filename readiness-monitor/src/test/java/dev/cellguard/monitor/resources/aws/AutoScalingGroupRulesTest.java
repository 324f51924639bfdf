package dev.cellguard.monitor.resources.aws;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_AUTHORIZED;
import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.UNKNOWN;
import static dev.cellguard.monitor.resources.aws.AutoScalingGroupCollector.INSTANCE_TYPES;
import static dev.cellguard.monitor.resources.aws.AutoScalingGroupCollector.MIN_MAX_SIZE;
import static dev.cellguard.monitor.resources.aws.AutoScalingGroupCollector.NORMALIZED_CAPACITY;
import static dev.cellguard.monitor.resources.aws.RuleTable.evaluate;
import static dev.cellguard.monitor.resources.aws.RuleTable.failed;
import static dev.cellguard.monitor.resources.aws.RuleTable.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.readiness.Difference;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * The Auto Scaling group rules on hand-made observations of three cells. Each row: the cells'
 * observations, each cell's expected status, and the ids of the rules whose differences are drift.
 */
class AutoScalingGroupRulesTest {

    private static final Map<String, Object> GROUP = Map.of(
            "minSize", 2L, "maxSize", 6L, "desiredCapacity", 3L, "availabilityZoneCount", 3L,
            "instanceTypes", List.of("m5.large", "m5.xlarge"), "inServiceCount", 3L, "normalizedCapacity", 16.0);

    static Stream<Arguments> rows() {
        return Stream.of(
                row("identical groups are ready",
                        observed(GROUP), observed(GROUP), observed(GROUP), all(READY), List.of()),
                row("a different min size in one cell is drift in every cell",
                        observed(GROUP), observed(GROUP, "minSize", 1L), observed(GROUP), all(NOT_READY), List.of(MIN_MAX_SIZE)),
                row("a different max size in one cell is drift in every cell",
                        observed(GROUP, "maxSize", 10L), observed(GROUP), observed(GROUP), all(NOT_READY), List.of(MIN_MAX_SIZE)),
                row("desired capacity may differ",
                        observed(GROUP, "desiredCapacity", 5L), observed(GROUP), observed(GROUP), all(READY), List.of()),
                row("a different Availability Zone count is drift",
                        observed(GROUP), observed(GROUP), observed(GROUP, "availabilityZoneCount", 2L), all(NOT_READY),
                        List.of(AutoScalingGroupCollector.AVAILABILITY_ZONE_COUNT)),
                row("different instance types alone do not change readiness",
                        observed(GROUP), observed(GROUP, "instanceTypes", List.of("m6i.large", "m6i.xlarge")), observed(GROUP),
                        all(READY), List.of()),
                row("instance types listed in another order are the same",
                        observed(GROUP), observed(GROUP, "instanceTypes", List.of("m5.xlarge", "m5.large")), observed(GROUP),
                        all(READY), List.of()),
                row("normalized capacity within 15% is ready",
                        observed(GROUP), observed(GROUP, "normalizedCapacity", 14.0), observed(GROUP), all(READY), List.of()),
                row("normalized capacity more than 15% apart is drift",
                        observed(GROUP), observed(GROUP, "normalizedCapacity", 12.0), observed(GROUP), all(NOT_READY),
                        List.of(NORMALIZED_CAPACITY)),
                row("an unknown normalized capacity cannot be compared",
                        observed(GROUP), observed(GROUP, "normalizedCapacity", null), observed(GROUP), all(NOT_READY),
                        List.of(NORMALIZED_CAPACITY)),
                row("a cell we may not read is not authorized and the others unknown",
                        observed(GROUP), failed(Observation.Failure.NOT_AUTHORIZED), observed(GROUP),
                        List.of(UNKNOWN, NOT_AUTHORIZED, UNKNOWN), List.of()),
                row("a cell whose API failed leaves every cell unknown",
                        failed(Observation.Failure.API_ERROR), observed(GROUP), observed(GROUP), all(UNKNOWN), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void judgesTheCellsOfASet(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds) {
        ResourceSetReport report = evaluate(AutoScalingGroupCollector.TYPE_NAME, AutoScalingGroupCollector.RULES, a, b, c);

        assertThat(report.statusByCell()).containsOnly(entry(RuleTable.CELLS.get(0), expected.get(0)),
                entry(RuleTable.CELLS.get(1), expected.get(1)), entry(RuleTable.CELLS.get(2), expected.get(2)));
        assertThat(report.driftRuleIds()).containsExactlyElementsOf(driftRuleIds);
    }

    @Test
    void minMaxChangeInOneCellMakesEveryCellNotReadyAndReportsEachCellsValues() {
        ResourceSetReport report = evaluate(AutoScalingGroupCollector.TYPE_NAME, AutoScalingGroupCollector.RULES,
                observed(GROUP), observed(GROUP, "minSize", 4L, "maxSize", 8L), observed(GROUP));

        assertThat(report.status()).isEqualTo(NOT_READY);
        assertThat(report.statusByCell()).containsOnly(entry("eu-west-1", NOT_READY), entry("us-east-1", NOT_READY),
                entry("ap-southeast-2", NOT_READY));
        assertThat(report.drift()).containsExactly(
                new Difference(MIN_MAX_SIZE, "minSize", Map.of("eu-west-1", 2L, "us-east-1", 4L, "ap-southeast-2", 2L)),
                new Difference(MIN_MAX_SIZE, "maxSize", Map.of("eu-west-1", 6L, "us-east-1", 8L, "ap-southeast-2", 6L)));
    }

    @Test
    void instanceTypeOnlyDifferenceIsReportedButLeavesEveryCellReady() {
        ResourceSetReport report = evaluate(AutoScalingGroupCollector.TYPE_NAME, AutoScalingGroupCollector.RULES,
                observed(GROUP), observed(GROUP, "instanceTypes", List.of("c6g.large")), observed(GROUP));

        assertThat(report.status()).isEqualTo(READY);
        assertThat(report.drifting()).isFalse();
        RuleReport types = report.rules().stream().filter(r -> r.id().equals(INSTANCE_TYPES)).findFirst().orElseThrow();
        assertThat(types.affectsReadiness()).isFalse();
        assertThat(types.differences()).singleElement()
                .satisfies(d -> assertThat(d.valuesByCell()).containsEntry("us-east-1", List.of("c6g.large")));
    }

    @Test
    void aSetCanDisableARule() {
        ResourceSetSpec set = new ResourceSetSpec("web", AutoScalingGroupCollector.TYPE_NAME, Map.of(),
                Map.of("eu-west-1", Map.of("name", "web")), List.of(NORMALIZED_CAPACITY), Duration.ofSeconds(30));
        AwsClients clients = new AwsClients(Optional.empty(), AnonymousCredentialsProvider.create(), Duration.ofSeconds(1));
        try (AutoScalingGroupCollector collector = new AutoScalingGroupCollector(clients, Clock.systemUTC())) {
            assertThat(collector.enabledRules(set)).extracting(ReadinessRule::id)
                    .containsExactly(MIN_MAX_SIZE, AutoScalingGroupCollector.AVAILABILITY_ZONE_COUNT, INSTANCE_TYPES);
        }
    }

    @Test
    void typeDeclaresTheNamePropertyRuleIdsAndA30SecondInterval() {
        assertThat(AutoScalingGroupCollector.TYPE.name()).isEqualTo("aws-autoscaling-group");
        assertThat(AutoScalingGroupCollector.TYPE.requiredProperties()).containsExactly("name");
        assertThat(AutoScalingGroupCollector.TYPE.ruleIds()).containsExactlyInAnyOrder(
                "asg.all.min-max-size", "asg.all.availability-zone-count", "asg.all.instance-types", "asg.all.normalized-capacity");
        assertThat(AutoScalingGroupCollector.TYPE.defaultInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    private static List<ReadinessStatus> all(ReadinessStatus status) {
        return List.of(status, status, status);
    }

    private static Arguments row(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds) {
        return Arguments.of(description, a, b, c, expected, driftRuleIds);
    }
}
