package dev.cellguard.monitor.resources.http;

import dev.cellguard.config.Durations;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.monitor.health.HealthHysteresis;
import dev.cellguard.monitor.health.HealthTransition;
import dev.cellguard.monitor.health.ProbeResult;
import dev.cellguard.monitor.model.ResourceSetSpec;
import dev.cellguard.monitor.model.ResourceType;
import dev.cellguard.monitor.readiness.Observation;
import dev.cellguard.monitor.readiness.ReadinessRule;
import dev.cellguard.monitor.readiness.Rules;
import dev.cellguard.monitor.resources.ResourceCollector;
import dev.cellguard.monitor.resources.ResourceRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code http-health}: a cell's HTTP health endpoint. Each probe passes on the expected status (any
 * 2xx unless set) and, if set, a body matching {@code bodyMatch}; it fails on another answer, a
 * refused connection or no answer in time. Probe results go through hysteresis per resource
 * (consecutive failures / successes), and every verdict change is handed to the listener, which
 * announces {@code cell.health.changed}. For readiness, the resource is READY while HEALTHY.
 */
public final class HttpHealthCollector implements ResourceCollector {

    public static final String TYPE = "http-health";
    public static final String RULE_HEALTHY = "http-health.each.healthy";

    /** Told about every verdict change of a resource. */
    @FunctionalInterface
    public interface HealthListener {
        void onTransition(ResourceRef resource, HealthTransition transition);
    }

    private static final ResourceType RESOURCE_TYPE = new ResourceType(TYPE, Set.of("url"), Set.of(),
            Set.of("expectedStatus", "bodyMatch", "timeout", "failureThreshold", "successThreshold"),
            Set.of(RULE_HEALTHY), Duration.ofSeconds(2));

    private final HttpCheck http;
    private final Clock clock;
    private final HealthListener listener;
    private final Map<String, HealthHysteresis> hysteresis = new ConcurrentHashMap<>();

    public HttpHealthCollector(HttpClient client, Clock clock, HealthListener listener) {
        this.http = new HttpCheck(client);
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public ResourceType type() {
        return RESOURCE_TYPE;
    }

    @Override
    public List<ReadinessRule> rules(ResourceSetSpec set) {
        return List.of(Rules.eachEquals(RULE_HEALTHY, "the cell's health endpoint is HEALTHY", "health", "HEALTHY"));
    }

    @Override
    public void validate(ResourceSetSpec set) {
        Settings.of(set.settings());
        set.resources().forEach((cell, properties) -> {
            try {
                URI.create(properties.get("url")).toURL();
            } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                throw new IllegalArgumentException("resources." + cell + ".url: '" + properties.get("url") + "' is not a URL");
            }
        });
    }

    @Override
    public Observation collect(ResourceRef resource) {
        Settings settings = Settings.of(resource.settings());
        ProbeResult result = probe(URI.create(resource.property("url")), settings);
        HealthHysteresis cellHysteresis = hysteresis.computeIfAbsent(resource.key(),
                k -> new HealthHysteresis(settings.failureThreshold(), settings.successThreshold()));
        HealthStatus status;
        synchronized (cellHysteresis) {
            cellHysteresis.record(result).ifPresent(transition -> listener.onTransition(resource, transition));
            status = cellHysteresis.status();
        }
        if (status == HealthStatus.UNKNOWN) {
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, "no health verdict yet: " + result.detail(),
                    clock.instant());
        }
        return new Observation.Observed(Map.of(
                "health", status.name(),
                "lastProbe", result.detail(),
                "latencyMs", result.latencyMs() == null ? -1L : result.latencyMs()), clock.instant());
    }

    /** The current verdict for a resource, UNKNOWN before the first. */
    public HealthStatus health(ResourceRef resource) {
        HealthHysteresis h = hysteresis.get(resource.key());
        return h == null ? HealthStatus.UNKNOWN : h.status();
    }

    private ProbeResult probe(URI url, Settings settings) {
        HttpCheck.Result result = http.get(url, settings.timeout());
        if (result.couldNotRun()) {
            return ProbeResult.couldNotRun(result.failure());
        }
        if (!result.answered()) {
            return ProbeResult.failed(result.failure(), null);
        }
        boolean statusOk = settings.expectedStatus() == null
                ? result.status() >= 200 && result.status() < 300
                : result.status() == settings.expectedStatus();
        if (!statusOk) {
            return ProbeResult.failed("HTTP " + result.status(), result.latencyMs());
        }
        if (settings.bodyMatch() != null && (result.body() == null || !settings.bodyMatch().matcher(result.body()).find())) {
            return ProbeResult.failed("HTTP " + result.status() + ", body does not match " + settings.bodyMatch(), result.latencyMs());
        }
        return ProbeResult.passed("HTTP " + result.status(), result.latencyMs());
    }

    /** The set's settings, checked. */
    record Settings(Integer expectedStatus, Pattern bodyMatch, Duration timeout, int failureThreshold, int successThreshold) {

        static Settings of(Map<String, Object> settings) {
            Integer expected = settings.containsKey("expectedStatus")
                    ? integer(settings.get("expectedStatus"), "expectedStatus", 100, 599) : null;
            Pattern body = null;
            if (settings.containsKey("bodyMatch")) {
                try {
                    body = Pattern.compile(String.valueOf(settings.get("bodyMatch")));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("settings.bodyMatch: not a regular expression: " + e.getDescription());
                }
            }
            Duration timeout;
            try {
                timeout = Durations.parse(String.valueOf(settings.getOrDefault("timeout", "1s")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("settings.timeout: " + e.getMessage());
            }
            return new Settings(expected, body, timeout,
                    integer(settings.getOrDefault("failureThreshold", 3), "failureThreshold", 1, 100),
                    integer(settings.getOrDefault("successThreshold", 2), "successThreshold", 1, 100));
        }

        private static int integer(Object value, String name, int min, int max) {
            if (value instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= min && n.intValue() <= max) {
                return n.intValue();
            }
            throw new IllegalArgumentException("settings." + name + ": must be a whole number from " + min + " to " + max
                    + ", was " + value);
        }
    }
}
