package dev.cellguard.arc.local;

import dev.cellguard.arc.local.topology.TopologyException;
import dev.cellguard.safety.EvaluationOptions;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a local ARC on its own until Ctrl-C:
 * {@code java -jar local-arc/target/local-arc.jar --ports=4001,4002,4003,4004,4005 --admin-port=4000}.
 *
 * <p>Every {@link Option} can be given as {@code --name=value} (or {@code --name value}) or as the
 * system property {@code cellguard.arc.<name>}; arguments win over system properties.
 */
public final class LocalArcMain {

    /** The command-line options; the README's option table is checked against this list by a test. */
    public enum Option {
        TOPOLOGY("topology", "topology file (JSON, or YAML if it ends in .yaml/.yml)", "the built-in default topology"),
        PORTS("ports", "five endpoint ports, comma-separated, in the order " + String.join(",", LocalArc.REGIONS),
                "0,0,0,0,0 (ephemeral)"),
        ADMIN_PORT("admin-port", "admin API port", "0 (ephemeral)"),
        BIND("bind", "address every port binds to", "127.0.0.1"),
        MUTATING_CALLS_PER_SECOND("mutating-calls-per-second", "update calls allowed per second per endpoint (0 = unlimited)",
                "3"),
        GATING_EVALUATION("gating-evaluation", "CURRENT_STATE or PROPOSED_STATE: which state gating rules read", "CURRENT_STATE"),
        NO_OP_ENTRIES_TRIGGER_RULES("no-op-entries-trigger-rules", "true: entries that change nothing are checked like changes",
                "false"),
        WAIT_PERIOD_TRIGGER("wait-period-trigger", "GOVERNED_CONTROL_CHANGE, ANY_RULE_CONTROL_CHANGE or DISABLED",
                "GOVERNED_CONTROL_CHANGE");

        private final String optionName;
        private final String description;
        private final String defaultValue;

        Option(String optionName, String description, String defaultValue) {
            this.optionName = optionName;
            this.description = description;
            this.defaultValue = defaultValue;
        }

        /** The argument, e.g. {@code --admin-port}. */
        public String argument() {
            return "--" + optionName;
        }

        /** The system property, e.g. {@code cellguard.arc.admin-port}. */
        public String systemProperty() {
            return "cellguard.arc." + optionName;
        }

        public String description() {
            return description;
        }

        public String defaultValue() {
            return defaultValue;
        }

        static Option byArgument(String argument) {
            for (Option option : values()) {
                if (option.argument().equals(argument)) {
                    return option;
                }
            }
            throw new IllegalArgumentException("Unknown option " + argument);
        }
    }

    private LocalArcMain() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(usage());
            return;
        }
        LocalArcConfig config;
        try {
            config = parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        LocalArc arc;
        try {
            arc = LocalArc.start(config);
        } catch (TopologyException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // The HTTP servers' threads keep the JVM alive; Ctrl-C (SIGINT/SIGTERM) runs this hook.
        Runtime.getRuntime().addShutdownHook(new Thread(arc::close, "local-arc-shutdown"));
        printBanner(arc, System.out);
    }

    /**
     * Builds the configuration from arguments and system properties.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static LocalArcConfig parse(String[] args, Properties properties) {
        Map<Option, String> values = new HashMap<>();
        for (Option option : Option.values()) {
            String value = properties.getProperty(option.systemProperty());
            if (value != null) {
                values.put(option, value);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument \"" + arg + "\"");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(Option.byArgument(arg.substring(0, equals)), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(Option.byArgument(arg), args[++i]);
            } else {
                throw new IllegalArgumentException("Option " + arg + " needs a value");
            }
        }

        LocalArcConfig config = LocalArcConfig.defaults();
        EvaluationOptions options = config.evaluationOptions();
        for (Map.Entry<Option, String> entry : values.entrySet()) {
            String value = entry.getValue().trim();
            Option option = entry.getKey();
            try {
                switch (option) {
                    case TOPOLOGY -> config = config.withTopologyFile(Path.of(value));
                    case PORTS -> config = config.withEndpointPorts(
                            Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList());
                    case ADMIN_PORT -> config = config.withAdminPort(Integer.parseInt(value));
                    case BIND -> config = config.withBindAddress(value);
                    case MUTATING_CALLS_PER_SECOND -> config = config.withMutatingCallsPerSecond(Integer.parseInt(value));
                    case GATING_EVALUATION -> options = options.withGatingEvaluation(
                            EvaluationOptions.GatingEvaluation.valueOf(value));
                    case NO_OP_ENTRIES_TRIGGER_RULES -> options = options.withNoOpEntriesTriggerRules(parseBoolean(value));
                    case WAIT_PERIOD_TRIGGER -> options = options.withWaitPeriodTrigger(
                            EvaluationOptions.WaitPeriodTrigger.valueOf(value));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid " + option.argument() + " \"" + value + "\": " + e.getMessage(), e);
            }
        }
        return config.withEvaluationOptions(options);
    }

    private static boolean parseBoolean(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    /** What the main prints once the cluster is up: one line per endpoint and the admin URL. */
    public static void printBanner(LocalArc arc, PrintStream out) {
        out.println("Local Route 53 ARC cluster " + arc.topology().clusterArn());
        out.println("  topology: " + arc.topology().source());
        for (Endpoint endpoint : arc.endpoints()) {
            out.printf("  %-16s %s%n", endpoint.region(), endpoint.url());
        }
        out.printf("  %-16s %s%n", "admin", arc.adminUrl().resolve("/admin/state"));
        out.println("Ready. Press Ctrl-C to stop.");
        out.flush();
    }

    static String usage() {
        var text = new StringBuilder("Usage: java -jar local-arc.jar [options]\n");
        for (Option option : Option.values()) {
            text.append(String.format("  %-32s %s (default: %s; system property %s)%n", option.argument() + "=...",
                    option.description(), option.defaultValue(), option.systemProperty()));
        }
        return text.toString();
    }

    /** The options as a list, for documentation checks. */
    public static List<Option> options() {
        return List.of(Option.values());
    }
}
