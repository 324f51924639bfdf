package dev.cellguard.arc.local.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.RuleType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyLoaderTest {

    static final String PANEL = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a";

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void defaultTopologyHasTheDocumentedClusterControlsAndRules() {
        Topology topology = TopologyLoader.loadDefault();

        assertThat(topology.clusterArn())
                .isEqualTo("arn:aws:route53-recovery-control::111122223333:cluster/7d2d9c4e-2f6a-4f53-9b6f-0c1e5b1a9f10");
        assertThat(topology.owner()).isEqualTo("111122223333");
        assertThat(topology.controlPanels()).singleElement().satisfies(panel -> {
            assertThat(panel.arn()).isEqualTo(PANEL);
            assertThat(panel.name()).isEqualTo("cellguard-orders");
            assertThat(panel.routingControls()).containsExactly(
                    new RoutingControl(PANEL + "/routingcontrol/a1b2c3d4e5f60718", "orders-us-west-2", PANEL, RoutingControlState.ON),
                    new RoutingControl(PANEL + "/routingcontrol/1827364554637281", "orders-eu-west-1", PANEL, RoutingControlState.OFF));
            List<String> both = List.of(PANEL + "/routingcontrol/a1b2c3d4e5f60718", PANEL + "/routingcontrol/1827364554637281");
            assertThat(panel.assertionRules()).containsExactly(
                    new AssertionRule(PANEL + "/safetyrule/0f1e2d3c4b5a6978", "no-fail-open", both,
                            new RuleConfig(RuleType.ATLEAST, 1, false), 5000),
                    new AssertionRule(PANEL + "/safetyrule/8796a5b4c3d2e1f0", "at-most-one-region-active", both,
                            new RuleConfig(RuleType.ATLEAST, 2, true), 5000));
            assertThat(panel.gatingRules()).isEmpty();
        });
    }

    @Test
    void derivesMissingArnsFromNamesDeterministicallyAndResolvesControlNames() throws IOException {
        String json = """
                {"ClusterName": "local", "ControlPanels": [{"Name": "payments",
                  "RoutingControls": [{"Name": "cell-1", "InitialState": "On"}, {"Name": "cell-2"}, {"Name": "kill-switch", "InitialState": "On"}],
                  "AssertionRules": [{"Name": "no-fail-open", "AssertedControls": ["cell-1", "cell-2"],
                                      "RuleConfig": {"Type": "ATLEAST", "Threshold": 1}}],
                  "GatingRules": [{"Name": "kill", "GatingControls": ["kill-switch"], "TargetControls": ["cell-1", "cell-2"],
                                   "RuleConfig": {"Type": "OR"}, "WaitPeriodMs": 0}]}]}""";

        Topology first = TopologyLoader.load(write("derived.json", json));
        Topology second = TopologyLoader.parse("again", json, false);

        assertThat(first.clusterArn()).matches("arn:aws:route53-recovery-control::111122223333:cluster/[0-9a-f-]{36}");
        ControlPanel panel = first.controlPanels().get(0);
        assertThat(panel.arn()).matches("arn:aws:route53-recovery-control::111122223333:controlpanel/[0-9a-f]{32}");
        assertThat(panel.routingControls()).allSatisfy(control ->
                assertThat(Arns.isRoutingControlArnIn(control.arn(), panel.arn())).isTrue());
        assertThat(panel.routingControls()).extracting(RoutingControl::initialState)
                .containsExactly(RoutingControlState.ON, RoutingControlState.OFF, RoutingControlState.ON);
        AssertionRule assertion = panel.assertionRules().get(0);
        assertThat(Arns.isSafetyRuleArnIn(assertion.arn(), panel.arn())).isTrue();
        assertThat(assertion.assertedControls()).containsExactly(panel.routingControls().get(0).arn(),
                panel.routingControls().get(1).arn());
        assertThat(assertion.waitPeriodMs()).isEqualTo(TopologyLoader.DEFAULT_WAIT_PERIOD_MS);
        GatingRule gating = panel.gatingRules().get(0);
        assertThat(gating.gatingControls()).containsExactly(panel.routingControls().get(2).arn());
        assertThat(gating.waitPeriodMs()).isZero();
        assertThat(second.clusterArn()).isEqualTo(first.clusterArn());
        assertThat(second.routingControls()).isEqualTo(first.routingControls());
        assertThat(second.safetyRules()).isEqualTo(first.safetyRules());
    }

    @Test
    void readsYamlByExtension() throws IOException {
        Path file = write("topology.yaml", """
                ClusterName: local
                Owner: "444455556666"
                ControlPanels:
                  - Name: zonal
                    RoutingControls:
                      - {Name: zone-a, InitialState: "On"}
                      - {Name: zone-b, InitialState: On}
                      - {Name: zone-c, InitialState: Off}
                    AssertionRules:
                      - Name: two-of-three
                        AssertedControls: [zone-a, zone-b, zone-c]
                        RuleConfig: {Type: ATLEAST, Threshold: 2, Inverted: false}
                        WaitPeriodMs: 1000
                """);

        Topology topology = TopologyLoader.load(file);

        assertThat(topology.owner()).isEqualTo("444455556666");
        assertThat(topology.initialState().values())
                .containsExactly(RoutingControlState.ON, RoutingControlState.ON, RoutingControlState.OFF);
        assertThat(topology.safetyRules()).singleElement()
                .satisfies(rule -> assertThat(rule.config()).isEqualTo(RuleConfig.atLeast(2)));
    }

    static final String CLUSTER = "\"ClusterArn\": \"arn:aws:route53-recovery-control::111122223333:cluster/"
            + "7d2d9c4e-2f6a-4f53-9b6f-0c1e5b1a9f10\"";

    static Stream<Arguments> invalidTopologies() {
        return Stream.of(
                Arguments.of("{not json", "(document)", "not valid JSON"),
                Arguments.of("[]", "(document)", "must be an object"),
                Arguments.of("{\"ControlPanels\": [{\"Name\": \"p\"}]}", "ClusterArn", "is required"),
                Arguments.of("{\"ClusterArn\": \"arn:aws:route53-recovery-control::1:cluster/x\", \"ControlPanels\": []}",
                        "ClusterArn", "must look like"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": []}", "ControlPanels", "at least one"),
                Arguments.of("{" + CLUSTER + ", \"Panels\": []}", "Panels", "unknown field"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"ControlPanelArn\": \"arn:aws:route53-"
                        + "recovery-control::999999999999:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a\"}]}",
                        "ControlPanels[0].ControlPanelArn", "belongs to account 999999999999"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"has space\"}]}",
                        "ControlPanels[0].Name", "without whitespace"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": "
                        + "[{\"Name\": \"a\", \"InitialState\": \"on\"}]}]}",
                        "ControlPanels[0].RoutingControls[0].InitialState", "must be \"On\" or \"Off\""),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": "
                        + "[{\"Name\": \"a\"}, {\"Name\": \"a\"}]}]}",
                        "ControlPanels[0].RoutingControls[1].Name", "already named \"a\""),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": "
                        + "[{\"Name\": \"a\", \"RoutingControlArn\": \"" + PANEL + "/routingcontrol/a1b2\"}]}]}",
                        "ControlPanels[0].RoutingControls[0].RoutingControlArn", "16 hex digits"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": [{\"Name\": \"a\"}],"
                        + "\"AssertionRules\": [{\"Name\": \"r\", \"AssertedControls\": [\"b\"],"
                        + "\"RuleConfig\": {\"Type\": \"OR\"}}]}]}",
                        "ControlPanels[0].AssertionRules[0].AssertedControls[0]", "\"b\" is not a routing control"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": [{\"Name\": \"a\"}],"
                        + "\"AssertionRules\": [{\"Name\": \"r\", \"AssertedControls\": [\"a\"],"
                        + "\"RuleConfig\": {\"Type\": \"ATLEAST\", \"Threshold\": 2}}]}]}",
                        "ControlPanels[0].AssertionRules[0].RuleConfig.Threshold", "between 1 and the number of asserted controls"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": [{\"Name\": \"a\"}],"
                        + "\"AssertionRules\": [{\"Name\": \"r\", \"AssertedControls\": [\"a\"],"
                        + "\"RuleConfig\": {\"Type\": \"MOST\"}}]}]}",
                        "ControlPanels[0].AssertionRules[0].RuleConfig.Type", "must be ATLEAST, AND or OR"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": [{\"Name\": \"a\"}],"
                        + "\"GatingRules\": [{\"Name\": \"g\", \"GatingControls\": [\"a\"], \"TargetControls\": [\"a\"],"
                        + "\"RuleConfig\": {\"Type\": \"OR\"}, \"WaitPeriodMs\": -5}]}]}",
                        "ControlPanels[0].GatingRules[0].WaitPeriodMs", "0 or more"),
                Arguments.of("{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": [{\"Name\": \"a\"}],"
                        + "\"GatingRules\": [{\"Name\": \"g\", \"GatingControls\": [\"a\"],"
                        + "\"RuleConfig\": {\"Type\": \"OR\"}}]}]}",
                        "ControlPanels[0].GatingRules[0].TargetControls", "is required"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidTopologies")
    void rejectsAnInvalidTopologyNamingFileFieldAndReason(String content, String field, String reason) throws IOException {
        Path file = write("bad.json", content);

        var error = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).contains(reason);
        assertThat(error.getMessage()).contains(file.toAbsolutePath().toString(), field, reason);
    }

    @Test
    void rejectsMoreRoutingControlsThanArcAllows() throws IOException {
        var controls = new StringBuilder();
        for (int i = 0; i <= TopologyLoader.MAX_ROUTING_CONTROLS_PER_PANEL; i++) {
            controls.append(i == 0 ? "" : ",").append("{\"Name\": \"c").append(i).append("\"}");
        }
        Path file = write("big.json", "{" + CLUSTER + ", \"ControlPanels\": [{\"Name\": \"p\", \"RoutingControls\": ["
                + controls + "]}]}");

        var error = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

        assertThat(error.field()).isEqualTo("ControlPanels[0].RoutingControls");
        assertThat(error.reason()).contains("at most 100");
    }

    @Test
    void namesAFileThatCannotBeRead() {
        Path missing = dir.resolve("missing.json");

        var error = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(missing));

        assertThat(error.getMessage()).contains(missing.toAbsolutePath().toString(), "cannot read");
    }
}
