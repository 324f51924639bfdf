package dev.cellguard.orchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.HealthStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservedHealthTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private final ObservedHealth health = new ObservedHealth();

    @Test
    void aRedeliveredSignalIsRecordedOnce() {
        UUID id = UUID.randomUUID();
        ObservedHealth.Observation down = new ObservedHealth.Observation("local", HealthStatus.UNHEALTHY, T0, id, id);

        assertThat(health.record("us-west-2", down)).isTrue();
        assertThat(health.record("us-west-2", down)).isFalse();
    }

    @Test
    void anOlderSignalArrivingLateNeverOverwritesNewerState() {
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        health.record("us-west-2", new ObservedHealth.Observation("local", HealthStatus.HEALTHY, T0.plusSeconds(5), newer, newer));

        boolean recorded = health.record("us-west-2",
                new ObservedHealth.Observation("local", HealthStatus.UNHEALTHY, T0, older, older));

        assertThat(recorded).isFalse();
        assertThat(health.agreedHealth("us-west-2")).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aCellNobodyReportedOnIsUnknown() {
        assertThat(health.agreedHealth("eu-west-1")).isEqualTo(HealthStatus.UNKNOWN);
    }
}
