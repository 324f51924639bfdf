package dev.cellguard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into JSON text and JSON text back into events. Reading goes: parse, find the type by
 * the {@code type} field, validate the whole document against that type's JSON Schema, then map it
 * onto the type's record. Nothing depends on Java class names, so any producer can send events.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class EventCodec {

    /** Where the schemas claim to live; mapped onto the class path. */
    public static final String SCHEMA_BASE_URI = "https://cellguard.dev/schemas/";

    private final ObjectMapper mapper;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = newObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE_URI, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + type.schemaFileName()), config));
        }
    }

    /** The mapper cellguard uses for event JSON: ISO-8601 instants, absent nulls, strict on unknowns. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serialises an event. The result is checked against its schema: a producer never emits an event
     * a consumer would reject.
     */
    public String toJson(EventEnvelope<?> event) {
        JsonNode tree = mapper.valueToTree(event);
        EventType type = event.payload().eventType();
        List<String> violations = violations(type, tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("event " + event.id() + " violates the " + type.wireName()
                    + " schema: " + String.join("; ", violations));
        }
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id(), e);
        }
    }

    /** Reads and validates an event from JSON text. */
    public EventEnvelope<?> fromJson(String text) throws InvalidEventException {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED_JSON, e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED_JSON, "not a JSON object");
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidEventException(InvalidEventException.Reason.SCHEMA_VIOLATION, "missing string field 'type'");
        }
        EventType type = EventType.fromWireName(typeNode.asText())
                .orElseThrow(() -> new InvalidEventException(
                        InvalidEventException.Reason.UNKNOWN_TYPE, "unknown event type '" + typeNode.asText() + "'"));
        List<String> violations = violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Reason.SCHEMA_VIOLATION,
                    type.wireName() + ": " + String.join("; ", violations));
        }
        try {
            return envelopeOf(type, tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.Reason.SCHEMA_VIOLATION,
                    type.wireName() + ": " + e.getMessage());
        }
    }

    /** Schema violations of a JSON document claiming to be of the given type; empty when valid. */
    public List<String> violations(EventType type, JsonNode tree) {
        Set<ValidationMessage> messages = schemas.get(type).validate(tree);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    private EventEnvelope<?> envelopeOf(EventType type, JsonNode tree) throws JsonProcessingException {
        EventPayload payload = mapper.treeToValue(tree.get("payload"), type.payloadClass());
        JsonNode source = tree.get("source");
        return new EventEnvelope<>(
                UUID.fromString(tree.get("id").asText()),
                type.wireName(),
                tree.get("version").asInt(),
                Instant.parse(tree.get("occurredAt").asText()),
                new EventSource(source.get("service").asText(), source.get("instance").asText()),
                tree.get("recoveryGroup").asText(),
                textOrNull(tree, "cell"),
                UUID.fromString(tree.get("correlationId").asText()),
                tree.hasNonNull("causationId") ? UUID.fromString(tree.get("causationId").asText()) : null,
                payload);
    }

    private static String textOrNull(JsonNode tree, String field) {
        return tree.hasNonNull(field) ? tree.get(field).asText() : null;
    }
}
