package dev.cellguard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One YAML configuration file being read: its tree, and checks of its fields that fail with the
 * file's own exception type, naming the field's path and the reason.
 *
 * @param <E> the exception a problem is reported as, e.g. the failover policy's
 */
public final class YamlFile<E extends ConfigFileException> {

    /** A name: letters, digits, '.', '_', '-', starting with a letter or digit, at most 64. */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    /** The field of problems with the file as a whole (cannot be read, not YAML). */
    public static final String WHOLE_FILE = "(file)";

    /** A key given twice in one mapping is refused rather than silently replacing the first. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** Makes the file's exception from the source, the field and the reason. */
    @FunctionalInterface
    public interface Problem<E> {
        E of(String source, String field, String reason);
    }

    private final String source;
    private final String text;
    private final JsonNode root;
    private final Problem<E> problem;

    private YamlFile(String source, String text, JsonNode root, Problem<E> problem) {
        this.source = source;
        this.text = text;
        this.root = root;
        this.problem = problem;
    }

    /** Reads and parses a file. */
    public static <E extends ConfigFileException> YamlFile<E> read(Path file, Problem<E> problem) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem.of(file.toString(), WHOLE_FILE, "cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), text, problem);
    }

    /** Parses a text, naming it {@code source} in messages. */
    public static <E extends ConfigFileException> YamlFile<E> parse(String source, String text, Problem<E> problem) {
        try {
            return new YamlFile<>(source, text, YAML.readTree(text), problem);
        } catch (JsonProcessingException e) {
            throw problem.of(source, WHOLE_FILE, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
    }

    public String source() {
        return source;
    }

    /** The file as it was read. */
    public String text() {
        return text;
    }

    /** The document's root (a missing node for an empty file). */
    public JsonNode root() {
        return root;
    }

    /** The file's exception for a field. */
    public E fail(String path, String reason) {
        return problem.of(source, path, reason);
    }

    /** Requires a mapping with no other fields than {@code allowed}. */
    public void mapping(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw fail(path, "must be a mapping");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw fail(path + "." + field, "unknown field; allowed here: " + new TreeSet<>(allowed));
            }
        });
    }

    /** A required list. */
    public JsonNode list(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw fail(path, "missing");
        }
        return optionalList(node, path);
    }

    /** A list, or {@code null} when the field is absent. */
    public JsonNode optionalList(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw fail(path, "must be a list");
        }
        return node;
    }

    /** A required, non-blank scalar, as text. */
    public String text(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw fail(path, "missing");
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw fail(path, "must be a non-empty text");
        }
        return node.asText();
    }

    /** A required {@link #NAME name}. */
    public String name(JsonNode node, String path) {
        String value = text(node, path);
        if (!NAME.matcher(value).matches()) {
            throw fail(path, "'" + value + "' is not a valid name (letters, digits, '.', '_', '-'; at most 64)");
        }
        return value;
    }

    /** A required text that must be exactly {@code expected}. */
    public void expect(JsonNode node, String path, String expected) {
        if (!expected.equals(text(node, path))) {
            throw fail(path, "must be " + expected);
        }
    }

    /** A required text that must be one of {@code allowed}. */
    public String oneOf(JsonNode node, String path, String... allowed) {
        String value = text(node, path);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw fail(path, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    /** A required constant of {@code type}, written as its name. */
    public <T extends Enum<T>> T constant(JsonNode node, String path, Class<T> type) {
        String value = text(node, path);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (T constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw fail(path, "'" + value + "' is not one of " + names);
        }
    }

    /** A required whole number from {@code min} to {@code max}. */
    public int integer(JsonNode node, String path, int min, int max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw fail(path, "must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    /** A required {@link Durations duration}. */
    public Duration duration(JsonNode node, String path) {
        try {
            return Durations.parse(text(node, path));
        } catch (IllegalArgumentException e) {
            throw fail(path, e.getMessage());
        }
    }
}
