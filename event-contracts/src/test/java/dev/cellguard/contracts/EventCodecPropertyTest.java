package dev.cellguard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class EventCodecPropertyTest {

    private final EventCodec codec = new EventCodec();

    @Property(tries = 300)
    void anyHealthEventWithArbitraryTextRoundTrips(
            @ForAll @StringLength(min = 1, max = 200) String target,
            @ForAll @StringLength(max = 300) String reason,
            @ForAll HealthStatus status,
            @ForAll @IntRange(min = 0, max = 1000) int consecutive) throws Exception {
        EventEnvelope<CellHealthChanged> event = EventEnvelope.create(
                new CellHealthChanged("eu-west-1", status, null, target, reason, consecutive, null),
                new EventSource("readiness-monitor", "m-1"), "orders", "eu-west-1", null,
                Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(codec.fromJson(codec.toJson(event))).isEqualTo(event);
    }
}
