package dev.cellguard.monitor.resources.aws;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.resources.aws.RdsClusterCollector.CAPACITY;
import static dev.cellguard.monitor.resources.aws.RdsClusterCollector.ENGINE_MAJOR_VERSION;
import static dev.cellguard.monitor.resources.aws.RdsClusterCollector.ENGINE_MODE;
import static dev.cellguard.monitor.resources.aws.RdsClusterCollector.INSTANCE_CLASS;
import static dev.cellguard.monitor.resources.aws.RuleTable.evaluate;
import static dev.cellguard.monitor.resources.aws.RuleTable.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessStatus;
import dev.cellguard.monitor.readiness.ResourceSetReport;
import dev.cellguard.monitor.readiness.RuleReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RDS cluster rules on hand-made observations of three cells. Each row: the cells'
 * observations, each cell's expected status, the ids of the rules whose differences are drift, and
 * a message the report must contain (or null).
 */
class RdsClusterRulesTest {

    private static final Map<String, Object> CLUSTER = Map.of(
            "status", "available", "engine", "aurora-postgresql", "engineVersion", "15.4", "engineMode", "provisioned",
            "engineMajorVersion", "15", "instanceClass", List.of("db.r6g.large"), "capacity", 8.0, "memberCount", 2L,
            "globalSecondary", false);

    static Stream<Arguments> rows() {
        return Stream.of(
                row("identical clusters are ready",
                        observed(CLUSTER), observed(CLUSTER), observed(CLUSTER), all(READY), List.of(), null),
                row("a cluster that is not available is not ready, alone",
                        observed(CLUSTER), observed(CLUSTER, "status", "modifying"), observed(CLUSTER),
                        List.of(READY, NOT_READY, READY), List.of(), "us-east-1: status is modifying, expected available"),
                row("a global secondary replicating within 30 s is ready",
                        observed(CLUSTER), secondary(1_200L), secondary(29_999L), all(READY), List.of(), null),
                row("a global secondary lagging 30 s or more is not ready",
                        observed(CLUSTER), secondary(1_200L), secondary(30_000L), List.of(READY, READY, NOT_READY), List.of(),
                        "ap-southeast-2: global replica lag is 30000 ms, must be below 30000 ms"),
                row("a global secondary without a lag datapoint is not ready",
                        observed(CLUSTER), secondary(null), observed(CLUSTER), List.of(READY, NOT_READY, READY), List.of(),
                        "us-east-1: global replica lag is not known"),
                row("a cluster outside a global database needs no lag",
                        observed(CLUSTER, "globalSecondary", null), observed(CLUSTER), observed(CLUSTER), all(READY), List.of(), null),
                row("a different engine mode is drift",
                        observed(CLUSTER), observed(CLUSTER, "engineMode", "serverless"), observed(CLUSTER), all(NOT_READY),
                        List.of(ENGINE_MODE), null),
                row("a different major version is drift",
                        observed(CLUSTER, "engineVersion", "16.1", "engineMajorVersion", "16"), observed(CLUSTER), observed(CLUSTER),
                        all(NOT_READY), List.of(ENGINE_MAJOR_VERSION), "engineMajorVersion differs between cells"),
                row("a different engine is drift",
                        observed(CLUSTER), observed(CLUSTER), observed(CLUSTER, "engine", "aurora-mysql"), all(NOT_READY),
                        List.of(ENGINE_MAJOR_VERSION), "engine differs between cells"),
                row("a different minor version is not drift",
                        observed(CLUSTER), observed(CLUSTER, "engineVersion", "15.5"), observed(CLUSTER), all(READY), List.of(), null),
                row("a different instance class is drift",
                        observed(CLUSTER), observed(CLUSTER, "instanceClass", List.of("db.r7g.large")), observed(CLUSTER),
                        all(NOT_READY), List.of(INSTANCE_CLASS), null),
                row("capacity within 15% is ready",
                        observed(CLUSTER), observed(CLUSTER, "capacity", 7.0), observed(CLUSTER), all(READY), List.of(), null),
                row("capacity more than 15% apart is drift",
                        observed(CLUSTER), observed(CLUSTER), observed(CLUSTER, "capacity", 4.0), all(NOT_READY), List.of(CAPACITY),
                        "capacity differs between cells: {ap-southeast-2=4.0, eu-west-1=8.0, us-east-1=8.0}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void judgesTheCellsOfASet(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds, String message) {
        ResourceSetReport report = evaluate(RdsClusterCollector.TYPE_NAME, RdsClusterCollector.RULES, a, b, c);

        assertThat(report.statusByCell()).containsOnly(entry(RuleTable.CELLS.get(0), expected.get(0)),
                entry(RuleTable.CELLS.get(1), expected.get(1)), entry(RuleTable.CELLS.get(2), expected.get(2)));
        assertThat(report.driftRuleIds()).containsExactlyElementsOf(driftRuleIds);
        if (message != null) {
            assertThat(report.rules()).flatExtracting(RuleReport::messages).anySatisfy(m -> assertThat(m).contains(message));
        }
    }

    @Test
    void typeDeclaresTheClusterIdentifierPropertyRuleIdsAndA30SecondInterval() {
        assertThat(RdsClusterCollector.TYPE.name()).isEqualTo("aws-rds-cluster");
        assertThat(RdsClusterCollector.TYPE.requiredProperties()).containsExactly("clusterIdentifier");
        assertThat(RdsClusterCollector.TYPE.ruleIds()).containsExactlyInAnyOrder("rds.each.status-available",
                "rds.each.global-replica-lag", "rds.all.engine-mode", "rds.all.engine-major-version",
                "rds.all.instance-class", "rds.all.capacity");
        assertThat(RdsClusterCollector.TYPE.defaultInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    private static Observation secondary(Long lagMs) {
        return observed(CLUSTER, "globalSecondary", true, "globalReplicaLagMs", lagMs);
    }

    private static List<ReadinessStatus> all(ReadinessStatus status) {
        return List.of(status, status, status);
    }

    private static Arguments row(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds, String message) {
        return Arguments.of(description, a, b, c, expected, driftRuleIds, message);
    }
}
