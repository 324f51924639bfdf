package dev.cellguard.monitor.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessTrackerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ReadinessRule SAME_VERSION = Rules.allEqual("http-json.all.equal", "same version", "/app/version");
    private static final ReadinessRule HEALTHY = Rules.eachEquals("http-health.each.healthy", "healthy", "health", "HEALTHY");

    private final ReadinessTracker tracker = new ReadinessTracker("orders",
            List.of(new CellNode("us-west-2", List.of()), new CellNode("eu-west-1", List.of())), Set.of("info", "health"));

    @Test
    void announcesNothingUntilEverySetWasCheckedThenEveryCellOnce() {
        assertThat(tracker.update(info("1.0.0", "1.0.0"))).isEmpty();

        List<ReadinessChange> first = tracker.update(health("HEALTHY", "HEALTHY"));

        assertThat(first).containsExactlyInAnyOrder(
                new ReadinessChange.CellChanged("us-west-2", null, null, ReadinessStatus.READY,
                        Map.of("health", ReadinessStatus.READY, "info", ReadinessStatus.READY), List.of()),
                new ReadinessChange.CellChanged("eu-west-1", null, null, ReadinessStatus.READY,
                        Map.of("health", ReadinessStatus.READY, "info", ReadinessStatus.READY), List.of()));
        assertThat(tracker.update(info("1.0.0", "1.0.0"))).isEmpty();
    }

    @Test
    void aVersionDifferenceIsDriftAndMakesBothCellsNotReadyUntilResolved() {
        tracker.update(info("1.0.0", "1.0.0"));
        tracker.update(health("HEALTHY", "HEALTHY"));

        List<ReadinessChange> drifted = tracker.update(info("1.1.0", "1.0.0"));

        assertThat(drifted).filteredOn(ReadinessChange.CellChanged.class::isInstance)
                .extracting(c -> ((ReadinessChange.CellChanged) c).current()).containsOnly(ReadinessStatus.NOT_READY);
        ReadinessChange.DriftDetected detected = (ReadinessChange.DriftDetected) drifted.stream()
                .filter(ReadinessChange.DriftDetected.class::isInstance).findFirst().orElseThrow();
        assertThat(detected.report().drift().get(0).valuesByCell())
                .containsEntry("us-west-2", "1.1.0").containsEntry("eu-west-1", "1.0.0");
        assertThat(tracker.notReadyRules("us-west-2")).containsExactly("http-json.all.equal");
        assertThat(tracker.update(info("1.1.0", "1.0.0"))).isEmpty();

        List<ReadinessChange> resolved = tracker.update(info("1.1.0", "1.1.0"));

        assertThat(resolved).contains(new ReadinessChange.DriftResolved(tracker.current().resourceSets().get("info"),
                List.of("http-json.all.equal")));
        assertThat(resolved).filteredOn(ReadinessChange.CellChanged.class::isInstance).hasSize(2);
    }

    @Test
    void driftThatChangesShapeIsAnnouncedAgain() {
        tracker.update(info("1.0.0", "1.0.0"));
        tracker.update(health("HEALTHY", "HEALTHY"));
        tracker.update(info("1.1.0", "1.0.0"));

        List<ReadinessChange> changed = tracker.update(info("1.2.0", "1.0.0"));

        assertThat(changed).hasSize(1).first().isInstanceOf(ReadinessChange.DriftDetected.class);
    }

    private static ResourceSetReport info(String west, String eu) {
        Map<String, Observation> o = new LinkedHashMap<>();
        o.put("us-west-2", new Observation.Observed(Map.of("/app/version", west), NOW));
        o.put("eu-west-1", new Observation.Observed(Map.of("/app/version", eu), NOW));
        return ResourceSetEvaluator.evaluate("info", "http-json", List.of(SAME_VERSION), o, NOW);
    }

    private static ResourceSetReport health(String west, String eu) {
        Map<String, Observation> o = new LinkedHashMap<>();
        o.put("us-west-2", new Observation.Observed(Map.of("health", west), NOW));
        o.put("eu-west-1", new Observation.Observed(Map.of("health", eu), NOW));
        return ResourceSetEvaluator.evaluate("health", "http-health", List.of(HEALTHY), o, NOW);
    }
}
