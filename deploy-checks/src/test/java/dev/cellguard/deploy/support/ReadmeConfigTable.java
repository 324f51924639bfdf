package dev.cellguard.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's configuration table: {@code | variable | service | meaning | default |}. */
public final class ReadmeConfigTable {

    public static final String README = "README.md";

    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([a-z]+) \\| [^|]+ \\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    /** One row: its variables (or keys), the service column ({@code all}, {@code monitor} …) and the default as written. */
    public record Row(List<String> names, String service, String defaultValue) {

        /** Whether the row is about that service. */
        public boolean covers(CellguardService s) {
            return switch (service) {
                case "all" -> true;
                case "monitor" -> s == CellguardService.READINESS_MONITOR;
                case "orchestrator" -> s == CellguardService.FAILOVER_ORCHESTRATOR;
                case "audit" -> s == CellguardService.AUDIT_SERVICE;
                default -> throw new AssertionError(README + ": unknown service column '" + service + "'");
            };
        }

        /** The default when it is a single code span, e.g. {@code `cellguard-signals.fifo`}. */
        public Optional<String> literalDefault() {
            Matcher matcher = Pattern.compile("^`([^`]*)`$").matcher(defaultValue.trim());
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    private ReadmeConfigTable() {
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(ConfigKeys.section(Repo.read(README), "## Configuration"));
        while (row.find()) {
            List<String> names = new ArrayList<>();
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            rows.add(new Row(names, row.group(2), row.group(3)));
        }
        return rows;
    }

    public static Row row(String name) {
        return rows().stream().filter(r -> r.names().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(README + " documents no " + name));
    }
}
