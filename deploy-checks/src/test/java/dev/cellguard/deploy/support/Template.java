package dev.cellguard.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One CloudFormation template of {@code deploy/aws}, read with its intrinsic functions in long form. */
public final class Template {

    private final String name;
    private final Map<String, Object> root;

    private Template(String name, Map<String, Object> root) {
        this.name = name;
        this.root = root;
    }

    /** {@code load("arc")} reads {@code deploy/aws/arc.yaml}. */
    public static Template load(String name) {
        return new Template(name, Yamls.loadCloudFormation(Repo.read(file(name))));
    }

    /** The names of every template in {@code deploy/aws}. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(Repo.path("deploy/aws"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String file(String name) {
        return "deploy/aws/" + name + ".yaml";
    }

    public String name() {
        return name;
    }

    public String file() {
        return file(name);
    }

    public Map<String, Object> root() {
        return root;
    }

    public Map<String, Map<String, Object>> parameters() {
        return section("Parameters");
    }

    public Map<String, Map<String, Object>> resources() {
        return section("Resources");
    }

    public Map<String, Map<String, Object>> outputs() {
        return section("Outputs");
    }

    public Map<String, Map<String, Object>> mappings() {
        return section("Mappings");
    }

    public String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException(file() + " has no resource " + logicalId);
        }
        return resource;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : (Map<String, Object>) properties;
    }

    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The parameter's default, if it has one. */
    public Optional<String> parameterDefault(String parameter) {
        Map<String, Object> definition = parameters().get(parameter);
        if (definition == null) {
            throw new IllegalArgumentException(file() + " has no parameter " + parameter);
        }
        Object value = definition.get("Default");
        return Optional.ofNullable(value).map(String::valueOf);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> section(String key) {
        Object section = root.get(key);
        return section == null ? Map.of() : new LinkedHashMap<>((Map<String, Map<String, Object>>) section);
    }

    /** The intrinsic function of a value written as {@code {Ref: …}} or {@code {Fn::…: …}}, if it is one. */
    public static Optional<Map.Entry<String, Object>> intrinsic(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            if (entry.getKey() instanceof String key && (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition"))) {
                return Optional.of(Map.entry(key, entry.getValue()));
            }
        }
        return Optional.empty();
    }
}
