package dev.cellguard.deploy.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The three services that are deployed: their module, and a class that marks their code. */
public enum CellguardService {

    READINESS_MONITOR("readiness-monitor", "dev.cellguard.monitor.config.MonitorConfig"),
    FAILOVER_ORCHESTRATOR("failover-orchestrator", "dev.cellguard.orchestrator.config.OrchestratorConfig"),
    AUDIT_SERVICE("audit-service", "dev.cellguard.audit.config.AuditConfig");

    private final String id;
    private final String marker;

    CellguardService(String id, String marker) {
        this.id = id;
        this.marker = marker;
    }

    /** The module's directory, image name and the value of app.kubernetes.io/name. */
    public String id() {
        return id;
    }

    /** A class of the service's own module (its configuration mapping). */
    public Class<?> markerClass() {
        try {
            return Class.forName(marker, false, CellguardService.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(id + " is not on the test class path", e);
        }
    }

    public static CellguardService byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no cellguard service is called " + id));
    }

    public String applicationPropertiesFile() {
        return id + "/src/main/resources/application.properties";
    }

    /** The service's built-in application.properties, profile-specific entries ({@code %test.…}) left out. */
    public Properties applicationProperties() {
        Properties all = new Properties();
        try {
            all.load(new StringReader(Repo.read(applicationPropertiesFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> properties.setProperty(k, all.getProperty(k)));
        return properties;
    }

    public String dockerfileFile() {
        return id + "/src/main/docker/Dockerfile.jvm";
    }

    public String dockerfile() {
        return Repo.read(dockerfileFile());
    }

    /** The port the image listens on: its {@code EXPOSE}, which must be its {@code QUARKUS_HTTP_PORT}. */
    public int containerPort() {
        String dockerfile = dockerfile();
        int exposed = Integer.parseInt(single(dockerfile, "(?m)^EXPOSE\\s+(\\d+)\\s*$", "EXPOSE"));
        int httpPort = Integer.parseInt(single(dockerfile, "(?m)^ENV\\s+QUARKUS_HTTP_PORT=(\\d+)\\s*$", "ENV QUARKUS_HTTP_PORT"));
        if (exposed != httpPort) {
            throw new AssertionError(dockerfileFile() + " exposes " + exposed + " but sets QUARKUS_HTTP_PORT=" + httpPort);
        }
        return exposed;
    }

    /** The numeric {@code USER} of the image. */
    public long imageUser() {
        return Long.parseLong(single(dockerfile(), "(?m)^USER\\s+(\\d+)\\s*$", "numeric USER"));
    }

    /** The port the service listens on when run on its own (./run-local.sh), from its application.properties. */
    public int localPort() {
        return Integer.parseInt(applicationProperties().getProperty("quarkus.http.port"));
    }

    /** The liveness, readiness and start-up paths, from Quarkus' defaults and the service's own settings. */
    public Map<String, String> healthPaths() {
        Properties p = applicationProperties();
        String root = "/" + trim(p.getProperty("quarkus.http.non-application-root-path", "q"));
        String health = root + "/" + trim(p.getProperty("quarkus.smallrye-health.root-path", "health"));
        return Map.of(
                "liveness", health + "/" + trim(p.getProperty("quarkus.smallrye-health.liveness-path", "live")),
                "readiness", health + "/" + trim(p.getProperty("quarkus.smallrye-health.readiness-path", "ready")),
                "startup", health + "/" + trim(p.getProperty("quarkus.smallrye-health.startup-path", "started")));
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private String single(String text, String regex, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(dockerfileFile() + " has no " + what);
        }
        String value = matcher.group(1);
        if (matcher.find()) {
            throw new AssertionError(dockerfileFile() + " has more than one " + what);
        }
        return value;
    }

    /** A setting's built-in value: application.properties, else the mapping's {@code @WithDefault}. */
    public Optional<String> builtInSetting(String key) {
        String value = applicationProperties().getProperty(key);
        if (value != null) {
            return Optional.of(value);
        }
        return ConfigKeys.of(this).mappingDefault(key);
    }
}
