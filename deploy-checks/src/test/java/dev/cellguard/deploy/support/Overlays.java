package dev.cellguard.deploy.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The Kustomize overlays, rendered with {@code kubectl kustomize} as Flux's kustomize-controller builds
 * them, then given the values Flux substitutes after the build ({@code ${name}}: the Kustomization's
 * inline {@code substitute} and the ConfigMap cellguard-aws).
 */
public final class Overlays {

    public static final String OVERLAYS = "deploy/k8s/overlays";
    public static final String NAMESPACE = "deploy/k8s/namespace";

    /** Flux's rule for variable names. */
    public static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern VALID_NAME = Pattern.compile("^[_a-zA-Z][_a-zA-Z0-9]*$");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static final Map<String, Deployed> DEPLOYED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    public static List<String> clusters() {
        return Flux.directories(OVERLAYS);
    }

    /** {@code kubectl kustomize <directory>}; the test is skipped when kubectl is not installed. */
    public static String render(String directory) {
        Assumptions.assumeTrue(Commands.onPath("kubectl"),
                "kubectl is not installed: the Kustomize overlays cannot be rendered here");
        return RENDERED.computeIfAbsent(directory,
                d -> Commands.run(Duration.ofMinutes(1), "kubectl", "kustomize", d).output());
    }

    /** The names of the {@code ${…}} variables in a text. */
    public static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Substitutes as Flux does; every variable must have a valid name and a value. */
    public static String substitute(String text, Map<String, String> values, String where) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!VALID_NAME.matcher(name).matches()) {
                throw new AssertionError(where + ": ${" + name + "} is not a variable name Flux accepts");
            }
            String value = values.get(name);
            if (value == null) {
                throw new AssertionError(where + ": nothing provides ${" + name + "} (neither the Flux Kustomization's "
                        + "postBuild.substitute nor " + ClusterVars.SCRIPT + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Every value Flux substitutes into the cluster's overlay, with the sample account's values. */
    public static Map<String, String> substitutionValues(String cluster) {
        Map<String, String> values = new LinkedHashMap<>(ClusterVars.sampleValues(cluster));
        values.putAll(Flux.substitutions(cluster));
        return values;
    }

    /** The cluster's overlay as Flux would apply it, every object parsed strictly. */
    public static Deployed deployed(String cluster) {
        return DEPLOYED.computeIfAbsent(cluster, c -> {
            String directory = OVERLAYS + "/" + c;
            String text = substitute(render(directory), substitutionValues(c), directory);
            return Deployed.parse(c, text, directory);
        });
    }
}
