package dev.cellguard.orchestrator.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cellguard.safety.AssertionRule;
import dev.cellguard.safety.GatingRule;
import dev.cellguard.safety.RuleConfig;
import dev.cellguard.safety.RuleType;
import dev.cellguard.safety.SafetyRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the failover policy (YAML). A problem is reported as the file, the path of the
 * field (e.g. {@code policies[0].when.sustainedFor}) and the reason. Safety rules are written in the
 * shape of ARC's control-config API ({@code ASSERTION} / {@code GATING} with PascalCase members), so
 * the rules of the control panel can be pasted as they are.
 */
public final class PolicyLoader {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:route53-recovery-control::\\d{12}:controlpanel/[0-9a-zA-Z]+/(routingcontrol|safetyrule)/[0-9a-zA-Z]+$");
    private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");

    /** A key given twice in one mapping is refused rather than silently replacing the first. */
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public PolicyDocument load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    public PolicyDocument parse(String source, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyException(source, "(file)", "not valid YAML: " + e.getOriginalMessage());
        }
        return new Reader(source).document(root, version(text));
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
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        PolicyDocument document(JsonNode root, String version) {
            fields(root, "(top level)", Set.of("recoveryGroup", "cells", "policies", "failback", "approvals", "startupGrace",
                    "safetyRules"));
            String group = name(root.get("recoveryGroup"), "recoveryGroup");
            List<CellRoute> cells = cells(root.get("cells"));
            Set<String> arns = new HashSet<>();
            cells.forEach(c -> arns.add(c.routingControlArn()));
            List<Policy> policies = new ArrayList<>();
            JsonNode policyNodes = list(root.get("policies"), "policies");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < policyNodes.size(); i++) {
                Policy policy = policy(policyNodes.get(i), "policies[" + i + "]");
                if (!names.add(policy.name())) {
                    throw fail("policies[" + i + "].name", "'" + policy.name() + "' is used twice");
                }
                policies.add(policy);
            }
            Failback failback = new Failback(Mode.APPROVAL, Duration.ofMinutes(30));
            if (root.has("failback")) {
                JsonNode node = root.get("failback");
                fields(node, "failback", Set.of("mode", "stableFor"));
                failback = new Failback(mode(node.get("mode"), "failback.mode"), duration(node.get("stableFor"), "failback.stableFor"));
            }
            Duration approvalTimeout = Duration.ofMinutes(15);
            if (root.has("approvals")) {
                fields(root.get("approvals"), "approvals", Set.of("expireAfter"));
                approvalTimeout = duration(root.get("approvals").get("expireAfter"), "approvals.expireAfter");
            }
            Duration grace = root.has("startupGrace") ? duration(root.get("startupGrace"), "startupGrace") : Duration.ofSeconds(30);
            List<SafetyRule> rules = safetyRules(root.get("safetyRules"), arns);
            return new PolicyDocument(source, version, group, cells, policies, failback, approvalTimeout, grace, rules);
        }

        private List<CellRoute> cells(JsonNode node) {
            if (node == null || !node.isObject() || node.size() < 2) {
                throw fail("cells", "at least two cells are needed, each { routingControl: <arn>, priority: <n> }");
            }
            List<CellRoute> cells = new ArrayList<>();
            Set<Integer> priorities = new HashSet<>();
            Map<String, String> cellOfControl = new java.util.HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "cells." + e.getKey();
                if (!NAME.matcher(e.getKey()).matches()) {
                    throw fail(path, "'" + e.getKey() + "' is not a valid cell name");
                }
                fields(e.getValue(), path, Set.of("routingControl", "priority"));
                String arn = routingControlArn(e.getValue().get("routingControl"), path + ".routingControl");
                String other = cellOfControl.putIfAbsent(arn, e.getKey());
                if (other != null) {
                    throw fail(path + ".routingControl", arn + " is already the routing control of " + other);
                }
                int priority = integer(e.getValue().get("priority"), path + ".priority", 1, 100);
                if (!priorities.add(priority)) {
                    throw fail(path + ".priority", "priority " + priority + " is used twice");
                }
                cells.add(new CellRoute(e.getKey(), arn, priority));
            }
            return cells;
        }

        private Policy policy(JsonNode node, String path) {
            fields(node, path, Set.of("name", "mode", "when", "require", "cooldown", "maxFailoversPerHour"));
            String name = name(node.get("name"), path + ".name");
            if (Failback.POLICY_NAME.equals(name)) {
                throw fail(path + ".name", "'failback' is reserved for the failback section");
            }
            JsonNode when = node.get("when");
            fields(when, path + ".when", Set.of("health", "readiness", "sustainedFor", "observersAgreeing"));
            Trigger.Condition condition;
            if (when.has("health") == when.has("readiness")) {
                throw fail(path + ".when", "give exactly one of health: UNHEALTHY or readiness: NOT_READY");
            } else if (when.has("health")) {
                expect(when.get("health"), path + ".when.health", "UNHEALTHY");
                condition = Trigger.Condition.HEALTH_UNHEALTHY;
            } else {
                expect(when.get("readiness"), path + ".when.readiness", "NOT_READY");
                condition = Trigger.Condition.READINESS_NOT_READY;
            }
            Duration sustained = when.has("sustainedFor") ? duration(when.get("sustainedFor"), path + ".when.sustainedFor") : Duration.ZERO;
            int agreeing = when.has("observersAgreeing") ? integer(when.get("observersAgreeing"), path + ".when.observersAgreeing", 1, 10) : 1;
            Requirements require = Requirements.STRICT;
            if (node.has("require")) {
                JsonNode r = node.get("require");
                fields(r, path + ".require", Set.of("targetReadiness", "targetHealth", "targetDrift"));
                require = new Requirements(
                        !r.has("targetReadiness") || oneOf(r.get("targetReadiness"), path + ".require.targetReadiness", "READY", "ANY").equals("READY"),
                        !r.has("targetHealth") || oneOf(r.get("targetHealth"), path + ".require.targetHealth", "HEALTHY", "ANY").equals("HEALTHY"),
                        !r.has("targetDrift") || oneOf(r.get("targetDrift"), path + ".require.targetDrift", "none", "any").equals("none"));
            }
            Duration cooldown = node.has("cooldown") ? duration(node.get("cooldown"), path + ".cooldown") : Duration.ofMinutes(10);
            int perHour = node.has("maxFailoversPerHour") ? integer(node.get("maxFailoversPerHour"), path + ".maxFailoversPerHour", 1, 60) : 2;
            return new Policy(name, mode(node.get("mode"), path + ".mode"), new Trigger(condition, sustained, agreeing), require,
                    cooldown, perHour);
        }

        private List<SafetyRule> safetyRules(JsonNode node, Set<String> knownControls) {
            List<SafetyRule> rules = new ArrayList<>();
            if (node == null || node.isNull()) {
                return rules;
            }
            JsonNode items = list(node, "safetyRules");
            Set<String> arns = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String path = "safetyRules[" + i + "]";
                JsonNode item = items.get(i);
                fields(item, path, Set.of("ASSERTION", "GATING"));
                if (item.size() != 1) {
                    throw fail(path, "give exactly one of ASSERTION or GATING");
                }
                SafetyRule rule;
                if (item.has("ASSERTION")) {
                    String p = path + ".ASSERTION";
                    JsonNode a = item.get("ASSERTION");
                    fields(a, p, Set.of("Name", "SafetyRuleArn", "ControlPanelArn", "AssertedControls", "RuleConfig", "WaitPeriodMs"));
                    List<String> asserted = controls(a.get("AssertedControls"), p + ".AssertedControls", knownControls);
                    rule = new AssertionRule(safetyRuleArn(a.get("SafetyRuleArn"), p + ".SafetyRuleArn"), name(a.get("Name"), p + ".Name"),
                            asserted, ruleConfig(a.get("RuleConfig"), p + ".RuleConfig", asserted.size()),
                            waitPeriod(a.get("WaitPeriodMs"), p + ".WaitPeriodMs"));
                } else {
                    String p = path + ".GATING";
                    JsonNode g = item.get("GATING");
                    fields(g, p, Set.of("Name", "SafetyRuleArn", "ControlPanelArn", "GatingControls", "TargetControls", "RuleConfig", "WaitPeriodMs"));
                    List<String> gating = controls(g.get("GatingControls"), p + ".GatingControls", null);
                    rule = new GatingRule(safetyRuleArn(g.get("SafetyRuleArn"), p + ".SafetyRuleArn"), name(g.get("Name"), p + ".Name"),
                            gating, controls(g.get("TargetControls"), p + ".TargetControls", knownControls),
                            ruleConfig(g.get("RuleConfig"), p + ".RuleConfig", gating.size()),
                            waitPeriod(g.get("WaitPeriodMs"), p + ".WaitPeriodMs"));
                }
                if (!arns.add(rule.arn())) {
                    throw fail(path, "safety rule " + rule.arn() + " is listed twice");
                }
                rules.add(rule);
            }
            return rules;
        }

        private List<String> controls(JsonNode node, String path, Set<String> mustBeKnown) {
            JsonNode items = list(node, path);
            if (items.isEmpty()) {
                throw fail(path, "at least one routing control is needed");
            }
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String arn = routingControlArn(items.get(i), path + "[" + i + "]");
                if (mustBeKnown != null && !mustBeKnown.contains(arn)) {
                    throw fail(path + "[" + i + "]", arn + " is not the routing control of any cell");
                }
                if (arns.contains(arn)) {
                    throw fail(path + "[" + i + "]", arn + " is listed twice");
                }
                arns.add(arn);
            }
            return arns;
        }

        private RuleConfig ruleConfig(JsonNode node, String path, int controls) {
            fields(node, path, Set.of("Type", "Threshold", "Inverted"));
            RuleType type;
            try {
                type = RuleType.valueOf(text(node.get("Type"), path + ".Type"));
            } catch (IllegalArgumentException e) {
                throw fail(path + ".Type", "must be ATLEAST, AND or OR");
            }
            int threshold = node.has("Threshold") ? integer(node.get("Threshold"), path + ".Threshold", 0, 100) : 1;
            if (type == RuleType.ATLEAST && (threshold < 1 || threshold > controls)) {
                throw fail(path + ".Threshold", "ATLEAST needs a threshold from 1 to the " + controls + " control(s) of the rule");
            }
            if (node.has("Inverted") && !node.get("Inverted").isBoolean()) {
                throw fail(path + ".Inverted", "must be true or false");
            }
            boolean inverted = node.has("Inverted") && node.get("Inverted").booleanValue();
            return new RuleConfig(type, threshold, inverted);
        }

        private long waitPeriod(JsonNode node, String path) {
            return node == null ? 5000 : integer(node, path, 0, 86_400_000);
        }

        private Mode mode(JsonNode node, String path) {
            String value = text(node, path);
            try {
                return Mode.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw fail(path, "'" + value + "' is not one of AUTO, APPROVAL, DRY_RUN, DISABLED");
            }
        }

        private void fields(JsonNode node, String path, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                throw fail(path, "must be a mapping");
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw fail(path + "." + f, "unknown field; allowed here: " + new java.util.TreeSet<>(allowed));
                }
            });
        }

        private JsonNode list(JsonNode node, String path) {
            if (node == null || !node.isArray()) {
                throw fail(path, node == null ? "missing" : "must be a list");
            }
            return node;
        }

        private String text(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw fail(path, "missing");
            }
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw fail(path, "must be a non-empty text");
            }
            return node.asText();
        }

        private String name(JsonNode node, String path) {
            String value = text(node, path);
            if (!NAME.matcher(value).matches()) {
                throw fail(path, "'" + value + "' is not a valid name (letters, digits, '.', '_', '-'; at most 64)");
            }
            return value;
        }

        private void expect(JsonNode node, String path, String expected) {
            if (!expected.equals(text(node, path))) {
                throw fail(path, "must be " + expected);
            }
        }

        private String oneOf(JsonNode node, String path, String... allowed) {
            String value = text(node, path);
            for (String a : allowed) {
                if (a.equals(value)) {
                    return value;
                }
            }
            throw fail(path, "'" + value + "' is not one of " + String.join(", ", allowed));
        }

        private int integer(JsonNode node, String path, int min, int max) {
            if (node == null || !node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
                throw fail(path, "must be a whole number from " + min + " to " + max);
            }
            return node.asInt();
        }

        private Duration duration(JsonNode node, String path) {
            String value = text(node, path);
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                throw fail(path, "'" + value + "' is not a duration such as 500ms, 15s, 10m, 1h");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }

        private String routingControlArn(JsonNode node, String path) {
            String arn = text(node, path);
            if (!ARN.matcher(arn).matches() || !arn.contains("/routingcontrol/")) {
                throw fail(path, "'" + arn + "' is not a routing control ARN (arn:aws:route53-recovery-control::<account>:controlpanel/<id>/routingcontrol/<id>)");
            }
            return arn;
        }

        private String safetyRuleArn(JsonNode node, String path) {
            String arn = text(node, path);
            if (!ARN.matcher(arn).matches() || !arn.contains("/safetyrule/")) {
                throw fail(path, "'" + arn + "' is not a safety rule ARN");
            }
            return arn;
        }

        private PolicyException fail(String field, String reason) {
            return new PolicyException(source, field, reason);
        }
    }
}
