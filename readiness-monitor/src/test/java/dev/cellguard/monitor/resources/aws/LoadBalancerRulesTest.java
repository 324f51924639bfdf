package dev.cellguard.monitor.resources.aws;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.CROSS_ZONE;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.DELETION_PROTECTION;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.HEALTHY_TARGETS;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.HTTP2;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.IDLE_TIMEOUT;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.IP_ADDRESS_TYPE;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.SCHEME;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.STATE_ACTIVE;
import static dev.cellguard.monitor.resources.aws.LoadBalancerCollector.TYPE_RULE;
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
 * The ELBv2 load balancer rules on hand-made observations of three cells. Each row: the cells'
 * observations, each cell's expected status, the ids of the rules whose differences are drift, and
 * a message the report must contain (or null).
 */
class LoadBalancerRulesTest {

    private static final Map<String, Object> ALB = Map.of(
            "state", "active", "scheme", "internet-facing", "type", "application", "ipAddressType", "ipv4",
            "crossZoneEnabled", true, "http2Enabled", true, "idleTimeoutSeconds", 60L, "deletionProtectionEnabled", true,
            "targetGroupCount", 2L, "targetGroupsWithoutHealthyTargets", List.of());
    /** A Network Load Balancer: no HTTP/2 or idle timeout attributes. */
    private static final Map<String, Object> NLB = Map.of(
            "state", "active", "scheme", "internal", "type", "network", "ipAddressType", "ipv4",
            "crossZoneEnabled", false, "deletionProtectionEnabled", true,
            "targetGroupCount", 1L, "targetGroupsWithoutHealthyTargets", List.of());

    static Stream<Arguments> rows() {
        return Stream.of(
                row("identical load balancers are ready",
                        observed(ALB), observed(ALB), observed(ALB), all(READY), List.of(), null),
                row("a provisioning load balancer is not ready, alone",
                        observed(ALB), observed(ALB, "state", "provisioning"), observed(ALB), List.of(READY, NOT_READY, READY),
                        List.of(), "us-east-1: state is provisioning, expected active"),
                row("an impaired load balancer is not ready",
                        observed(ALB, "state", "active_impaired"), observed(ALB), observed(ALB), List.of(NOT_READY, READY, READY),
                        List.of(), "eu-west-1: state is active_impaired, expected active"),
                row("a target group without a healthy target makes its cell not ready",
                        observed(ALB), observed(ALB), observed(ALB, "targetGroupsWithoutHealthyTargets", List.of("web-blue")),
                        List.of(READY, READY, NOT_READY), List.of(), "ap-southeast-2: target groups without a healthy target: [web-blue]"),
                row("unknown target health is not ready",
                        observed(ALB, "targetGroupsWithoutHealthyTargets", null), observed(ALB), observed(ALB),
                        List.of(NOT_READY, READY, READY), List.of(), "the health of the target groups is not known"),
                row("a different scheme is drift",
                        observed(ALB), observed(ALB, "scheme", "internal"), observed(ALB), all(NOT_READY), List.of(SCHEME), null),
                row("a different type is drift, and so are the ALB-only settings it lacks",
                        observed(ALB), observed(ALB), observed(NLB, "scheme", "internet-facing", "crossZoneEnabled", true),
                        all(NOT_READY), List.of(HTTP2, IDLE_TIMEOUT, TYPE_RULE), null),
                row("a different IP address type is drift",
                        observed(ALB, "ipAddressType", "dualstack"), observed(ALB), observed(ALB), all(NOT_READY),
                        List.of(IP_ADDRESS_TYPE), null),
                row("cross-zone off in one cell is drift",
                        observed(ALB), observed(ALB, "crossZoneEnabled", false), observed(ALB), all(NOT_READY), List.of(CROSS_ZONE), null),
                row("HTTP/2 off in one cell is drift",
                        observed(ALB), observed(ALB, "http2Enabled", false), observed(ALB), all(NOT_READY), List.of(HTTP2), null),
                row("a different idle timeout is drift",
                        observed(ALB), observed(ALB), observed(ALB, "idleTimeoutSeconds", 120L), all(NOT_READY), List.of(IDLE_TIMEOUT),
                        "idleTimeoutSeconds differs between cells: {ap-southeast-2=120, eu-west-1=60, us-east-1=60}"),
                row("deletion protection off in one cell is drift",
                        observed(ALB, "deletionProtectionEnabled", false), observed(ALB), observed(ALB), all(NOT_READY),
                        List.of(DELETION_PROTECTION), null),
                row("network load balancers without the ALB-only settings are ready",
                        observed(NLB), observed(NLB), observed(NLB), all(READY), List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void judgesTheCellsOfASet(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds, String message) {
        ResourceSetReport report = evaluate(LoadBalancerCollector.TYPE_NAME, LoadBalancerCollector.RULES, a, b, c);

        assertThat(report.statusByCell()).containsOnly(entry(RuleTable.CELLS.get(0), expected.get(0)),
                entry(RuleTable.CELLS.get(1), expected.get(1)), entry(RuleTable.CELLS.get(2), expected.get(2)));
        assertThat(report.driftRuleIds()).containsExactlyElementsOf(driftRuleIds);
        if (message != null) {
            assertThat(report.rules()).flatExtracting(RuleReport::messages).anySatisfy(m -> assertThat(m).contains(message));
        }
    }

    @Test
    void typeDeclaresTheArnPropertyRuleIdsAndA30SecondInterval() {
        assertThat(LoadBalancerCollector.TYPE.name()).isEqualTo("aws-elbv2-load-balancer");
        assertThat(LoadBalancerCollector.TYPE.requiredProperties()).containsExactly("arn");
        assertThat(LoadBalancerCollector.TYPE.ruleIds()).containsExactlyInAnyOrder(STATE_ACTIVE, HEALTHY_TARGETS,
                "elbv2.all.scheme", "elbv2.all.type", "elbv2.all.ip-address-type", "elbv2.all.cross-zone", "elbv2.all.http2",
                "elbv2.all.idle-timeout", "elbv2.all.deletion-protection");
        assertThat(LoadBalancerCollector.TYPE.defaultInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    private static List<ReadinessStatus> all(ReadinessStatus status) {
        return List.of(status, status, status);
    }

    private static Arguments row(String description, Observation a, Observation b, Observation c,
            List<ReadinessStatus> expected, List<String> driftRuleIds, String message) {
        return Arguments.of(description, a, b, c, expected, driftRuleIds, message);
    }
}
