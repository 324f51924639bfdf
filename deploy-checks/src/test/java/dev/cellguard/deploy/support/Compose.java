package dev.cellguard.deploy.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top-level docker-compose.yml, its anchors and merge keys applied. */
public final class Compose {

    public static final String FILE = "docker-compose.yml";

    private Compose() {
    }

    /** The compose service that runs a cellguard service (it has the service's name). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> service(CellguardService service) {
        Map<String, Object> services = (Map<String, Object>) Yamls.loadMap(Repo.read(FILE)).get("services");
        Object definition = services.get(service.id());
        if (!(definition instanceof Map<?, ?>)) {
            throw new AssertionError(FILE + " has no service " + service.id());
        }
        return (Map<String, Object>) definition;
    }

    /** Its environment, written as a mapping or as {@code NAME=value} items. */
    public static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return env;
    }

    /** A list-valued field ({@code ports}, {@code volumes}, {@code cap_drop} …) as strings. */
    public static List<String> list(Map<String, Object> service, String field) {
        List<String> values = new ArrayList<>();
        if (service.get(field) instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }
}
