package dev.cellguard.monitor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the readiness model (YAML). Every problem is reported as the file, the path of
 * the field (e.g. {@code recoveryGroups[0].resourceSets[2].resources.eu-west-1.url}) and the reason,
 * so a bad file stops start-up with a message that says what to fix.
 */
public final class ModelLoader {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    private final Map<String, ResourceType> types;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public ModelLoader(Map<String, ResourceType> types) {
        this.types = Map.copyOf(types);
    }

    public ReadinessModel load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelException(source, "(file)", "cannot be read: " + e.getMessage());
        }
        return parse(source, text);
    }

    public ReadinessModel parse(String source, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelException(source, "(file)", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        return new Reader(source).model(root);
    }

    /** Reads one file, keeping the source name for messages. */
    private final class Reader {

        private final String source;

        Reader(String source) {
            this.source = source;
        }

        ReadinessModel model(JsonNode root) {
            object(root, "(top level)", Set.of("recoveryGroups"));
            JsonNode groups = array(root.get("recoveryGroups"), "recoveryGroups", true);
            if (groups.isEmpty()) {
                throw fail("recoveryGroups", "at least one recovery group is needed");
            }
            List<RecoveryGroupSpec> result = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < groups.size(); i++) {
                RecoveryGroupSpec group = recoveryGroup(groups.get(i), "recoveryGroups[" + i + "]");
                if (!names.add(group.name())) {
                    throw fail("recoveryGroups[" + i + "].name", "'" + group.name() + "' is used twice");
                }
                result.add(group);
            }
            return new ReadinessModel(source, result);
        }

        private RecoveryGroupSpec recoveryGroup(JsonNode node, String path) {
            object(node, path, Set.of("name", "cells", "resourceSets"));
            String name = name(node.get("name"), path + ".name");
            JsonNode cellNodes = array(node.get("cells"), path + ".cells", true);
            if (cellNodes.isEmpty()) {
                throw fail(path + ".cells", "at least one cell is needed");
            }
            Set<String> cellNames = new HashSet<>();
            List<CellSpec> cells = new ArrayList<>();
            for (int i = 0; i < cellNodes.size(); i++) {
                cells.add(cell(cellNodes.get(i), path + ".cells[" + i + "]", null, null, cellNames));
            }
            List<ResourceSetSpec> sets = new ArrayList<>();
            JsonNode setNodes = array(node.get("resourceSets"), path + ".resourceSets", false);
            Set<String> setNames = new HashSet<>();
            for (int i = 0; setNodes != null && i < setNodes.size(); i++) {
                ResourceSetSpec set = resourceSet(setNodes.get(i), path + ".resourceSets[" + i + "]", cellNames);
                if (!setNames.add(set.name())) {
                    throw fail(path + ".resourceSets[" + i + "].name", "'" + set.name() + "' is used twice");
                }
                sets.add(set);
            }
            return new RecoveryGroupSpec(name, cells, sets);
        }

        private CellSpec cell(JsonNode node, String path, String parentRegion, String parentContext, Set<String> seen) {
            object(node, path, Set.of("name", "region", "kubernetesContext", "cells"));
            String name = name(node.get("name"), path + ".name");
            if (!seen.add(name)) {
                throw fail(path + ".name", "cell '" + name + "' is defined twice");
            }
            String region = node.has("region") ? text(node.get("region"), path + ".region") : parentRegion;
            if (region == null) {
                throw fail(path + ".region", "missing: a top-level cell needs the AWS Region it runs in");
            }
            String context = node.has("kubernetesContext") ? text(node.get("kubernetesContext"), path + ".kubernetesContext")
                    : parentContext;
            List<CellSpec> children = new ArrayList<>();
            JsonNode childNodes = array(node.get("cells"), path + ".cells", false);
            for (int i = 0; childNodes != null && i < childNodes.size(); i++) {
                children.add(cell(childNodes.get(i), path + ".cells[" + i + "]", region, context, seen));
            }
            return new CellSpec(name, region, context, children);
        }

        private ResourceSetSpec resourceSet(JsonNode node, String path, Set<String> cellNames) {
            object(node, path, Set.of("name", "type", "settings", "resources", "disabledRules", "interval"));
            String name = name(node.get("name"), path + ".name");
            String typeName = text(node.get("type"), path + ".type");
            ResourceType type = types.get(typeName);
            if (type == null) {
                throw fail(path + ".type", "unknown resource type '" + typeName + "'; known: " + new java.util.TreeSet<>(types.keySet()));
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            if (node.has("settings")) {
                object(node.get("settings"), path + ".settings", type.settings());
                node.get("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), plain(e.getValue())));
            }
            JsonNode resources = node.get("resources");
            if (resources == null || !resources.isObject() || resources.isEmpty()) {
                throw fail(path + ".resources", "missing: map each cell's name to its resource");
            }
            Map<String, Map<String, String>> byCell = new LinkedHashMap<>();
            Set<String> allowed = new HashSet<>(type.requiredProperties());
            allowed.addAll(type.optionalProperties());
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String resourcePath = path + ".resources." + entry.getKey();
                if (!cellNames.contains(entry.getKey())) {
                    throw fail(resourcePath, "no cell is named '" + entry.getKey() + "'");
                }
                object(entry.getValue(), resourcePath, allowed);
                Map<String, String> properties = new LinkedHashMap<>();
                entry.getValue().fields().forEachRemaining(p -> properties.put(p.getKey(), text(p.getValue(), resourcePath + "." + p.getKey())));
                for (String required : type.requiredProperties()) {
                    if (!properties.containsKey(required)) {
                        throw fail(resourcePath + "." + required, "missing: a " + typeName + " resource needs it");
                    }
                }
                byCell.put(entry.getKey(), properties);
            }
            List<String> disabled = new ArrayList<>();
            JsonNode disabledNodes = array(node.get("disabledRules"), path + ".disabledRules", false);
            for (int i = 0; disabledNodes != null && i < disabledNodes.size(); i++) {
                String id = text(disabledNodes.get(i), path + ".disabledRules[" + i + "]");
                if (!type.ruleIds().contains(id)) {
                    throw fail(path + ".disabledRules[" + i + "]", "no rule '" + id + "' for " + typeName
                            + "; its rules: " + new java.util.TreeSet<>(type.ruleIds()));
                }
                disabled.add(id);
            }
            Duration interval = node.has("interval") ? duration(node.get("interval"), path + ".interval") : type.defaultInterval();
            return new ResourceSetSpec(name, typeName, settings, byCell, disabled, interval);
        }

        private void object(JsonNode node, String path, Set<String> allowedFields) {
            if (node == null || !node.isObject()) {
                throw fail(path, "must be a mapping");
            }
            node.fieldNames().forEachRemaining(field -> {
                if (!allowedFields.contains(field)) {
                    throw fail(path + "." + field, "unknown field; allowed here: " + new java.util.TreeSet<>(allowedFields));
                }
            });
        }

        private JsonNode array(JsonNode node, String path, boolean required) {
            if (node == null || node.isNull()) {
                if (required) {
                    throw fail(path, "missing");
                }
                return null;
            }
            if (!node.isArray()) {
                throw fail(path, "must be a list");
            }
            return node;
        }

        private String text(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                throw fail(path, "missing");
            }
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw fail(path, "must be a non-empty text");
            }
            return node.asText();
        }

        private String name(JsonNode node, String path) {
            String name = text(node, path);
            if (!NAME.matcher(name).matches()) {
                throw fail(path, "'" + name + "' is not a valid name (letters, digits, '.', '_', '-'; at most 64)");
            }
            return name;
        }

        private Duration duration(JsonNode node, String path) {
            Duration duration;
            try {
                duration = Durations.parse(text(node, path));
            } catch (IllegalArgumentException e) {
                throw fail(path, e.getMessage());
            }
            if (duration.toMillis() < 100) {
                throw fail(path, "must be at least 100ms");
            }
            return duration;
        }

        private Object plain(JsonNode node) {
            try {
                return yaml.treeToValue(node, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private ModelException fail(String field, String reason) {
            return new ModelException(source, field, reason);
        }
    }
}
