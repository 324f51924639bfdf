package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AT_MOST_ONE_ACTIVE_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.KILL_SWITCH_RULE_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.NO_FAIL_OPEN_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.PANEL;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RuleConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy file: what a valid one means, and how each kind of mistake is reported. */
class PolicyLoaderTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/policy/example-policy.yaml");
    private static final Path KILL_SWITCH = Path.of("src/test/resources/policy/kill-switch-policy.yaml");
    /** The asserted controls of the first rule of the example, as written there. */
    private static final String FIRST_RULE_CONTROLS = "      AssertedControls:\n        - \"" + WEST_ARN + "\"\n        - \""
            + EU_ARN + "\"\n      RuleConfig: { Type: ATLEAST, Threshold: 1, Inverted: false }";

    /** A valid policy with nothing optional. */
    private static final String MINIMAL = """
            recoveryGroup: orders
            cells:
              eu-west-1: { routingControl: "%s", priority: 2 }
              us-west-2: { routingControl: "%s", priority: 1 }
            policies:
              - name: evacuate
                mode: AUTO
                when: { health: UNHEALTHY }
            """.formatted(EU_ARN, WEST_ARN);

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void theIssuesExamplePolicyMeansWhatItSays() {
        PolicyDocument document = loader.load(EXAMPLE);

        assertThat(document.source()).isEqualTo(EXAMPLE.toString());
        assertThat(document.version()).matches("sha256:[0-9a-f]{16}");
        assertThat(document.recoveryGroup()).isEqualTo("orders");
        assertThat(document.cells()).containsExactly(new CellRoute("us-west-2", WEST_ARN, 1), new CellRoute("eu-west-1", EU_ARN, 2));
        assertThat(document.primary().cell()).isEqualTo("us-west-2");
        assertThat(document.policies()).containsExactly(new Policy("evacuate-unhealthy-region", Mode.AUTO,
                new Trigger(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ofSeconds(15), 2), Requirements.STRICT,
                Duration.ofMinutes(10), 2));
        assertThat(document.failback()).isEqualTo(new Failback(Mode.APPROVAL, Duration.ofMinutes(30)));
        assertThat(document.approvalTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(document.startupGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(document.safetyRules()).containsExactly(
                new AssertionRule(NO_FAIL_OPEN_ARN, "no-fail-open", List.of(WEST_ARN, EU_ARN), RuleConfig.atLeast(1), 5000),
                new AssertionRule(AT_MOST_ONE_ACTIVE_ARN, "at-most-one-region-active", List.of(WEST_ARN, EU_ARN),
                        RuleConfig.atLeast(2).negate(), 5000));
    }

    @Test
    void everyOptionalSectionAndAKillSwitchOnAControlNoCellRoutesTo() {
        PolicyDocument document = loader.load(KILL_SWITCH);

        assertThat(document.policies()).extracting(Policy::name).containsExactly("evacuate-unhealthy-region", "ask-when-not-ready");
        assertThat(document.policies().get(1)).isEqualTo(new Policy("ask-when-not-ready", Mode.APPROVAL,
                new Trigger(Trigger.Condition.READINESS_NOT_READY, Duration.ofMinutes(2), 1), new Requirements(true, false, false),
                Duration.ofMinutes(10), 2));
        assertThat(document.failback()).isEqualTo(new Failback(Mode.DISABLED, Duration.ofHours(1)));
        assertThat(document.approvalTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(document.startupGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(document.safetyRules()).containsExactly(new GatingRule(KILL_SWITCH_RULE_ARN, "automation-kill-switch",
                List.of(KILL_SWITCH_ARN), List.of(WEST_ARN, EU_ARN), RuleConfig.or(), 0));
    }

    @Test
    void whatIsLeftOutTakesItsDefault() {
        PolicyDocument document = loader.parse("minimal.yaml", MINIMAL);

        assertThat(document.cells()).extracting(CellRoute::cell).containsExactly("us-west-2", "eu-west-1");
        assertThat(document.policies()).containsExactly(new Policy("evacuate", Mode.AUTO,
                new Trigger(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ZERO, 1), Requirements.STRICT, Duration.ofMinutes(10), 2));
        assertThat(document.failback()).isEqualTo(new Failback(Mode.APPROVAL, Duration.ofMinutes(30)));
        assertThat(document.approvalTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(document.startupGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(document.safetyRules()).isEmpty();
    }

    @Test
    void theVersionNamesTheExactBytesOfTheFile() throws IOException {
        String text = Files.readString(EXAMPLE);

        assertThat(loader.parse("a.yaml", text).version()).isEqualTo(loader.parse("b.yaml", text).version());
        assertThat(loader.parse("a.yaml", text + "# reviewed\n").version()).isNotEqualTo(loader.parse("a.yaml", text).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../deploy/policy/orders-local.yaml", "src/test/resources/policy/test-policy.yaml",
            "src/test/resources/policy/example-policy.yaml", "src/test/resources/policy/kill-switch-policy.yaml"})
    void theShippedPoliciesAreValidAndDriveAnEngine(String file) {
        PolicyDocument document = loader.load(Path.of(file));

        FailoverEngine engine = new FailoverEngine(document, PolicyFixtures.T0, Duration.ofSeconds(5));

        assertThat(engine.document().cells()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadIsNamed() {
        Path missing = Path.of("src/test/resources/policy/no-such-policy.yaml");

        assertThatThrownBy(() -> loader.load(missing)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.file()).isEqualTo(missing.toString());
            assertThat(e.field()).isEqualTo("(file)");
            assertThat(e.reason()).startsWith("cannot be read");
        });
    }

    /** One mistake each: the first occurrence of {@code from} in the example becomes {@code to}. */
    static Stream<Arguments> mistakes() {
        String secondRule = "Name: at-most-one-region-active";
        return Stream.of(
                mistake("not YAML", "recoveryGroup: orders", "recoveryGroup: [orders", "(file)", "not valid YAML"),
                mistake("a key given twice", "failback: {", "recoveryGroup: again\nfailback: {", "(file)", "Duplicate field 'recoveryGroup'"),
                mistake("an empty file", null, "", "(top level)", "must be a mapping"),
                mistake("a list instead of a mapping", null, "- orders\n", "(top level)", "must be a mapping"),
                mistake("an unknown section", "failback: {", "colour: blue\nfailback: {", "(top level).colour",
                        "unknown field; allowed here: [approvals, cells, failback, policies, recoveryGroup, safetyRules, startupGrace]"),
                mistake("a misspelt section", "policies:", "policy:", "(top level).policy", "unknown field"),
                mistake("no recovery group", "recoveryGroup: orders\n", "", "recoveryGroup", "missing"),
                mistake("a recovery group that is not a name", "recoveryGroup: orders", "recoveryGroup: \"orders group\"",
                        "recoveryGroup", "'orders group' is not a valid name"),
                mistake("a single cell", "  eu-west-1: { routingControl: \"" + EU_ARN + "\", priority: 2 }\n", "", "cells",
                        "at least two cells are needed"),
                mistake("a cell name with spaces", "  eu-west-1: {", "  eu west 1: {", "cells.eu west 1", "is not a valid cell name"),
                mistake("a routing control that is a safety rule ARN", EU_ARN, PANEL + "/safetyrule/1827364554637281",
                        "cells.eu-west-1.routingControl", "is not a routing control ARN"),
                mistake("a routing control that is no ARN", EU_ARN, "orders-eu-west-1", "cells.eu-west-1.routingControl",
                        "'orders-eu-west-1' is not a routing control ARN"),
                mistake("two cells on one routing control", EU_ARN, WEST_ARN, "cells.eu-west-1.routingControl",
                        WEST_ARN + " is already the routing control of us-west-2"),
                mistake("a priority used twice", "priority: 2 }", "priority: 1 }", "cells.eu-west-1.priority", "priority 1 is used twice"),
                mistake("priority 0", "priority: 1 }", "priority: 0 }", "cells.us-west-2.priority", "must be a whole number from 1 to 100"),
                mistake("a priority in words", "priority: 2 }", "priority: second }", "cells.eu-west-1.priority",
                        "must be a whole number from 1 to 100"),
                mistake("an unknown cell field", "priority: 2 }", "priority: 2, weight: 10 }", "cells.eu-west-1.weight", "unknown field"),
                mistake("policies that are not a list", "  - name:", "    name:", "policies", "must be a list"),
                mistake("an unknown mode", "mode: AUTO ", "mode: SOMETIMES ", "policies[0].mode",
                        "'SOMETIMES' is not one of AUTO, APPROVAL, DRY_RUN, DISABLED"),
                mistake("no mode", "    mode: AUTO                 # AUTO | APPROVAL | DRY_RUN | DISABLED\n", "", "policies[0].mode", "missing"),
                mistake("no trigger", "    when: { health: UNHEALTHY, sustainedFor: 15s, observersAgreeing: 2 }\n", "",
                        "policies[0].when", "must be a mapping"),
                mistake("both triggers", "health: UNHEALTHY,", "health: UNHEALTHY, readiness: NOT_READY,", "policies[0].when",
                        "give exactly one of health: UNHEALTHY or readiness: NOT_READY"),
                mistake("neither trigger", "health: UNHEALTHY, ", "", "policies[0].when", "give exactly one of"),
                mistake("a health trigger that is not UNHEALTHY", "health: UNHEALTHY", "health: HEALTHY", "policies[0].when.health",
                        "must be UNHEALTHY"),
                mistake("a readiness trigger that is not NOT_READY", "health: UNHEALTHY", "readiness: READY",
                        "policies[0].when.readiness", "must be NOT_READY"),
                mistake("a duration without a unit", "sustainedFor: 15s", "sustainedFor: 15", "policies[0].when.sustainedFor",
                        "'15' is not a duration such as 500ms, 15s, 10m, 1h"),
                mistake("a negative duration", "sustainedFor: 15s", "sustainedFor: -15s", "policies[0].when.sustainedFor",
                        "is not a duration"),
                mistake("a duration in days", "sustainedFor: 15s", "sustainedFor: 1d", "policies[0].when.sustainedFor", "is not a duration"),
                mistake("a quorum of 0", "observersAgreeing: 2", "observersAgreeing: 0", "policies[0].when.observersAgreeing",
                        "must be a whole number from 1 to 10"),
                mistake("a quorum of 11", "observersAgreeing: 2", "observersAgreeing: 11", "policies[0].when.observersAgreeing",
                        "must be a whole number from 1 to 10"),
                mistake("a fractional quorum", "observersAgreeing: 2", "observersAgreeing: 1.5", "policies[0].when.observersAgreeing",
                        "must be a whole number from 1 to 10"),
                mistake("an unknown trigger field", "observersAgreeing: 2 }", "observersAgreeing: 2, quorum: 2 }",
                        "policies[0].when.quorum", "unknown field"),
                mistake("an unknown target readiness", "targetReadiness: READY", "targetReadiness: MAYBE",
                        "policies[0].require.targetReadiness", "'MAYBE' is not one of READY, ANY"),
                mistake("an unknown target health", "targetHealth: HEALTHY", "targetHealth: UNHEALTHY",
                        "policies[0].require.targetHealth", "'UNHEALTHY' is not one of HEALTHY, ANY"),
                mistake("an unknown target drift", "targetDrift: none", "targetDrift: some", "policies[0].require.targetDrift",
                        "'some' is not one of none, any"),
                mistake("an unknown requirement", "targetDrift: none }", "targetDrift: none, targetLatency: low }",
                        "policies[0].require.targetLatency", "unknown field"),
                mistake("a cooldown in words", "cooldown: 10m", "cooldown: ten minutes", "policies[0].cooldown", "is not a duration"),
                mistake("no failover allowed an hour", "maxFailoversPerHour: 2", "maxFailoversPerHour: 0",
                        "policies[0].maxFailoversPerHour", "must be a whole number from 1 to 60"),
                mistake("too many failovers an hour", "maxFailoversPerHour: 2", "maxFailoversPerHour: 61",
                        "policies[0].maxFailoversPerHour", "must be a whole number from 1 to 60"),
                mistake("an unknown policy field", "    cooldown: 10m", "    cooldown: 10m\n    priority: 1", "policies[0].priority",
                        "unknown field"),
                mistake("a policy name used twice", "failback: {",
                        "  - name: evacuate-unhealthy-region\n    mode: DRY_RUN\n    when: { readiness: NOT_READY }\nfailback: {",
                        "policies[1].name", "'evacuate-unhealthy-region' is used twice"),
                mistake("a policy named failback", "name: evacuate-unhealthy-region", "name: failback", "policies[0].name",
                        "'failback' is reserved for the failback section"),
                mistake("an unknown failback mode", "mode: APPROVAL, stableFor", "mode: SOON, stableFor", "failback.mode",
                        "'SOON' is not one of AUTO, APPROVAL, DRY_RUN, DISABLED"),
                mistake("a failback without stableFor", ", stableFor: 30m }", " }", "failback.stableFor", "missing"),
                mistake("an unknown failback field", "stableFor: 30m }", "stableFor: 30m, after: 1h }", "failback.after", "unknown field"),
                mistake("an approval timeout in words", "failback: {", "approvals: { expireAfter: forever }\nfailback: {",
                        "approvals.expireAfter", "'forever' is not a duration"),
                mistake("an unknown approvals field", "failback: {", "approvals: { timeout: 5m }\nfailback: {", "approvals.timeout",
                        "unknown field"),
                mistake("a start-up grace in words", "failback: {", "startupGrace: soon\nfailback: {", "startupGrace", "is not a duration"),
                mistake("safety rules that are not a list", null, MINIMAL + "safetyRules: none\n", "safetyRules", "must be a list"),
                mistake("a rule of both kinds", "  - ASSERTION:\n      Name: no-fail-open", "  - GATING: {}\n    ASSERTION:\n      Name: no-fail-open",
                        "safetyRules[0]", "give exactly one of ASSERTION or GATING"),
                mistake("an unknown kind of rule", "  - ASSERTION:\n      Name: no-fail-open", "  - ASSERT:\n      Name: no-fail-open",
                        "safetyRules[0].ASSERT", "unknown field; allowed here: [ASSERTION, GATING]"),
                mistake("a rule ARN that is a routing control", "safetyrule/0f1e2d3c4b5a6978", "routingcontrol/0f1e2d3c4b5a6978",
                        "safetyRules[0].ASSERTION.SafetyRuleArn", "is not a safety rule ARN"),
                mistake("a rule name with spaces", "Name: no-fail-open", "Name: no fail open", "safetyRules[0].ASSERTION.Name",
                        "'no fail open' is not a valid name"),
                mistake("an asserted control no cell routes to", FIRST_RULE_CONTROLS,
                        FIRST_RULE_CONTROLS.replace(EU_ARN, PANEL + "/routingcontrol/ffffffffffffffff"),
                        "safetyRules[0].ASSERTION.AssertedControls[1]", "is not the routing control of any cell"),
                mistake("an asserted control listed twice", FIRST_RULE_CONTROLS, FIRST_RULE_CONTROLS.replace(EU_ARN, WEST_ARN),
                        "safetyRules[0].ASSERTION.AssertedControls[1]", WEST_ARN + " is listed twice"),
                mistake("no asserted control", FIRST_RULE_CONTROLS,
                        "      AssertedControls: []\n      RuleConfig: { Type: ATLEAST, Threshold: 1, Inverted: false }",
                        "safetyRules[0].ASSERTION.AssertedControls", "at least one routing control is needed"),
                mistake("an unknown rule type", "Type: ATLEAST, Threshold: 1", "Type: XOR, Threshold: 1",
                        "safetyRules[0].ASSERTION.RuleConfig.Type", "must be ATLEAST, AND or OR"),
                mistake("ATLEAST 0", "Type: ATLEAST, Threshold: 1", "Type: ATLEAST, Threshold: 0",
                        "safetyRules[0].ASSERTION.RuleConfig.Threshold", "ATLEAST needs a threshold from 1 to the 2 control(s) of the rule"),
                mistake("ATLEAST more than there are controls", "Type: ATLEAST, Threshold: 1", "Type: ATLEAST, Threshold: 3",
                        "safetyRules[0].ASSERTION.RuleConfig.Threshold", "ATLEAST needs a threshold from 1 to the 2 control(s) of the rule"),
                mistake("Inverted that is not a boolean", "Threshold: 2, Inverted: true", "Threshold: 2, Inverted: ture",
                        "safetyRules[1].ASSERTION.RuleConfig.Inverted", "must be true or false"),
                mistake("Inverted as text", "Threshold: 2, Inverted: true", "Threshold: 2, Inverted: \"true\"",
                        "safetyRules[1].ASSERTION.RuleConfig.Inverted", "must be true or false"),
                mistake("a negative wait period", "WaitPeriodMs: 5000", "WaitPeriodMs: -1", "safetyRules[0].ASSERTION.WaitPeriodMs",
                        "must be a whole number from 0 to 86400000"),
                mistake("an unknown rule field", secondRule, secondRule + "\n      Owner: ops", "safetyRules[1].ASSERTION.Owner",
                        "unknown field"),
                mistake("a rule listed twice", "safetyrule/8796a5b4c3d2e1f0", "safetyrule/0f1e2d3c4b5a6978", "safetyRules[1]",
                        "safety rule " + NO_FAIL_OPEN_ARN + " is listed twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aBadFileIsRefusedNamingTheFileTheFieldAndTheReason(String name, String from, String to, String field, String reason)
            throws IOException {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String text = from == null ? to : replaceFirst(example, from, to);

        assertThatThrownBy(() -> loader.parse("orders.yaml", text)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.file()).isEqualTo("orders.yaml");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).isEqualTo("Invalid failover policy orders.yaml: " + field + ": " + e.reason());
        });
    }

    private static String replaceFirst(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new UncheckedIOException(new IOException("the example has no \"" + from + "\""));
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static Arguments mistake(String name, String from, String to, String field, String reason) {
        return Arguments.of(name, from, to, field, reason);
    }
}
