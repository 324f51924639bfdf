package dev.cellguard.deploy.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables {@code deploy/aws/cluster-vars.sh} puts into each cluster's ConfigMap cellguard-aws, as
 * its {@code put} lines declare them, and sample values for them taken from the {@link SampleAccount}.
 */
public final class ClusterVars {

    public static final String SCRIPT = "deploy/aws/cluster-vars.sh";

    private static final Pattern PUT = Pattern.compile("^put\\s+(\\w+)\\s+(\\w+)(.*)$", Pattern.MULTILINE);

    /** One {@code put <variable> <source> [arguments]} line. */
    public record Variable(String name, String source, List<String> arguments) {

        /** For {@code output <stack> <key>}: the stack's name in this cluster. */
        public String stack(String cluster) {
            return arguments.get(0).replace("$cluster", cluster);
        }
    }

    private ClusterVars() {
    }

    public static List<Variable> declared() {
        List<Variable> variables = new ArrayList<>();
        Matcher matcher = PUT.matcher(Repo.read(SCRIPT));
        while (matcher.find()) {
            variables.add(new Variable(matcher.group(1), matcher.group(2), ShellCommands.words(matcher.group(3))));
        }
        return variables;
    }

    /** What the script would put into the cluster's ConfigMap in the {@link SampleAccount}. */
    public static Map<String, String> sampleValues(String cluster) {
        SampleAccount account = SampleAccount.fromReadme();
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : declared()) {
            String value = switch (variable.source()) {
                case "output" -> account.stack(variable.stack(cluster)).output(variable.arguments().get(1));
                case "arc_endpoint" -> arcEndpoint(variable.arguments().get(0));
                case "input" -> sampleInput(variable.arguments().get(0));
                case "registry" -> SampleAccount.ACCOUNT_ID + ".dkr.ecr." + cluster + ".amazonaws.com";
                default -> throw new IllegalArgumentException(SCRIPT + ": unknown source " + variable.source()
                        + " of " + variable.name());
            };
            values.put(variable.name(), value);
        }
        return values;
    }

    /** Sample values of the inputs the script asks for (at its top). */
    static String sampleInput(String input) {
        Matcher region = Pattern.compile("^APP_(HEALTH_URL|LOAD_BALANCER_ARN)_(US_WEST_2|EU_WEST_1)$").matcher(input);
        if (region.matches()) {
            String r = region.group(2).toLowerCase().replace('_', '-');
            return region.group(1).equals("HEALTH_URL")
                    ? "https://orders." + r + ".example.com/health"
                    : "arn:aws:elasticloadbalancing:" + r + ":" + SampleAccount.ACCOUNT_ID + ":loadbalancer/app/orders/" + hex(r, 16);
        }
        return switch (input) {
            case "JWT_ISSUER" -> "https://idp.example.com/realms/ops";
            case "JWT_JWKS_URL" -> "https://idp.example.com/realms/ops/protocol/openid-connect/certs";
            default -> throw new IllegalArgumentException(SCRIPT + " asks for input " + input + ": give it a sample value in ClusterVars");
        };
    }

    private static String arcEndpoint(String region) {
        return "https://" + hex(region, 8) + ".route53-recovery-cluster." + region + ".amazonaws.com/v1";
    }

    private static String hex(String seed, int length) {
        return HexFormat.of().formatHex(seed.repeat(8).getBytes(StandardCharsets.UTF_8)).substring(0, length);
    }
}
