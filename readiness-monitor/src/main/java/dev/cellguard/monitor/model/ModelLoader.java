package dev.cellguard.monitor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cellguard.config.YamlFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the readiness model (YAML). Every problem is reported as the file, the path of
 * the field (e.g. {@code recoveryGroups[0].resourceSets[2].resources.eu-west-1.url}) and the reason,
 * so a bad file stops start-up with a message that says what to fix.
 */
public final class ModelLoader {


    private final Map<String, ResourceType> types;
    /** Turns settings into plain maps, lists and scalars. */
    private static final ObjectMapper TREES = new ObjectMapper();

    public ModelLoader(Map<String, ResourceType> types) {
        this.types = Map.copyOf(types);
    }

    public ReadinessModel load(Path file) {
        return read(YamlFile.read(file, ModelException::new));
    }

    public ReadinessModel parse(String source, String text) {
        return read(YamlFile.parse(source, text, ModelException::new));
    }

    private ReadinessModel read(YamlFile<ModelException> file) {
        return new Reader(file).model(file.root());
    }

    /** Reads one file. */
    private final class Reader {

        private final YamlFile<ModelException> file;

        Reader(YamlFile<ModelException> file) {
            this.file = file;
        }

        ReadinessModel model(JsonNode root) {
            file.mapping(root, "(top level)", Set.of("recoveryGroups"));
            JsonNode groups = file.list(root.get("recoveryGroups"), "recoveryGroups");
            if (groups.isEmpty()) {
                throw file.fail("recoveryGroups", "at least one recovery group is needed");
            }
            List<RecoveryGroupSpec> result = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < groups.size(); i++) {
                RecoveryGroupSpec group = recoveryGroup(groups.get(i), "recoveryGroups[" + i + "]");
                if (!names.add(group.name())) {
                    throw file.fail("recoveryGroups[" + i + "].name", "'" + group.name() + "' is used twice");
                }
                result.add(group);
            }
            return new ReadinessModel(file.source(), result);
        }

        private RecoveryGroupSpec recoveryGroup(JsonNode node, String path) {
            file.mapping(node, path, Set.of("name", "cells", "resourceSets"));
            String name = file.name(node.get("name"), path + ".name");
            JsonNode cellNodes = file.list(node.get("cells"), path + ".cells");
            if (cellNodes.isEmpty()) {
                throw file.fail(path + ".cells", "at least one cell is needed");
            }
            Set<String> cellNames = new HashSet<>();
            List<CellSpec> cells = new ArrayList<>();
            for (int i = 0; i < cellNodes.size(); i++) {
                cells.add(cell(cellNodes.get(i), path + ".cells[" + i + "]", null, null, cellNames));
            }
            List<ResourceSetSpec> sets = new ArrayList<>();
            JsonNode setNodes = file.optionalList(node.get("resourceSets"), path + ".resourceSets");
            Set<String> setNames = new HashSet<>();
            for (int i = 0; setNodes != null && i < setNodes.size(); i++) {
                ResourceSetSpec set = resourceSet(setNodes.get(i), path + ".resourceSets[" + i + "]", cellNames);
                if (!setNames.add(set.name())) {
                    throw file.fail(path + ".resourceSets[" + i + "].name", "'" + set.name() + "' is used twice");
                }
                sets.add(set);
            }
            return new RecoveryGroupSpec(name, cells, sets);
        }

        private CellSpec cell(JsonNode node, String path, String parentRegion, String parentContext, Set<String> seen) {
            file.mapping(node, path, Set.of("name", "region", "kubernetesContext", "cells"));
            String name = file.name(node.get("name"), path + ".name");
            if (!seen.add(name)) {
                throw file.fail(path + ".name", "cell '" + name + "' is defined twice");
            }
            String region = node.has("region") ? file.text(node.get("region"), path + ".region") : parentRegion;
            if (region == null) {
                throw file.fail(path + ".region", "missing: a top-level cell needs the AWS Region it runs in");
            }
            String context = node.has("kubernetesContext") ? file.text(node.get("kubernetesContext"), path + ".kubernetesContext")
                    : parentContext;
            List<CellSpec> children = new ArrayList<>();
            JsonNode childNodes = file.optionalList(node.get("cells"), path + ".cells");
            for (int i = 0; childNodes != null && i < childNodes.size(); i++) {
                children.add(cell(childNodes.get(i), path + ".cells[" + i + "]", region, context, seen));
            }
            return new CellSpec(name, region, context, children);
        }

        private ResourceSetSpec resourceSet(JsonNode node, String path, Set<String> cellNames) {
            file.mapping(node, path, Set.of("name", "type", "settings", "resources", "disabledRules", "interval"));
            String name = file.name(node.get("name"), path + ".name");
            String typeName = file.text(node.get("type"), path + ".type");
            ResourceType type = types.get(typeName);
            if (type == null) {
                throw file.fail(path + ".type", "unknown resource type '" + typeName + "'; known: " + new java.util.TreeSet<>(types.keySet()));
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            if (node.has("settings")) {
                file.mapping(node.get("settings"), path + ".settings", type.settings());
                node.get("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), plain(e.getValue())));
            }
            JsonNode resources = node.get("resources");
            if (resources == null || !resources.isObject() || resources.isEmpty()) {
                throw file.fail(path + ".resources", "missing: map each cell's name to its resource");
            }
            Map<String, Map<String, String>> byCell = new LinkedHashMap<>();
            Set<String> allowed = new HashSet<>(type.requiredProperties());
            allowed.addAll(type.optionalProperties());
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String resourcePath = path + ".resources." + entry.getKey();
                if (!cellNames.contains(entry.getKey())) {
                    throw file.fail(resourcePath, "no cell is named '" + entry.getKey() + "'");
                }
                file.mapping(entry.getValue(), resourcePath, allowed);
                Map<String, String> properties = new LinkedHashMap<>();
                entry.getValue().fields().forEachRemaining(p -> properties.put(p.getKey(), file.text(p.getValue(), resourcePath + "." + p.getKey())));
                for (String required : type.requiredProperties()) {
                    if (!properties.containsKey(required)) {
                        throw file.fail(resourcePath + "." + required, "missing: a " + typeName + " resource needs it");
                    }
                }
                byCell.put(entry.getKey(), properties);
            }
            List<String> disabled = new ArrayList<>();
            JsonNode disabledNodes = file.optionalList(node.get("disabledRules"), path + ".disabledRules");
            for (int i = 0; disabledNodes != null && i < disabledNodes.size(); i++) {
                String id = file.text(disabledNodes.get(i), path + ".disabledRules[" + i + "]");
                if (!type.ruleIds().contains(id)) {
                    throw file.fail(path + ".disabledRules[" + i + "]", "no rule '" + id + "' for " + typeName
                            + "; its rules: " + new java.util.TreeSet<>(type.ruleIds()));
                }
                disabled.add(id);
            }
            Duration interval = node.has("interval") ? duration(node.get("interval"), path + ".interval") : type.defaultInterval();
            return new ResourceSetSpec(name, typeName, settings, byCell, disabled, interval);
        }

        private Duration duration(JsonNode node, String path) {
            Duration duration = file.duration(node, path);
            if (duration.toMillis() < 100) {
                throw file.fail(path, "must be at least 100ms");
            }
            return duration;
        }

        private Object plain(JsonNode node) {
            try {
                return TREES.treeToValue(node, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

    }
}
