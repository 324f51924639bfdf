package dev.cellguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.deploy.support.CellguardService;
import dev.cellguard.deploy.support.Deployed;
import dev.cellguard.deploy.support.DeployedFiles;
import dev.cellguard.deploy.support.Overlays;
import dev.cellguard.deploy.support.SampleAccount;
import dev.cellguard.deploy.support.Stack;
import dev.cellguard.deploy.support.Template;
import dev.cellguard.monitor.model.CellSpec;
import dev.cellguard.monitor.model.ReadinessModel;
import dev.cellguard.orchestrator.policy.CellRoute;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.Evaluation;
import dev.cellguard.safety.EvaluationOptions;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.RuleType;
import dev.cellguard.safety.SafetyRule;
import dev.cellguard.safety.SafetyRuleEvaluator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ARC stack, the orchestrators' policy, the monitors' model and the DNS records describe the same
 * cells, routing controls and safety rules; and those rules do what cellguard relies on.
 */
class RoutingConsistencyTest {

    private static final String ROUTING_CONTROL = "AWS::Route53RecoveryControl::RoutingControl";
    private static final String SAFETY_RULE = "AWS::Route53RecoveryControl::SafetyRule";

    static Stream<String> clusters() {
        return Overlays.clusters().stream();
    }

    private static Stack arc() {
        List<Stack> stacks = SampleAccount.fromReadme().stacksOf("arc");
        assertThat(stacks).as("one ARC stack").hasSize(1);
        assertThat(stacks.get(0).region()).as("ARC's control plane is in us-west-2").isEqualTo("us-west-2");
        return stacks.get(0);
    }

    /** Routing control name in the template → its ARN. */
    private static Map<String, String> routingControlsByName(Stack arc) {
        Map<String, String> controls = new LinkedHashMap<>();
        for (String id : arc.template().resourcesOfType(ROUTING_CONTROL)) {
            controls.put(arc.string(arc.template().properties(id).get("Name")), arc.attribute(id, "RoutingControlArn"));
        }
        return controls;
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void everyCellOfThePolicyRoutesThroughItsOwnRoutingControlOfTheControlPanel(String cluster) {
        PolicyDocument policy = DeployedFiles.policy(Overlays.deployed(cluster));
        Stack arc = arc();
        Map<String, String> controls = routingControlsByName(arc);

        for (CellRoute cell : policy.cells()) {
            assertThat(controls).as("routing control <recovery group>-<cell> of %s", cell.cell())
                    .containsEntry(policy.recoveryGroup() + "-" + cell.cell(), cell.routingControlArn());
        }
        Set<String> gating = new TreeSet<>();
        policy.safetyRules().stream().filter(GatingRule.class::isInstance)
                .forEach(rule -> gating.addAll(((GatingRule) rule).gatingControls()));
        Set<String> accountedFor = new TreeSet<>(policy.routingControlArns());
        accountedFor.addAll(gating);
        assertThat(accountedFor).as("every routing control of the control panel routes a cell or gates the others")
                .containsExactlyInAnyOrderElementsOf(controls.values());
        assertThat(gating).as("a gating control routes no cell").doesNotContainAnyElementsOf(policy.routingControlArns());
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void thePolicyTheModelTheArcStackAndTheServicesNameTheSameRecoveryGroupAndCells(String cluster) {
        Deployed deployed = Overlays.deployed(cluster);
        PolicyDocument policy = DeployedFiles.policy(deployed);
        assertThat(arc().parameters().get("RecoveryGroup")).isEqualTo(policy.recoveryGroup());
        for (Deployment deployment : deployed.all(Deployment.class)) {
            assertThat(deployed.setting(deployment, "cellguard.service.recovery-group"))
                    .as("recovery group of %s", deployment.getMetadata().getName()).contains(policy.recoveryGroup());
        }
        for (Deployment monitor : deployed.deploymentsOf(CellguardService.READINESS_MONITOR)) {
            ReadinessModel model = DeployedFiles.model(deployed, monitor);
            assertThat(model.recoveryGroups()).singleElement().satisfies(group -> {
                assertThat(group.name()).isEqualTo(policy.recoveryGroup());
                assertThat(group.cells()).extracting(CellSpec::name)
                        .containsExactlyInAnyOrderElementsOf(policy.cells().stream().map(CellRoute::cell).toList());
                assertThat(group.cells()).allSatisfy(cell -> assertThat(cell.region()).as("a cell is a Region of a cluster")
                        .isEqualTo(cell.name()).isIn(Overlays.clusters()));
            });
        }
    }

    @Test
    void bothClustersRunTheSamePolicyAndTalkToAllFiveEndpointsOfTheSameArcCluster() {
        List<String> versions = new ArrayList<>();
        List<Map<String, String>> endpoints = new ArrayList<>();
        for (String cluster : Overlays.clusters()) {
            Deployed deployed = Overlays.deployed(cluster);
            versions.add(DeployedFiles.policy(deployed).version());
            Deployment orchestrator = deployed.deploymentsOf(CellguardService.FAILOVER_ORCHESTRATOR).get(0);
            Map<String, String> urls = new HashMap<>();
            deployed.applicationProperties(orchestrator).forEach((k, v) -> {
                if (String.valueOf(k).startsWith("cellguard.arc.endpoints.")) {
                    urls.put(String.valueOf(k).substring("cellguard.arc.endpoints.".length()), String.valueOf(v));
                }
            });
            endpoints.add(urls);
        }
        assertThat(versions).as("policy version in each cluster").containsOnly(versions.get(0));
        assertThat(endpoints).containsOnly(endpoints.get(0));
        assertThat(endpoints.get(0)).as("ARC endpoints by Region").hasSize(5)
                .containsKeys(Overlays.clusters().toArray(String[]::new))
                .allSatisfy((region, url) -> assertThat(url).matches("https://[a-z0-9.-]+\\." + region + "\\.amazonaws\\.com/v1"));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void thePolicyPrechecksExactlyTheSafetyRulesOfTheControlPanel(String cluster) {
        PolicyDocument policy = DeployedFiles.policy(Overlays.deployed(cluster));
        assertThat(policy.safetyRules().stream().map(RuleView::of).toList())
                .containsExactlyInAnyOrderElementsOf(templateRules(arc()).stream().map(RuleView::of).toList());
    }

    @Test
    void theControlPanelKeepsExactlyOneRegionActiveAndHonoursTheKillSwitch() {
        Stack arc = arc();
        PolicyDocument policy = DeployedFiles.policy(Overlays.deployed(Overlays.clusters().get(0)));
        List<SafetyRule> rules = templateRules(arc);
        SafetyRuleEvaluator evaluator = new SafetyRuleEvaluator(rules, EvaluationOptions.defaults());
        String primary = policy.cells().get(0).routingControlArn();
        String secondary = policy.cells().get(1).routingControlArn();
        List<String> killSwitches = rules.stream().filter(GatingRule.class::isInstance)
                .flatMap(r -> ((GatingRule) r).gatingControls().stream()).toList();
        assertThat(killSwitches).as("one kill switch").hasSize(1);
        String killSwitch = killSwitches.get(0);

        Map<String, RoutingControlState> trafficOnPrimary = Map.of(primary, RoutingControlState.ON,
                secondary, RoutingControlState.OFF, killSwitch, RoutingControlState.ON);
        Map<String, RoutingControlState> failover = new LinkedHashMap<>();
        failover.put(primary, RoutingControlState.OFF);
        failover.put(secondary, RoutingControlState.ON);

        assertThat(evaluator.evaluate(trafficOnPrimary, failover, Set.of()).accepted()).as("a failover").isTrue();
        assertThat(evaluator.evaluate(trafficOnPrimary, Map.of(primary, RoutingControlState.OFF), Set.of()))
                .as("every cell Off (Route 53 would fail open)").isInstanceOfSatisfying(Evaluation.Rejected.class,
                        r -> assertThat(r.rule()).isInstanceOf(AssertionRule.class));
        assertThat(evaluator.evaluate(trafficOnPrimary, Map.of(secondary, RoutingControlState.ON), Set.of()))
                .as("both cells On").isInstanceOfSatisfying(Evaluation.Rejected.class,
                        r -> assertThat(r.rule()).isInstanceOf(AssertionRule.class));

        Map<String, RoutingControlState> frozen = new HashMap<>(trafficOnPrimary);
        frozen.put(killSwitch, RoutingControlState.OFF);
        assertThat(evaluator.evaluate(frozen, failover, Set.of())).as("a failover with the kill switch Off")
                .isInstanceOfSatisfying(Evaluation.Rejected.class, r -> assertThat(r.rule()).isInstanceOf(GatingRule.class));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void routeFiftyThreeAnswersWithTheCellWhoseControlIsOnElseWithTheMaintenanceEndpoint(String cluster) {
        PolicyDocument policy = DeployedFiles.policy(Overlays.deployed(cluster));
        Stack arc = arc();
        Template template = arc.template();

        Map<String, String> cellOfHealthCheck = new HashMap<>();
        for (String id : template.resourcesOfType("AWS::Route53::HealthCheck")) {
            Map<?, ?> config = (Map<?, ?>) template.properties(id).get("HealthCheckConfig");
            assertThat(config.get("Type")).as(id).isEqualTo("RECOVERY_CONTROL");
            String control = arc.string(config.get("RoutingControlArn"));
            String cell = policy.cells().stream().filter(c -> c.routingControlArn().equals(control))
                    .map(CellRoute::cell).findFirst().orElseThrow(() -> new AssertionError(id + " watches no cell's routing control"));
            cellOfHealthCheck.put(id, cell);
        }
        assertThat(cellOfHealthCheck.values()).as("one health check per cell")
                .containsExactlyInAnyOrderElementsOf(policy.cells().stream().map(CellRoute::cell).toList());

        Map<String, List<Map<String, Object>>> recordsByName = template.resourcesOfType("AWS::Route53::RecordSet").stream()
                .map(template::properties)
                .collect(Collectors.groupingBy(p -> arc.string(p.get("Name")), LinkedHashMap::new, Collectors.toList()));
        String serviceName = String.valueOf(arc.parameters().get("RecordName"));
        assertThat(recordsByName).containsOnlyKeys(serviceName, "cells." + serviceName);

        List<Map<String, Object>> cells = recordsByName.get("cells." + serviceName);
        assertThat(cells).hasSize(policy.cells().size());
        for (Map<String, Object> record : cells) {
            String cell = cellOfHealthCheck.get(((Map<?, ?>) record.get("HealthCheckId")).get("Ref"));
            int priority = policy.cell(cell).orElseThrow().priority();
            assertThat(record.get("Failover")).as("record of %s", cell).isEqualTo(priority == 1 ? "PRIMARY" : "SECONDARY");
            assertThat(Integer.parseInt(arc.string(record.get("TTL")))).isBetween(1, 300);
        }

        List<Map<String, Object>> service = recordsByName.get(serviceName);
        assertThat(service).hasSize(2);
        Map<String, Object> toCells = service.stream().filter(r -> "PRIMARY".equals(r.get("Failover"))).findFirst().orElseThrow();
        Map<?, ?> alias = (Map<?, ?>) arc.resolve(toCells.get("AliasTarget"));
        assertThat(alias.get("DNSName")).isEqualTo("cells." + serviceName);
        assertThat(alias.get("EvaluateTargetHealth")).isEqualTo(true);
        Map<String, Object> maintenance = service.stream().filter(r -> "SECONDARY".equals(r.get("Failover"))).findFirst().orElseThrow();
        assertThat(maintenance).as("the maintenance record answers whenever the cells cannot").doesNotContainKey("HealthCheckId");
    }

    /** The template's safety rules as the safety-rules module models them, with the sample account's ARNs. */
    static List<SafetyRule> templateRules(Stack arc) {
        List<SafetyRule> rules = new ArrayList<>();
        for (String id : arc.template().resourcesOfType(SAFETY_RULE)) {
            Map<String, Object> properties = arc.template().properties(id);
            Map<?, ?> config = (Map<?, ?>) properties.get("RuleConfig");
            RuleConfig ruleConfig = new RuleConfig(RuleType.valueOf(String.valueOf(config.get("Type"))),
                    Integer.parseInt(arc.string(config.get("Threshold"))), Boolean.parseBoolean(arc.string(config.get("Inverted"))));
            String arn = arc.attribute(id, "SafetyRuleArn");
            String name = arc.string(properties.get("Name"));
            if (properties.get("AssertionRule") instanceof Map<?, ?> assertion) {
                rules.add(new AssertionRule(arn, name, arc.strings(assertion.get("AssertedControls")), ruleConfig,
                        Long.parseLong(arc.string(assertion.get("WaitPeriodMs")))));
            } else {
                Map<?, ?> gating = (Map<?, ?>) properties.get("GatingRule");
                rules.add(new GatingRule(arn, name, arc.strings(gating.get("GatingControls")),
                        arc.strings(gating.get("TargetControls")), ruleConfig, Long.parseLong(arc.string(gating.get("WaitPeriodMs")))));
            }
        }
        return rules;
    }

    /** A rule, its control lists as sets: the order they are written in means nothing to ARC. */
    record RuleView(String kind, String arn, String name, Set<String> evaluated, Set<String> governed, RuleConfig config,
                    long waitPeriodMs) {

        static RuleView of(SafetyRule rule) {
            return new RuleView(rule.kind(), rule.arn(), rule.name(), new TreeSet<>(rule.evaluatedControls()),
                    new TreeSet<>(rule.governedControls()), rule.config(), rule.waitPeriodMs());
        }
    }
}
