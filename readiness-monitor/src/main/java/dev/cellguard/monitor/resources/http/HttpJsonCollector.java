package dev.cellguard.monitor.resources.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.config.Durations;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code http-json}: a JSON document each cell publishes (an application's info endpoint, say).
 * The values at the set's JSON pointers (version, config hash…) must be equal across cells; a
 * difference is drift. A pointer missing from a document counts as a value of its own.
 */
public final class HttpJsonCollector implements ResourceCollector {

    public static final String TYPE = "http-json";
    public static final String RULE_EQUAL = "http-json.all.equal";

    private static final ResourceType RESOURCE_TYPE = new ResourceType(TYPE, Set.of("url"), Set.of(),
            Set.of("pointers", "timeout"), Set.of(RULE_EQUAL), Duration.ofSeconds(10));

    private final HttpCheck http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public HttpJsonCollector(HttpClient client, Clock clock) {
        this.http = new HttpCheck(client);
        this.clock = clock;
    }

    @Override
    public ResourceType type() {
        return RESOURCE_TYPE;
    }

    @Override
    public List<ReadinessRule> rules(ResourceSetSpec set) {
        return List.of(Rules.allEqual(RULE_EQUAL, "the values at " + pointers(set.settings()) + " are equal in every cell",
                pointers(set.settings()).toArray(String[]::new)));
    }

    @Override
    public void validate(ResourceSetSpec set) {
        pointers(set.settings());
        timeout(set.settings());
    }

    @Override
    public Observation collect(ResourceRef resource) {
        HttpCheck.Result result = http.get(URI.create(resource.property("url")), timeout(resource.settings()));
        if (!result.answered()) {
            return new Observation.Failed(Observation.Failure.COULD_NOT_RUN, resource.property("url") + ": " + result.failure(),
                    clock.instant());
        }
        if (result.status() < 200 || result.status() >= 300) {
            return new Observation.Failed(Observation.Failure.API_ERROR, resource.property("url") + ": HTTP " + result.status(),
                    clock.instant());
        }
        JsonNode document;
        try {
            document = json.readTree(result.body());
        } catch (java.io.IOException e) {
            return new Observation.Failed(Observation.Failure.API_ERROR, resource.property("url") + ": not JSON", clock.instant());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pointer : pointers(resource.settings())) {
            JsonNode value = document.at(JsonPointer.compile(pointer));
            if (!value.isMissingNode() && !value.isNull()) {
                values.put(pointer, value.isValueNode() ? plain(value) : value.toString());
            }
        }
        return new Observation.Observed(values, clock.instant());
    }

    private static Object plain(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.asText();
    }

    static List<String> pointers(Map<String, Object> settings) {
        Object value = settings.get("pointers");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("settings.pointers: a list of JSON pointers such as [/app/version] is needed");
        }
        for (Object pointer : list) {
            try {
                JsonPointer.compile(String.valueOf(pointer));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("settings.pointers: '" + pointer + "' is not a JSON pointer: " + e.getMessage());
            }
            if (String.valueOf(pointer).isEmpty()) {
                throw new IllegalArgumentException("settings.pointers: the empty pointer (whole document) cannot be compared");
            }
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Duration timeout(Map<String, Object> settings) {
        try {
            return Durations.parse(String.valueOf(settings.getOrDefault("timeout", "2s")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings.timeout: " + e.getMessage());
        }
    }
}
