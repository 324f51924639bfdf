package dev.cellguard.orchestrator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cellguard.config.YamlFile;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.RuleType;
import dev.cellguard.safety.SafetyRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the failover policy (YAML). A problem is reported as the file, the path of the
 * field (e.g. {@code policies[0].when.sustainedFor}) and the reason. Safety rules are written in the
 * shape of ARC's control-config API ({@code ASSERTION} / {@code GATING} with PascalCase members), so
 * the rules of the control panel can be pasted as they are.
 */
public final class PolicyLoader {

    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:route53-recovery-control::\\d{12}:controlpanel/[0-9a-zA-Z]+/(routingcontrol|safetyrule)/[0-9a-zA-Z]+$");

    public PolicyDocument load(Path file) {
        return read(YamlFile.read(file, PolicyException::new));
    }

    public PolicyDocument parse(String source, String text) {
        return read(YamlFile.parse(source, text, PolicyException::new));
    }

    private static PolicyDocument read(YamlFile<PolicyException> file) {
        return new Reader(file).document(file.root(), version(file.text()));
    }

    private static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Reader {
        private final YamlFile<PolicyException> file;

        Reader(YamlFile<PolicyException> file) {
            this.file = file;
        }

        PolicyDocument document(JsonNode root, String version) {
            file.mapping(root, "(top level)", Set.of("recoveryGroup", "cells", "policies", "failback", "approvals", "startupGrace",
                    "safetyRules"));
            String group = file.name(root.get("recoveryGroup"), "recoveryGroup");
            List<CellRoute> cells = cells(root.get("cells"));
            Set<String> arns = new HashSet<>();
            cells.forEach(c -> arns.add(c.routingControlArn()));
            List<Policy> policies = new ArrayList<>();
            JsonNode policyNodes = file.list(root.get("policies"), "policies");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < policyNodes.size(); i++) {
                Policy policy = policy(policyNodes.get(i), "policies[" + i + "]");
                if (!names.add(policy.name())) {
                    throw file.fail("policies[" + i + "].name", "'" + policy.name() + "' is used twice");
                }
                policies.add(policy);
            }
            Failback failback = new Failback(Mode.APPROVAL, Duration.ofMinutes(30));
            if (root.has("failback")) {
                JsonNode node = root.get("failback");
                file.mapping(node, "failback", Set.of("mode", "stableFor"));
                failback = new Failback(file.constant(node.get("mode"), "failback.mode", Mode.class), file.duration(node.get("stableFor"), "failback.stableFor"));
            }
            Duration approvalTimeout = Duration.ofMinutes(15);
            if (root.has("approvals")) {
                file.mapping(root.get("approvals"), "approvals", Set.of("expireAfter"));
                approvalTimeout = file.duration(root.get("approvals").get("expireAfter"), "approvals.expireAfter");
            }
            Duration grace = root.has("startupGrace") ? file.duration(root.get("startupGrace"), "startupGrace") : Duration.ofSeconds(30);
            List<SafetyRule> rules = safetyRules(root.get("safetyRules"), arns);
            return new PolicyDocument(file.source(), version, group, cells, policies, failback, approvalTimeout, grace, rules);
        }

        private List<CellRoute> cells(JsonNode node) {
            if (node == null || !node.isObject() || node.size() < 2) {
                throw file.fail("cells", "at least two cells are needed, each { routingControl: <arn>, priority: <n> }");
            }
            List<CellRoute> cells = new ArrayList<>();
            Set<Integer> priorities = new HashSet<>();
            Map<String, String> cellOfControl = new java.util.HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "cells." + e.getKey();
                if (!YamlFile.NAME.matcher(e.getKey()).matches()) {
                    throw file.fail(path, "'" + e.getKey() + "' is not a valid cell name");
                }
                file.mapping(e.getValue(), path, Set.of("routingControl", "priority"));
                String arn = routingControlArn(e.getValue().get("routingControl"), path + ".routingControl");
                String other = cellOfControl.putIfAbsent(arn, e.getKey());
                if (other != null) {
                    throw file.fail(path + ".routingControl", arn + " is already the routing control of " + other);
                }
                int priority = file.integer(e.getValue().get("priority"), path + ".priority", 1, 100);
                if (!priorities.add(priority)) {
                    throw file.fail(path + ".priority", "priority " + priority + " is used twice");
                }
                cells.add(new CellRoute(e.getKey(), arn, priority));
            }
            return cells;
        }

        private Policy policy(JsonNode node, String path) {
            file.mapping(node, path, Set.of("name", "mode", "when", "require", "cooldown", "maxFailoversPerHour"));
            String name = file.name(node.get("name"), path + ".name");
            if (Failback.POLICY_NAME.equals(name)) {
                throw file.fail(path + ".name", "'failback' is reserved for the failback section");
            }
            JsonNode when = node.get("when");
            file.mapping(when, path + ".when", Set.of("health", "readiness", "sustainedFor", "observersAgreeing"));
            Trigger.Condition condition;
            if (when.has("health") == when.has("readiness")) {
                throw file.fail(path + ".when", "give exactly one of health: UNHEALTHY or readiness: NOT_READY");
            } else if (when.has("health")) {
                file.expect(when.get("health"), path + ".when.health", "UNHEALTHY");
                condition = Trigger.Condition.HEALTH_UNHEALTHY;
            } else {
                file.expect(when.get("readiness"), path + ".when.readiness", "NOT_READY");
                condition = Trigger.Condition.READINESS_NOT_READY;
            }
            Duration sustained = when.has("sustainedFor") ? file.duration(when.get("sustainedFor"), path + ".when.sustainedFor") : Duration.ZERO;
            int agreeing = when.has("observersAgreeing") ? file.integer(when.get("observersAgreeing"), path + ".when.observersAgreeing", 1, 10) : 1;
            Requirements require = Requirements.STRICT;
            if (node.has("require")) {
                JsonNode r = node.get("require");
                file.mapping(r, path + ".require", Set.of("targetReadiness", "targetHealth", "targetDrift"));
                require = new Requirements(
                        !r.has("targetReadiness") || file.oneOf(r.get("targetReadiness"), path + ".require.targetReadiness", "READY", "ANY").equals("READY"),
                        !r.has("targetHealth") || file.oneOf(r.get("targetHealth"), path + ".require.targetHealth", "HEALTHY", "ANY").equals("HEALTHY"),
                        !r.has("targetDrift") || file.oneOf(r.get("targetDrift"), path + ".require.targetDrift", "none", "any").equals("none"));
            }
            Duration cooldown = node.has("cooldown") ? file.duration(node.get("cooldown"), path + ".cooldown") : Duration.ofMinutes(10);
            int perHour = node.has("maxFailoversPerHour") ? file.integer(node.get("maxFailoversPerHour"), path + ".maxFailoversPerHour", 1, 60) : 2;
            return new Policy(name, file.constant(node.get("mode"), path + ".mode", Mode.class), new Trigger(condition, sustained, agreeing), require,
                    cooldown, perHour);
        }

        private List<SafetyRule> safetyRules(JsonNode node, Set<String> knownControls) {
            List<SafetyRule> rules = new ArrayList<>();
            if (node == null || node.isNull()) {
                return rules;
            }
            JsonNode items = file.list(node, "safetyRules");
            Set<String> arns = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String path = "safetyRules[" + i + "]";
                JsonNode item = items.get(i);
                file.mapping(item, path, Set.of("ASSERTION", "GATING"));
                if (item.size() != 1) {
                    throw file.fail(path, "give exactly one of ASSERTION or GATING");
                }
                SafetyRule rule;
                if (item.has("ASSERTION")) {
                    String p = path + ".ASSERTION";
                    JsonNode a = item.get("ASSERTION");
                    file.mapping(a, p, Set.of("Name", "SafetyRuleArn", "ControlPanelArn", "AssertedControls", "RuleConfig", "WaitPeriodMs"));
                    List<String> asserted = controls(a.get("AssertedControls"), p + ".AssertedControls", knownControls);
                    rule = new AssertionRule(safetyRuleArn(a.get("SafetyRuleArn"), p + ".SafetyRuleArn"), file.name(a.get("Name"), p + ".Name"),
                            asserted, ruleConfig(a.get("RuleConfig"), p + ".RuleConfig", asserted.size()),
                            waitPeriod(a.get("WaitPeriodMs"), p + ".WaitPeriodMs"));
                } else {
                    String p = path + ".GATING";
                    JsonNode g = item.get("GATING");
                    file.mapping(g, p, Set.of("Name", "SafetyRuleArn", "ControlPanelArn", "GatingControls", "TargetControls", "RuleConfig", "WaitPeriodMs"));
                    List<String> gating = controls(g.get("GatingControls"), p + ".GatingControls", null);
                    rule = new GatingRule(safetyRuleArn(g.get("SafetyRuleArn"), p + ".SafetyRuleArn"), file.name(g.get("Name"), p + ".Name"),
                            gating, controls(g.get("TargetControls"), p + ".TargetControls", knownControls),
                            ruleConfig(g.get("RuleConfig"), p + ".RuleConfig", gating.size()),
                            waitPeriod(g.get("WaitPeriodMs"), p + ".WaitPeriodMs"));
                }
                if (!arns.add(rule.arn())) {
                    throw file.fail(path, "safety rule " + rule.arn() + " is listed twice");
                }
                rules.add(rule);
            }
            return rules;
        }

        private List<String> controls(JsonNode node, String path, Set<String> mustBeKnown) {
            JsonNode items = file.list(node, path);
            if (items.isEmpty()) {
                throw file.fail(path, "at least one routing control is needed");
            }
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String arn = routingControlArn(items.get(i), path + "[" + i + "]");
                if (mustBeKnown != null && !mustBeKnown.contains(arn)) {
                    throw file.fail(path + "[" + i + "]", arn + " is not the routing control of any cell");
                }
                if (arns.contains(arn)) {
                    throw file.fail(path + "[" + i + "]", arn + " is listed twice");
                }
                arns.add(arn);
            }
            return arns;
        }

        private RuleConfig ruleConfig(JsonNode node, String path, int controls) {
            file.mapping(node, path, Set.of("Type", "Threshold", "Inverted"));
            RuleType type;
            try {
                type = RuleType.valueOf(file.text(node.get("Type"), path + ".Type"));
            } catch (IllegalArgumentException e) {
                throw file.fail(path + ".Type", "must be ATLEAST, AND or OR");
            }
            int threshold = node.has("Threshold") ? file.integer(node.get("Threshold"), path + ".Threshold", 0, 100) : 1;
            if (type == RuleType.ATLEAST && (threshold < 1 || threshold > controls)) {
                throw file.fail(path + ".Threshold", "ATLEAST needs a threshold from 1 to the " + controls + " control(s) of the rule");
            }
            if (node.has("Inverted") && !node.get("Inverted").isBoolean()) {
                throw file.fail(path + ".Inverted", "must be true or false");
            }
            boolean inverted = node.has("Inverted") && node.get("Inverted").booleanValue();
            return new RuleConfig(type, threshold, inverted);
        }

        private long waitPeriod(JsonNode node, String path) {
            return node == null ? 5000 : file.integer(node, path, 0, 86_400_000);
        }

        private String routingControlArn(JsonNode node, String path) {
            String arn = file.text(node, path);
            if (!ARN.matcher(arn).matches() || !arn.contains("/routingcontrol/")) {
                throw file.fail(path, "'" + arn + "' is not a routing control ARN (arn:aws:route53-recovery-control::<account>:controlpanel/<id>/routingcontrol/<id>)");
            }
            return arn;
        }

        private String safetyRuleArn(JsonNode node, String path) {
            String arn = file.text(node, path);
            if (!ARN.matcher(arn).matches() || !arn.contains("/safetyrule/")) {
                throw file.fail(path, "'" + arn + "' is not a safety rule ARN");
            }
            return arn;
        }

    }
}
