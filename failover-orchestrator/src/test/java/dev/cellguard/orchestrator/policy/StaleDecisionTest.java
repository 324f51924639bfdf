package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AP;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.threeCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.HealthStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decision is checked against the routing re-read right before it is sent: with three cells, the
 * other Region's orchestrator may have moved the traffic to another cell than this decision's target
 * meanwhile, and sending would override its choice.
 */
class StaleDecisionTest {

    private static EngineHarness threeCellsEvacuating(Mode mode) {
        EngineHarness h = new EngineHarness(threeCells().policy(policy("evacuate").mode(mode)).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        return h;
    }

    @Test
    void anEvacuationIsNotSentOnceTheOtherOrchestratorMovedTheTrafficElsewhere() {
        EngineHarness h = threeCellsEvacuating(Mode.AUTO);
        PlannedUpdate toEu = h.tickExpectingUpdate();
        assertThat(toEu.proposal().target()).isEqualTo(EU);

        h.placeTrafficOn(AP); // what the re-read shows: the other orchestrator chose ap-southeast-2

        assertThat(h.engine.staleBeforeSending(toEu, h.now())).hasValueSatisfying(d -> {
            assertThat(d.id()).isEqualTo(toEu.decisionId());
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.reason()).contains("not sent: " + WEST + " no longer takes traffic").contains("(now " + AP + ")");
            assertThat(d.fromCells()).containsExactly(WEST);
            assertThat(d.toCells()).containsExactly(EU);
        });
        assertThat(h.engine.decisions().get(0).outcome()).isEqualTo(DecisionOutcome.BLOCKED);
        // Traffic is on a healthy cell: nothing more to do, and nothing in flight blocks later decisions.
        h.advance(Duration.ofSeconds(10));
        assertThat(h.tick().update()).isEmpty();
        assertThat(h.activeCells()).containsExactly(AP);
    }

    @Test
    void anApprovalGivenAfterTheTrafficMovedElsewhereIsNotSent() {
        EngineHarness h = threeCellsEvacuating(Mode.APPROVAL);
        Decision request = h.tick().decisions().get(0);
        assertThat(request.outcome()).isEqualTo(DecisionOutcome.AWAITING_APPROVAL);
        h.advance(Duration.ofMinutes(3));
        h.placeTrafficOn(AP);

        PlannedUpdate approved = h.engine.approve(request.id(), "alice", "on the bridge", h.now()).update().orElseThrow();

        assertThat(h.engine.staleBeforeSending(approved, h.now())).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.actor()).isEqualTo("alice");
            assertThat(d.reason()).contains("no longer takes traffic");
        });
    }

    @Test
    void anUpdateIsSentWhileItsSourceStillTakesTraffic() {
        EngineHarness h = threeCellsEvacuating(Mode.AUTO);
        PlannedUpdate toEu = h.tickExpectingUpdate();

        assertThat(h.engine.staleBeforeSending(toEu, h.now())).isEmpty();
        assertThat(h.accepted(toEu).outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void anUpdateAlreadyInPlaceIsANoOpNotStale() {
        EngineHarness h = threeCellsEvacuating(Mode.AUTO);
        PlannedUpdate toEu = h.tickExpectingUpdate();
        h.placeTrafficOn(EU); // the other orchestrator made the same choice

        assertThat(h.engine.staleBeforeSending(toEu, h.now())).isEmpty();
    }

    @Test
    void anOperatorsPlacementIsNeverStale() {
        EngineHarness h = new EngineHarness(threeCells().build());
        PlannedUpdate manual = h.engine.manual(EU, "drill", List.of(), "bob", h.now()).update().orElseThrow();
        h.placeTrafficOn(AP);

        assertThat(h.engine.staleBeforeSending(manual, h.now())).isEmpty();
    }
}
