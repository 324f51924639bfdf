package dev.cellguard.deploy.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stacks deploy/README.md tells you to create, exactly as its {@code aws cloudformation deploy}
 * commands say (stack name, template, Region, literal parameter values), in one sample account. A
 * parameter the README gives as a shell expression (a VPC id, an OIDC issuer) gets a sample value here.
 */
public final class SampleAccount {

    public static final String ACCOUNT_ID = "111122223333";
    public static final String README = "deploy/README.md";

    /** Values for the parameters the README fills in from your environment. */
    private static final Map<String, Object> SAMPLE_PARAMETERS = Map.of(
            "HostedZoneId", "Z0123456789ABCDEFGHIJ",
            "RecordName", "orders.example.com",
            "UsWest2Endpoint", "orders-1234567890.us-west-2.elb.amazonaws.com",
            "EuWest1Endpoint", "orders-0987654321.eu-west-1.elb.amazonaws.com",
            "MaintenanceEndpoint", "maintenance.example.com",
            "VpcId", "vpc-0a1b2c3d4e5f60718",
            "SubnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"),
            "UsWest2ClusterCidr", "10.10.0.0/16",
            "EuWest1ClusterCidr", "10.20.0.0/16");

    private static SampleAccount fromReadme;

    private final List<Stack> stacks = new ArrayList<>();

    private SampleAccount() {
    }

    /** The account after every {@code aws cloudformation deploy} of deploy/README.md. */
    public static synchronized SampleAccount fromReadme() {
        if (fromReadme == null) {
            SampleAccount account = new SampleAccount();
            for (ShellCommands.Command command : ShellCommands.starting(README, "aws", "cloudformation", "deploy")) {
                account.deploy(command);
            }
            fromReadme = account;
        }
        return fromReadme;
    }

    public List<Stack> stacks() {
        return List.copyOf(stacks);
    }

    public Optional<Stack> find(String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Stack stack(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(README + " deploys no stack " + name));
    }

    /** The stacks made from one template (one per Region or cluster where the README deploys it). */
    public List<Stack> stacksOf(String templateName) {
        return stacks.stream().filter(s -> s.template().name().equals(templateName)).toList();
    }

    String importValue(String region, String exportName) {
        for (Stack stack : stacks) {
            if (stack.region().equals(region)) {
                String value = stack.exports().get(exportName);
                if (value != null) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("no stack in " + region + " exports " + exportName);
    }

    private void deploy(ShellCommands.Command command) {
        String name = command.option("--stack-name").orElseThrow(() -> new IllegalArgumentException("no --stack-name: " + command));
        String region = command.option("--region").orElseThrow(() -> new IllegalArgumentException("no --region: " + command));
        String file = command.option("--template-file").orElseThrow(() -> new IllegalArgumentException("no --template-file: " + command));
        if (!file.startsWith("deploy/aws/") || !file.endsWith(".yaml")) {
            throw new IllegalArgumentException("not a template of deploy/aws: " + file);
        }
        Template template = Template.load(file.substring("deploy/aws/".length(), file.length() - ".yaml".length()));
        Map<String, String> given = new LinkedHashMap<>();
        for (String override : command.arguments("--parameter-overrides")) {
            int eq = override.indexOf('=');
            given.put(override.substring(0, eq), override.substring(eq + 1));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        template.parameters().forEach((parameter, definition) -> {
            String literal = given.get(parameter);
            Object value;
            if (literal != null && !literal.contains("$")) {
                value = String.valueOf(definition.get("Type")).startsWith("List<") ? Arrays.asList(literal.split(",")) : literal;
            } else if (literal != null) {
                value = sample(parameter, given);
            } else if (definition.containsKey("Default")) {
                value = String.valueOf(definition.get("Default"));
            } else {
                throw new IllegalArgumentException(README + ": stack " + name + " needs parameter " + parameter);
            }
            values.put(parameter, value);
        });
        stacks.add(new Stack(this, name, region, template, values));
    }

    private static Object sample(String parameter, Map<String, String> given) {
        if (parameter.equals("OidcProvider")) {
            return "oidc.eks." + given.getOrDefault("ClusterRegion", "us-west-2") + ".amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
        }
        Object value = SAMPLE_PARAMETERS.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("no sample value for parameter " + parameter + ": add one to SampleAccount");
        }
        return value;
    }
}
