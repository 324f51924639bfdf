package dev.cellguard.deploy.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stack of a {@link SampleAccount}: a template with parameter values, evaluated as CloudFormation
 * would. What AWS generates (ARNs, endpoints, ids) gets deterministic sample values in the real formats,
 * so that the services' own loaders accept them and every value can be traced back to its resource.
 */
public final class Stack {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final SampleAccount account;
    private final String name;
    private final String region;
    private final Template template;
    private final Map<String, Object> parameters;

    Stack(SampleAccount account, String name, String region, Template template, Map<String, Object> parameters) {
        this.account = account;
        this.name = name;
        this.region = region;
        this.template = template;
        this.parameters = parameters;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public Template template() {
        return template;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Every output, evaluated. */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        template.outputs().forEach((key, output) -> outputs.put(key, string(output.get("Value"))));
        return outputs;
    }

    public String output(String key) {
        Map<String, Object> output = template.outputs().get(key);
        if (output == null) {
            throw new IllegalArgumentException(template.file() + " (stack " + name + ") has no output " + key);
        }
        return string(output.get("Value"));
    }

    /** Export name to value. */
    public Map<String, String> exports() {
        Map<String, String> exports = new LinkedHashMap<>();
        template.outputs().forEach((key, output) -> {
            if (output.get("Export") instanceof Map<?, ?> export) {
                exports.put(string(export.get("Name")), string(output.get("Value")));
            }
        });
        return exports;
    }

    /** The value with every intrinsic function evaluated. */
    public Object resolve(Object value) {
        var function = Template.intrinsic(value);
        if (function.isPresent()) {
            return evaluate(function.get().getKey(), function.get().getValue());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(v -> resolved.add(resolve(v)));
            return resolved;
        }
        return value;
    }

    public String string(Object value) {
        Object resolved = resolve(value);
        if (resolved instanceof Map<?, ?> || resolved instanceof List<?>) {
            throw new IllegalArgumentException(template.file() + ": expected a single value, got " + resolved);
        }
        return String.valueOf(resolved);
    }

    public List<String> strings(Object value) {
        Object resolved = resolve(value);
        if (resolved instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(resolved));
    }

    private Object evaluate(String function, Object argument) {
        return switch (function) {
            case "Ref" -> ref((String) argument);
            case "Fn::GetAtt" -> {
                List<?> parts = (List<?>) argument;
                yield attribute(String.valueOf(parts.get(0)), string(parts.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::ImportValue" -> account.importValue(region, string(argument));
            case "Fn::FindInMap" -> findInMap((List<?>) argument);
            case "Fn::Select" -> {
                List<?> parts = (List<?>) argument;
                int index = Integer.parseInt(string(parts.get(0)));
                yield ((List<?>) resolve(parts.get(1))).get(index);
            }
            case "Fn::GetAZs" -> List.of(region + "a", region + "b", region + "c");
            case "Fn::Join" -> {
                List<?> parts = (List<?>) argument;
                yield String.join(string(parts.get(0)), strings(parts.get(1)));
            }
            default -> throw new IllegalArgumentException(template.file() + ": " + function + " is not evaluated by the checks");
        };
    }

    private Object ref(String target) {
        switch (target) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return SampleAccount.ACCOUNT_ID;
            case "AWS::Partition":
                return "aws";
            case "AWS::StackName":
                return name;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (template.parameters().containsKey(target)) {
            Object value = parameters.get(target);
            if (value == null) {
                throw new IllegalArgumentException("stack " + name + " has no value for parameter " + target);
            }
            return value;
        }
        String type = template.type(target);
        return switch (type) {
            case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + SampleAccount.ACCOUNT_ID + "/"
                    + string(template.properties(target).get("QueueName"));
            case "AWS::Route53::HealthCheck" -> uuid(target);
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:" + region + ":" + SampleAccount.ACCOUNT_ID + ":secret:"
                    + string(template.properties(target).get("Name")) + "-" + hex(target, 6);
            case "AWS::RDS::DBCluster" -> (name + "-" + target).toLowerCase() + "-" + hex(target, 12);
            case "AWS::IAM::Role" -> string(template.properties(target).get("RoleName"));
            case "AWS::Route53RecoveryControl::Cluster" -> attribute(target, "ClusterArn");
            case "AWS::Route53RecoveryControl::ControlPanel" -> attribute(target, "ControlPanelArn");
            case "AWS::Route53RecoveryControl::RoutingControl" -> attribute(target, "RoutingControlArn");
            case "AWS::Route53RecoveryControl::SafetyRule" -> attribute(target, "SafetyRuleArn");
            default -> name + "-" + target + "-" + hex(target, 12);
        };
    }

    /** A sample value of {@code Fn::GetAtt logicalId.attribute}, in the format AWS returns it. */
    public String attribute(String logicalId, String attribute) {
        String type = template.type(logicalId);
        Map<String, Object> properties = template.properties(logicalId);
        String key = type + "." + attribute;
        return switch (key) {
            case "AWS::Route53RecoveryControl::Cluster.ClusterArn" ->
                    "arn:aws:route53-recovery-control::" + SampleAccount.ACCOUNT_ID + ":cluster/" + uuid(logicalId);
            case "AWS::Route53RecoveryControl::ControlPanel.ControlPanelArn" ->
                    "arn:aws:route53-recovery-control::" + SampleAccount.ACCOUNT_ID + ":controlpanel/" + hex(logicalId, 32);
            case "AWS::Route53RecoveryControl::RoutingControl.RoutingControlArn" ->
                    string(properties.get("ControlPanelArn")) + "/routingcontrol/" + hex(logicalId, 16);
            case "AWS::Route53RecoveryControl::SafetyRule.SafetyRuleArn" ->
                    string(properties.get("ControlPanelArn")) + "/safetyrule/" + hex(logicalId, 16);
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + SampleAccount.ACCOUNT_ID + ":role/" + string(properties.get("RoleName"));
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + region + ":" + SampleAccount.ACCOUNT_ID + ":" + string(properties.get("QueueName"));
            case "AWS::RDS::DBCluster.Endpoint.Address" ->
                    ref(logicalId) + ".cluster-" + hex(logicalId + "/endpoint", 12) + "." + region + ".rds.amazonaws.com";
            case "AWS::RDS::DBCluster.Endpoint.Port" -> properties.containsKey("Port") ? string(properties.get("Port")) : "5432";
            default -> throw new IllegalArgumentException(template.file() + ": the checks have no sample value for "
                    + logicalId + "." + attribute + " (" + type + ")");
        };
    }

    private Object sub(Object argument) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> parts) {
            text = (String) parts.get(0);
            ((Map<?, ?>) parts.get(1)).forEach((k, v) -> variables.put(String.valueOf(k), resolve(v)));
        } else {
            text = (String) argument;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = String.valueOf(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = attribute(variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                replacement = String.valueOf(ref(variable));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object findInMap(List<?> arguments) {
        String map = string(arguments.get(0));
        String first = string(arguments.get(1));
        String second = string(arguments.get(2));
        Map<String, Object> mapping = template.mappings().get(map);
        if (mapping == null || !(mapping.get(first) instanceof Map<?, ?> level) || !level.containsKey(second)) {
            throw new IllegalArgumentException(template.file() + ": no mapping " + map + "." + first + "." + second);
        }
        return level.get(second);
    }

    private String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((name + "/" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
