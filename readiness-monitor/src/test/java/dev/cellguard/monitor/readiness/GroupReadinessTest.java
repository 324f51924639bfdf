package dev.cellguard.monitor.readiness;

import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_AUTHORIZED;
import static dev.cellguard.monitor.readiness.ReadinessStatus.NOT_READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.READY;
import static dev.cellguard.monitor.readiness.ReadinessStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupReadinessTest {

    /** us-west-2 (Region) ⊃ us-west-2a, us-west-2b (AZs); eu-west-1 (Region) ⊃ eu-west-1a. */
    private static final List<CellNode> CELLS = List.of(
            new CellNode("us-west-2", List.of(new CellNode("us-west-2a", List.of()), new CellNode("us-west-2b", List.of()))),
            new CellNode("eu-west-1", List.of(new CellNode("eu-west-1a", List.of()))));

    @Test
    void aNotReadyZoneMakesItsRegionAndTheGroupNotReady() {
        GroupReadiness group = GroupReadiness.rollUp("orders", CELLS, Map.of(
                "zonal-asg", set(Map.of("us-west-2a", READY, "us-west-2b", NOT_READY, "eu-west-1a", READY)),
                "regional-lb", set(Map.of("us-west-2", READY, "eu-west-1", READY))));

        assertThat(group.cells().get("us-west-2b").status()).isEqualTo(NOT_READY);
        assertThat(group.cells().get("us-west-2a").status()).isEqualTo(READY);
        assertThat(group.cells().get("us-west-2").status()).isEqualTo(NOT_READY);
        assertThat(group.cells().get("eu-west-1").status()).isEqualTo(READY);
        assertThat(group.status()).isEqualTo(NOT_READY);
    }

    @Test
    void everythingReadyIsReady() {
        GroupReadiness group = GroupReadiness.rollUp("orders", CELLS, Map.of(
                "zonal-asg", set(Map.of("us-west-2a", READY, "us-west-2b", READY, "eu-west-1a", READY))));

        assertThat(group.status()).isEqualTo(READY);
        assertThat(group.cells().get("us-west-2").children()).containsExactly("us-west-2a", "us-west-2b");
        assertThat(group.cells().get("us-west-2a").parent()).isEqualTo("us-west-2");
    }

    @Test
    void notReadyOutranksNotAuthorizedWhichOutranksUnknown() {
        assertThat(ReadinessStatus.rollUp(List.of(READY, UNKNOWN, NOT_AUTHORIZED))).isEqualTo(NOT_AUTHORIZED);
        assertThat(ReadinessStatus.rollUp(List.of(NOT_AUTHORIZED, NOT_READY, UNKNOWN))).isEqualTo(NOT_READY);
        assertThat(ReadinessStatus.rollUp(List.of(READY, UNKNOWN))).isEqualTo(UNKNOWN);
    }

    @Test
    void aCellWithNothingCheckedIsUnknownNotReady() {
        GroupReadiness group = GroupReadiness.rollUp("orders", CELLS, Map.of(
                "zonal-asg", set(Map.of("us-west-2a", READY, "us-west-2b", READY))));

        assertThat(group.cells().get("eu-west-1a").status()).isEqualTo(UNKNOWN);
        assertThat(group.cells().get("eu-west-1").status()).isEqualTo(UNKNOWN);
        assertThat(group.status()).isEqualTo(UNKNOWN);
    }

    @Test
    void theSeedScenarioAnAsgChangeInOneCellMakesEveryCellAndTheGroupNotReady() {
        Map<String, Observation> observations = new LinkedHashMap<>();
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        observations.put("us-west-2", new Observation.Observed(Map.of("minSize", 2L, "maxSize", 10L), now));
        observations.put("eu-west-1", new Observation.Observed(Map.of("minSize", 2L, "maxSize", 6L), now));
        ResourceSetReport asg = ResourceSetEvaluator.evaluate("orders-asg", "aws-autoscaling-group",
                List.of(Rules.allEqual("asg.all.min-max-size", "same min and max", "minSize", "maxSize")), observations, now);

        GroupReadiness group = GroupReadiness.rollUp("orders",
                List.of(new CellNode("us-west-2", List.of()), new CellNode("eu-west-1", List.of())), Map.of("orders-asg", asg));

        assertThat(group.cells().values()).extracting(CellReadiness::status).containsOnly(NOT_READY);
        assertThat(group.status()).isEqualTo(NOT_READY);
    }

    private static ResourceSetReport set(Map<String, ReadinessStatus> statusByCell) {
        return new ResourceSetReport("set", "test", ReadinessStatus.rollUp(statusByCell.values()), statusByCell, List.of(),
                List.of(), Instant.EPOCH);
    }
}
