package dev.cellguard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final Map<EventType, EventEnvelope<?>> samples = EventSamples.all();

    @Test
    void everyEventTypeHasASample() {
        assertThat(samples.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRecordSerialisesToJsonValidAgainstItsSchema(EventType type) throws Exception {
        EventEnvelope<?> event = samples.get(type);
        JsonNode tree = codec.mapper().readTree(codec.toJson(event));

        assertThat(codec.violations(type, tree)).isEmpty();
        assertThat(tree.get("type").asText()).isEqualTo(type.wireName());
        assertThat(tree.get("version").asInt()).isEqualTo(type.version());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSurvivesARoundTrip(EventType type) throws Exception {
        EventEnvelope<?> event = samples.get(type);

        assertThat(codec.fromJson(codec.toJson(event))).isEqualTo(event);
    }

    @Test
    void occurredAtIsWrittenAsRfc3339Utc() throws Exception {
        JsonNode tree = codec.mapper().readTree(codec.toJson(samples.get(EventType.CELL_HEALTH_CHANGED)));

        assertThat(tree.get("occurredAt").asText()).isEqualTo("2026-11-21T10:15:30.123Z");
    }

    @Test
    void readsAnEventWrittenByHandAsAForeignProducerWould() throws Exception {
        String json = """
                {"id":"4b9f7f5e-8a43-4c2b-9f0e-5c1d2e3f4a5b","type":"cell.health.changed","version":1,
                 "occurredAt":"2026-11-21T10:00:00Z","source":{"service":"probe-script","instance":"laptop"},
                 "recoveryGroup":"orders","cell":"eu-west-1","correlationId":"4b9f7f5e-8a43-4c2b-9f0e-5c1d2e3f4a5b",
                 "payload":{"observer":"eu-west-1","status":"UNHEALTHY","target":"http://x/health",
                            "reason":"timeout","consecutiveResults":3}}
                """;

        EventEnvelope<CellHealthChanged> event = codec.fromJson(json).as(CellHealthChanged.class);

        assertThat(event.cell()).isEqualTo("eu-west-1");
        assertThat(event.payload().status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(event.payload().previousStatus()).isNull();
        assertThat(event.messageGroupId()).isEqualTo("orders/eu-west-1");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> codec.fromJson("{not json"))
                .isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).reason())
                .isEqualTo(InvalidEventException.Reason.MALFORMED_JSON);
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> codec.fromJson("[1,2]"))
                .extracting(e -> ((InvalidEventException) e).reason())
                .isEqualTo(InvalidEventException.Reason.MALFORMED_JSON);
    }

    @Test
    void rejectsAnUnknownTypeNamingIt() {
        ObjectNode tree = sampleTree(EventType.CELL_HEALTH_CHANGED);
        tree.put("type", "cell.mood.changed");

        assertThatThrownBy(() -> codec.fromJson(tree.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("cell.mood.changed")
                .extracting(e -> ((InvalidEventException) e).reason())
                .isEqualTo(InvalidEventException.Reason.UNKNOWN_TYPE);
    }

    static Stream<String> schemaViolations() {
        return Stream.of(
                "remove:id", "remove:occurredAt", "remove:payload", "remove:correlationId", "remove:cell",
                "set:id=not-a-uuid", "set:occurredAt=yesterday", "set:version=2", "set:recoveryGroup=has space",
                "payload:status=DEAD", "payload:consecutiveResults=-1", "payload:extra=1", "extra:top=1");
    }

    @ParameterizedTest
    @MethodSource("schemaViolations")
    void rejectsSchemaViolations(String mutation) {
        ObjectNode tree = sampleTree(EventType.CELL_HEALTH_CHANGED);
        String[] parts = mutation.split("[:=]");
        switch (parts[0]) {
            case "remove" -> tree.remove(parts[1]);
            case "set" -> {
                if (parts[1].equals("version")) {
                    tree.put(parts[1], Integer.parseInt(parts[2]));
                } else {
                    tree.put(parts[1], parts[2]);
                }
            }
            case "payload" -> {
                ObjectNode payload = (ObjectNode) tree.get("payload");
                if (parts[2].matches("-?\\d+")) {
                    payload.put(parts[1], Integer.parseInt(parts[2]));
                } else {
                    payload.put(parts[1], parts[2]);
                }
            }
            default -> tree.put(parts[1], parts[2]);
        }

        assertThatThrownBy(() -> codec.fromJson(tree.toString()))
                .isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).reason())
                .isEqualTo(InvalidEventException.Reason.SCHEMA_VIOLATION);
    }

    @Test
    void rejectsRoutingStatesNotSpelledAsArcSpellsThem() {
        ObjectNode tree = sampleTree(EventType.ROUTING_CONTROL_CHANGED);
        ((ObjectNode) tree.get("payload").get("changes").get(0)).put("newState", "ON");

        assertThatThrownBy(() -> codec.fromJson(tree.toString()))
                .extracting(e -> ((InvalidEventException) e).reason())
                .isEqualTo(InvalidEventException.Reason.SCHEMA_VIOLATION);
    }

    @Test
    void refusesToWriteAnEventItsConsumersWouldReject() {
        EventEnvelope<?> sample = samples.get(EventType.CELL_HEALTH_CHANGED);
        EventEnvelope<?> bad = new EventEnvelope<>(sample.id(), sample.type(), sample.version(), sample.occurredAt(),
                sample.source(), "not a valid group", sample.cell(), sample.correlationId(), null, sample.payload());

        assertThatThrownBy(() -> codec.toJson(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recoveryGroup");
    }

    @Test
    void followUpEventsCarryTheIncidentsCorrelationIdAndTheirCause() {
        EventEnvelope<?> health = samples.get(EventType.CELL_HEALTH_CHANGED);
        EventEnvelope<?> decision = samples.get(EventType.FAILOVER_DECISION);
        EventEnvelope<?> routing = samples.get(EventType.ROUTING_CONTROL_CHANGED);

        assertThat(health.correlationId()).isEqualTo(health.id());
        assertThat(Arrays.asList(decision.correlationId(), routing.correlationId())).containsOnly(health.id());
        assertThat(routing.causationId()).isEqualTo(decision.id());
        assertThat(decision.messageGroupId()).isEqualTo("orders");
    }

    private ObjectNode sampleTree(EventType type) {
        return (ObjectNode) codec.mapper().valueToTree(samples.get(type));
    }
}
