package dev.cellguard.arc.local.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RoutingControlState;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.RuleType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and validates a topology file: the cluster, its control panels, routing controls (with
 * their initial states) and safety rules, in the shape and PascalCase names of the control-config
 * API, plus {@code InitialState}. JSON, or YAML when the file name ends in {@code .yaml}/{@code .yml}.
 *
 * <pre>{@code
 * {
 *   "ClusterArn": "arn:aws:route53-recovery-control::111122223333:cluster/<uuid>",
 *   "ControlPanels": [{
 *     "Name": "orders",
 *     "RoutingControls": [{"Name": "orders-us-west-2", "InitialState": "On"},
 *                         {"Name": "orders-eu-west-1"}],
 *     "AssertionRules": [{"Name": "no-fail-open",
 *                         "AssertedControls": ["orders-us-west-2", "orders-eu-west-1"],
 *                         "RuleConfig": {"Type": "ATLEAST", "Threshold": 1, "Inverted": false},
 *                         "WaitPeriodMs": 5000}],
 *     "GatingRules": []
 *   }]
 * }
 * }</pre>
 *
 * <p>Missing ARNs are derived from names ({@link Arns}); control lists of rules may name controls
 * by ARN or by name (within the same control panel). In YAML, unquoted {@code On}/{@code Off} are
 * read as booleans by YAML 1.1 and accepted as {@code InitialState}. Unknown fields are rejected, so a typo cannot
 * silently drop a rule. Every problem is reported as a {@link TopologyException} naming the file,
 * the field and the reason.
 */
public final class TopologyLoader {

    /** The classpath resource used when no topology file is configured. */
    public static final String DEFAULT_RESOURCE = "dev/cellguard/arc/local/default-topology.json";

    /** ARC quotas, enforced on the topology. */
    public static final int MAX_ROUTING_CONTROLS_PER_PANEL = 100;
    public static final int MAX_SAFETY_RULES_PER_PANEL = 20;

    /** {@code WaitPeriodMs} when a rule does not give one. */
    public static final long DEFAULT_WAIT_PERIOD_MS = 5000;

    private static final Pattern NAME = Pattern.compile("^\\S+$");
    private static final int NAME_MAX_LENGTH = 64;

    private static final Set<String> ROOT_FIELDS = Set.of("ClusterArn", "ClusterName", "Owner", "ControlPanels");
    private static final Set<String> PANEL_FIELDS =
            Set.of("ControlPanelArn", "Name", "RoutingControls", "AssertionRules", "GatingRules");
    private static final Set<String> CONTROL_FIELDS = Set.of("RoutingControlArn", "Name", "InitialState");
    private static final Set<String> ASSERTION_FIELDS =
            Set.of("SafetyRuleArn", "Name", "AssertedControls", "RuleConfig", "WaitPeriodMs");
    private static final Set<String> GATING_FIELDS =
            Set.of("SafetyRuleArn", "Name", "GatingControls", "TargetControls", "RuleConfig", "WaitPeriodMs");
    private static final Set<String> RULE_CONFIG_FIELDS = Set.of("Type", "Threshold", "Inverted");

    private TopologyLoader() {
    }

    /** Reads the topology file at {@code file}. */
    public static Topology load(Path file) {
        String source = "file " + file.toAbsolutePath();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TopologyException(source, "(document)", "cannot read the file: " + e, e);
        }
        return parse(source, content, isYaml(file.getFileName().toString()));
    }

    /** Reads the default topology shipped with the module ({@link #DEFAULT_RESOURCE}). */
    public static Topology loadDefault() {
        String source = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TopologyException(source, "(document)", "the resource is missing from the classpath");
            }
            return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new TopologyException(source, "(document)", "cannot read the resource: " + e, e);
        }
    }

    /**
     * Parses a topology document.
     *
     * @param source  where it comes from, used in error messages
     * @param content the document
     * @param yaml    {@code true} for YAML, {@code false} for JSON
     */
    public static Topology parse(String source, String content, boolean yaml) {
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode document;
        try {
            document = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new TopologyException(source, "(document)",
                    "not valid " + (yaml ? "YAML" : "JSON") + where + ": " + e.getOriginalMessage(), e);
        }
        if (document == null || document.isMissingNode() || document.isNull()) {
            throw new TopologyException(source, "(document)", "the document is empty");
        }
        return new Reader(source, yaml).topology(document);
    }

    private static boolean isYaml(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** Walks one document, tracking the path of the field being read for error messages. */
    private static final class Reader {

        private final String source;
        private final boolean yaml;
        private final Set<String> panelArns = new HashSet<>();
        private final Set<String> panelNames = new HashSet<>();
        private final Set<String> routingControlArns = new HashSet<>();
        private final Set<String> safetyRuleArns = new HashSet<>();

        Reader(String source, boolean yaml) {
            this.source = source;
            this.yaml = yaml;
        }

        private TopologyException error(String path, String reason) {
            return new TopologyException(source, path, reason);
        }

        Topology topology(JsonNode document) {
            ObjectNode root = object(document, "(document)");
            checkFields(root, "", ROOT_FIELDS);

            String owner = optionalText(root, "", "Owner");
            if (owner != null && !Arns.isAccount(owner)) {
                throw error("Owner", "must be a 12-digit AWS account ID, got \"" + owner + "\"");
            }
            String clusterArn = optionalText(root, "", "ClusterArn");
            String clusterName = optionalText(root, "", "ClusterName");
            if (clusterArn != null) {
                if (!Arns.isClusterArn(clusterArn)) {
                    throw error("ClusterArn", "must look like arn:aws:route53-recovery-control::<account>:cluster/<uuid>,"
                            + " got \"" + clusterArn + "\"");
                }
                if (owner != null && !owner.equals(Arns.accountOf(clusterArn))) {
                    throw error("Owner", "is " + owner + " but the cluster ARN belongs to account " + Arns.accountOf(clusterArn));
                }
                owner = Arns.accountOf(clusterArn);
            } else if (clusterName == null) {
                throw error("ClusterArn", "is required (or give ClusterName to derive it)");
            } else {
                requireName(clusterName, "ClusterName");
                owner = owner == null ? Arns.DEFAULT_ACCOUNT : owner;
                clusterArn = Arns.clusterArn(owner, clusterName);
            }

            List<JsonNode> panelNodes = array(root, "", "ControlPanels", true);
            if (panelNodes.isEmpty()) {
                throw error("ControlPanels", "must list at least one control panel");
            }
            var panels = new ArrayList<ControlPanel>();
            for (int i = 0; i < panelNodes.size(); i++) {
                panels.add(controlPanel(panelNodes.get(i), "ControlPanels[" + i + "]", owner, clusterArn));
            }
            return new Topology(source, clusterArn, owner, panels);
        }

        private ControlPanel controlPanel(JsonNode node, String path, String owner, String clusterArn) {
            ObjectNode panel = object(node, path);
            checkFields(panel, path, PANEL_FIELDS);
            String name = requiredText(panel, path, "Name");
            requireName(name, path + ".Name");
            if (!panelNames.add(name)) {
                throw error(path + ".Name", "another control panel is already named \"" + name + "\"");
            }
            String arn = optionalText(panel, path, "ControlPanelArn");
            if (arn == null) {
                arn = Arns.controlPanelArn(owner, clusterArn, name);
            } else if (!Arns.isControlPanelArn(arn)) {
                throw error(path + ".ControlPanelArn",
                        "must look like arn:aws:route53-recovery-control::<account>:controlpanel/<32 hex digits>, got \"" + arn + "\"");
            } else if (!Arns.accountOf(arn).equals(owner)) {
                throw error(path + ".ControlPanelArn", "belongs to account " + Arns.accountOf(arn)
                        + " but the cluster belongs to " + owner);
            }
            if (!panelArns.add(arn)) {
                throw error(path + ".ControlPanelArn", "another control panel already has the ARN " + arn);
            }

            List<JsonNode> controlNodes = array(panel, path, "RoutingControls", false);
            if (controlNodes.size() > MAX_ROUTING_CONTROLS_PER_PANEL) {
                throw error(path + ".RoutingControls", "has " + controlNodes.size() + " routing controls; ARC allows at most "
                        + MAX_ROUTING_CONTROLS_PER_PANEL + " per control panel");
            }
            var controls = new ArrayList<RoutingControl>();
            Map<String, String> arnByName = new HashMap<>();
            for (int j = 0; j < controlNodes.size(); j++) {
                RoutingControl control = routingControl(controlNodes.get(j), path + ".RoutingControls[" + j + "]", arn,
                        arnByName.keySet());
                arnByName.put(control.name(), control.arn());
                controls.add(control);
            }

            List<JsonNode> assertionNodes = array(panel, path, "AssertionRules", false);
            List<JsonNode> gatingNodes = array(panel, path, "GatingRules", false);
            if (assertionNodes.size() + gatingNodes.size() > MAX_SAFETY_RULES_PER_PANEL) {
                throw error(path, "has " + (assertionNodes.size() + gatingNodes.size())
                        + " safety rules; ARC allows at most " + MAX_SAFETY_RULES_PER_PANEL + " per control panel");
            }
            Set<String> ruleNames = new HashSet<>();
            var assertions = new ArrayList<AssertionRule>();
            for (int k = 0; k < assertionNodes.size(); k++) {
                assertions.add(assertionRule(assertionNodes.get(k), path + ".AssertionRules[" + k + "]", arn, arnByName, ruleNames));
            }
            var gatings = new ArrayList<GatingRule>();
            for (int k = 0; k < gatingNodes.size(); k++) {
                gatings.add(gatingRule(gatingNodes.get(k), path + ".GatingRules[" + k + "]", arn, arnByName, ruleNames));
            }
            return new ControlPanel(arn, name, controls, assertions, gatings);
        }

        private RoutingControl routingControl(JsonNode node, String path, String panelArn, Set<String> takenNames) {
            ObjectNode control = object(node, path);
            checkFields(control, path, CONTROL_FIELDS);
            String name = requiredText(control, path, "Name");
            requireName(name, path + ".Name");
            if (takenNames.contains(name)) {
                throw error(path + ".Name", "another routing control of this panel is already named \"" + name + "\"");
            }
            String arn = optionalText(control, path, "RoutingControlArn");
            if (arn == null) {
                arn = Arns.routingControlArn(panelArn, name);
            } else if (!Arns.isRoutingControlArnIn(arn, panelArn)) {
                throw error(path + ".RoutingControlArn", "must look like " + panelArn
                        + "/routingcontrol/<16 hex digits> (inside its control panel), got \"" + arn + "\"");
            }
            if (!routingControlArns.add(arn)) {
                throw error(path + ".RoutingControlArn", "another routing control already has the ARN " + arn);
            }
            JsonNode initialNode = control.get("InitialState");
            if (yaml && initialNode != null && initialNode.isBoolean()) {
                // YAML 1.1 reads unquoted On/Off as booleans.
                return new RoutingControl(arn, name, panelArn, RoutingControlState.of(initialNode.booleanValue()));
            }
            String initial = optionalText(control, path, "InitialState");
            RoutingControlState state = RoutingControlState.OFF;
            if (initial != null) {
                try {
                    state = RoutingControlState.fromWireName(initial);
                } catch (IllegalArgumentException e) {
                    throw error(path + ".InitialState", "must be \"On\" or \"Off\", got \"" + initial + "\"");
                }
            }
            return new RoutingControl(arn, name, panelArn, state);
        }

        private AssertionRule assertionRule(JsonNode node, String path, String panelArn, Map<String, String> controls,
                                            Set<String> ruleNames) {
            ObjectNode rule = object(node, path);
            checkFields(rule, path, ASSERTION_FIELDS);
            String name = ruleName(rule, path, ruleNames);
            String arn = ruleArn(rule, path, panelArn, name);
            List<String> asserted = controlList(rule, path, "AssertedControls", panelArn, controls);
            RuleConfig config = ruleConfig(rule, path, asserted.size(), "asserted controls");
            long waitPeriodMs = waitPeriod(rule, path);
            return build(path, () -> new AssertionRule(arn, name, asserted, config, waitPeriodMs));
        }

        private GatingRule gatingRule(JsonNode node, String path, String panelArn, Map<String, String> controls,
                                      Set<String> ruleNames) {
            ObjectNode rule = object(node, path);
            checkFields(rule, path, GATING_FIELDS);
            String name = ruleName(rule, path, ruleNames);
            String arn = ruleArn(rule, path, panelArn, name);
            List<String> gating = controlList(rule, path, "GatingControls", panelArn, controls);
            List<String> targets = controlList(rule, path, "TargetControls", panelArn, controls);
            RuleConfig config = ruleConfig(rule, path, gating.size(), "gating controls");
            long waitPeriodMs = waitPeriod(rule, path);
            return build(path, () -> new GatingRule(arn, name, gating, targets, config, waitPeriodMs));
        }

        private <T> T build(String path, Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private String ruleName(ObjectNode rule, String path, Set<String> ruleNames) {
            String name = requiredText(rule, path, "Name");
            requireName(name, path + ".Name");
            if (!ruleNames.add(name)) {
                throw error(path + ".Name", "another safety rule of this panel is already named \"" + name + "\"");
            }
            return name;
        }

        private String ruleArn(ObjectNode rule, String path, String panelArn, String name) {
            String arn = optionalText(rule, path, "SafetyRuleArn");
            if (arn == null) {
                arn = Arns.safetyRuleArn(panelArn, name);
            } else if (!Arns.isSafetyRuleArnIn(arn, panelArn)) {
                throw error(path + ".SafetyRuleArn", "must look like " + panelArn
                        + "/safetyrule/<16 hex digits> (inside its control panel), got \"" + arn + "\"");
            }
            if (!safetyRuleArns.add(arn)) {
                throw error(path + ".SafetyRuleArn", "another safety rule already has the ARN " + arn);
            }
            return arn;
        }

        /** A rule's control list: each entry a routing control ARN or name from the same panel. */
        private List<String> controlList(ObjectNode rule, String path, String field, String panelArn,
                                         Map<String, String> controls) {
            List<JsonNode> entries = array(rule, path, field, true);
            if (entries.isEmpty()) {
                throw error(path + "." + field, "must name at least one routing control");
            }
            var arns = new ArrayList<String>();
            for (int i = 0; i < entries.size(); i++) {
                String entryPath = path + "." + field + "[" + i + "]";
                JsonNode entry = entries.get(i);
                if (!entry.isTextual()) {
                    throw error(entryPath, "must be a routing control ARN or name (a string)");
                }
                String reference = entry.asText();
                String arn = reference.startsWith("arn:") ? reference : controls.get(reference);
                if (arn == null || !controls.containsValue(arn)) {
                    throw error(entryPath, "\"" + reference + "\" is not a routing control of control panel " + panelArn
                            + " (safety rules can only name controls of their own panel)");
                }
                if (arns.contains(arn)) {
                    throw error(entryPath, "names routing control " + arn + " a second time");
                }
                arns.add(arn);
            }
            return arns;
        }

        private RuleConfig ruleConfig(ObjectNode rule, String path, int controlCount, String controlsLabel) {
            String configPath = path + ".RuleConfig";
            JsonNode node = rule.get("RuleConfig");
            if (node == null || node.isNull()) {
                throw error(configPath, "is required");
            }
            ObjectNode config = object(node, configPath);
            checkFields(config, configPath, RULE_CONFIG_FIELDS);
            String typeName = requiredText(config, configPath, "Type");
            RuleType type;
            try {
                type = RuleType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw error(configPath + ".Type", "must be ATLEAST, AND or OR, got \"" + typeName + "\"");
            }
            JsonNode thresholdNode = config.get("Threshold");
            int threshold = 1;
            if (thresholdNode != null && !thresholdNode.isNull()) {
                if (!thresholdNode.canConvertToInt() || !thresholdNode.isIntegralNumber()) {
                    throw error(configPath + ".Threshold", "must be an integer, got " + thresholdNode);
                }
                threshold = thresholdNode.intValue();
            } else if (type == RuleType.ATLEAST) {
                throw error(configPath + ".Threshold", "is required for an ATLEAST rule");
            }
            if (type == RuleType.ATLEAST && (threshold < 1 || threshold > controlCount)) {
                throw error(configPath + ".Threshold", "must be between 1 and the number of " + controlsLabel
                        + " (" + controlCount + "), got " + threshold);
            }
            JsonNode invertedNode = config.get("Inverted");
            boolean inverted = false;
            if (invertedNode != null && !invertedNode.isNull()) {
                if (!invertedNode.isBoolean()) {
                    throw error(configPath + ".Inverted", "must be true or false, got " + invertedNode);
                }
                inverted = invertedNode.booleanValue();
            }
            return new RuleConfig(type, threshold, inverted);
        }

        private long waitPeriod(ObjectNode rule, String path) {
            JsonNode node = rule.get("WaitPeriodMs");
            if (node == null || node.isNull()) {
                return DEFAULT_WAIT_PERIOD_MS;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw error(path + ".WaitPeriodMs", "must be a whole number of milliseconds, 0 or more, got " + node);
            }
            return node.longValue();
        }

        private ObjectNode object(JsonNode node, String path) {
            if (!(node instanceof ObjectNode object)) {
                throw error(path, "must be an object, got " + describe(node));
            }
            return object;
        }

        private void checkFields(ObjectNode node, String path, Set<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(join(path, name), "unknown field; expected one of " + allowed.stream().sorted().toList());
                }
            }
        }

        private String optionalText(ObjectNode node, String path, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw error(join(path, field), "must be a string, got " + describe(value));
            }
            return value.asText();
        }

        private String requiredText(ObjectNode node, String path, String field) {
            String value = optionalText(node, path, field);
            if (value == null) {
                throw error(join(path, field), "is required");
            }
            return value;
        }

        private List<JsonNode> array(ObjectNode node, String path, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error(join(path, field), "is required");
                }
                return List.of();
            }
            if (!value.isArray()) {
                throw error(join(path, field), "must be a list, got " + describe(value));
            }
            var items = new ArrayList<JsonNode>();
            value.forEach(items::add);
            return items;
        }

        private void requireName(String name, String path) {
            if (name.isEmpty() || name.length() > NAME_MAX_LENGTH || !NAME.matcher(name).matches()) {
                throw error(path, "must be 1-" + NAME_MAX_LENGTH + " characters without whitespace, got \"" + name + "\"");
            }
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private static String describe(JsonNode node) {
            return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
        }
    }
}
