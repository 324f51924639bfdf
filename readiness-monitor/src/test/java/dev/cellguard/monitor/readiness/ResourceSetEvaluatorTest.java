package dev.cellguard.monitor.readiness;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_AUTHORIZED;
import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceSetEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static final List<ReadinessRule> ASG_LIKE = List.of(
            Rules.allEqual("asg.all.min-max-size", "same min and max size", "minSize", "maxSize"),
            Rules.informational(Rules.allEqual("asg.all.instance-types", "same instance types", "instanceTypes")),
            Rules.allWithinPercent("asg.all.normalized-capacity", "capacity within 15%", "normalizedCapacity", 15));

    static Stream<Arguments> asgScenarios() {
        return Stream.of(
                Arguments.of("identical cells are ready",
                        asg(2, 6, "m5.large", 16), asg(2, 6, "m5.large", 16), READY, List.of()),
                Arguments.of("a max-size change in one cell makes every cell not ready",
                        asg(2, 8, "m5.large", 16), asg(2, 6, "m5.large", 16), NOT_READY, List.of("maxSize")),
                Arguments.of("a different instance type is only informational",
                        asg(2, 6, "m5.large", 16), asg(2, 6, "m6i.large", 16), READY, List.of()),
                Arguments.of("capacity within 15% is fine",
                        asg(2, 6, "m5.large", 20), asg(2, 6, "m5.large", 18), READY, List.of()),
                Arguments.of("capacity more than 15% apart is not",
                        asg(2, 6, "m5.large", 20), asg(2, 6, "m5.large", 16), NOT_READY, List.of("normalizedCapacity")),
                Arguments.of("numbers compare by value whatever their Java type",
                        asg(2, 6, "m5.large", 16), observed(Map.of("minSize", 2.0, "maxSize", 6L,
                                "instanceTypes", List.of("m5.large"), "normalizedCapacity", 16.0)), READY, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asgScenarios")
    void judgesTheSeedsAutoScalingScenarios(String description, Observation west, Observation eu,
            ReadinessStatus expected, List<String> differingFields) {
        ResourceSetReport report = evaluate(ASG_LIKE, west, eu);

        assertThat(report.statusByCell()).containsOnly(Map.entry("us-west-2", expected), Map.entry("eu-west-1", expected));
        assertThat(report.status()).isEqualTo(expected);
        assertThat(report.drift()).extracting(Difference::field).containsExactlyElementsOf(differingFields);
    }

    @Test
    void driftReportsEachCellsValueAndTheRule() {
        ResourceSetReport report = evaluate(ASG_LIKE, asg(2, 8, "m5.large", 16), asg(2, 6, "m5.large", 16));

        Difference difference = report.drift().get(0);
        assertThat(difference.ruleId()).isEqualTo("asg.all.min-max-size");
        assertThat(difference.valuesByCell()).containsEntry("us-west-2", 8L).containsEntry("eu-west-1", 6L);
        assertThat(report.driftRuleIds()).containsExactly("asg.all.min-max-size");
    }

    @Test
    void informationalDifferencesAreReportedButAreNotDrift() {
        ResourceSetReport report = evaluate(ASG_LIKE, asg(2, 6, "m5.large", 16), asg(2, 6, "c5.large", 16));

        assertThat(report.drifting()).isFalse();
        RuleReport types = report.rules().stream().filter(r -> r.id().equals("asg.all.instance-types")).findFirst().orElseThrow();
        assertThat(types.status()).isEqualTo(NOT_READY);
        assertThat(types.affectsReadiness()).isFalse();
        assertThat(types.differences()).hasSize(1);
    }

    static Stream<Arguments> unreadCells() {
        return Stream.of(
                Arguments.of(Observation.Failure.NOT_AUTHORIZED, NOT_AUTHORIZED),
                Arguments.of(Observation.Failure.API_ERROR, UNKNOWN),
                Arguments.of(Observation.Failure.COULD_NOT_RUN, UNKNOWN));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("unreadCells")
    void aCellThatCannotBeReadIsNeverReadyAndAllRulesCannotCompare(Observation.Failure failure, ReadinessStatus expected) {
        ResourceSetReport report = evaluate(ASG_LIKE, new Observation.Failed(failure, "AccessDenied", NOW), asg(2, 6, "m5.large", 16));

        assertThat(report.statusByCell()).containsEntry("us-west-2", expected).containsEntry("eu-west-1", UNKNOWN);
        assertThat(report.drifting()).isFalse();
    }

    @Test
    void eachRulesJudgeEveryResourceAlone() {
        List<ReadinessRule> rules = List.of(
                Rules.eachEquals("elbv2.each.state-active", "state is active", "state", "active"),
                Rules.eachBelow("rds.each.global-replica-lag", "lag below 30 s", "lagMs", 30_000));
        ResourceSetReport report = evaluate(rules,
                observed(Map.of("state", "active", "lagMs", 31_000L)),
                observed(Map.of("state", "provisioning", "lagMs", 20L)));

        assertThat(report.statusByCell()).containsEntry("us-west-2", NOT_READY).containsEntry("eu-west-1", NOT_READY);
        assertThat(report.rules().get(0).messages()).containsExactly("eu-west-1: state is provisioning, expected active");
        assertThat(report.rules().get(1).messages()).containsExactly("us-west-2: lagMs is 31000, must be below 30000");
        assertThat(report.drifting()).isFalse();
    }

    private static ResourceSetReport evaluate(List<ReadinessRule> rules, Observation west, Observation eu) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        observations.put("us-west-2", west);
        observations.put("eu-west-1", eu);
        return ResourceSetEvaluator.evaluate("orders-asg", "aws-autoscaling-group", rules, observations, NOW);
    }

    private static Observation asg(long min, long max, String type, long capacity) {
        return observed(Map.of("minSize", min, "maxSize", max, "instanceTypes", List.of(type), "normalizedCapacity", capacity));
    }

    private static Observation observed(Map<String, Object> attributes) {
        return new Observation.Observed(attributes, NOW);
    }
}
