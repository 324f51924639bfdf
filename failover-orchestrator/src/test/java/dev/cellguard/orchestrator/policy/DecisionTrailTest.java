package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.MONITOR;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.RECOVERY_GROUP;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decisions are announced once per situation, not once per tick, and each carries the incident's
 * correlation id and the signal (or decision) that caused it.
 */
class DecisionTrailTest {

    @Test
    void aBlockedFailoverIsAnnouncedOnlyWhenItsReasonChanges() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.readiness(EU, "o1", Readiness.NOT_READY);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        for (int i = 0; i < 20; i++) {
            h.tick();
            h.advance(Duration.ofSeconds(1));
        }
        h.readiness(EU, "o1", Readiness.UNKNOWN);
        for (int i = 0; i < 20; i++) {
            h.tick();
            h.advance(Duration.ofSeconds(1));
        }
        h.readiness(EU, "o1", Readiness.READY);
        h.tick();

        assertThat(h.announced).extracting(Decision::outcome).containsExactly(DecisionOutcome.BLOCKED, DecisionOutcome.BLOCKED);
        assertThat(h.announced.get(0).reason()).endsWith("eu-west-1 readiness is NOT_READY");
        assertThat(h.announced.get(1).reason()).endsWith("eu-west-1 readiness is UNKNOWN");
        List<Decision> newestFirst = new ArrayList<>(h.announced);
        Collections.reverse(newestFirst);
        assertThat(h.engine.decisions()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void theSameBlockIsAnnouncedAgainForTheNextIncident() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.readiness(EU, "o1", Readiness.NOT_READY);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.tick();
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.HEALTHY);
        h.tick();
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.tick();

        assertThat(h.announced).extracting(Decision::outcome).containsExactly(DecisionOutcome.BLOCKED, DecisionOutcome.BLOCKED);
        assertThat(h.announced.get(0).correlationId()).isNotEqualTo(h.announced.get(1).correlationId());
    }

    @Test
    void aDecisionBelongsToTheIncidentAndIsCausedByTheSignalThatTippedIt() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").when(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ZERO, 2)).build());
        h.allWell("o1", "o2");
        h.advance(Duration.ofSeconds(1));
        EventEnvelope<?> first = h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.tickExpectingNothing();
        h.advance(Duration.ofSeconds(2));
        EventEnvelope<CellHealthChanged> tipping = EventEnvelope.create(new CellHealthChanged("o2", HealthStatus.UNHEALTHY,
                HealthStatus.HEALTHY, "https://us-west-2.example/health", "timeout", 3, null), MONITOR, RECOVERY_GROUP, WEST, first,
                h.now());
        h.record(tipping);

        PlannedUpdate update = h.tickExpectingUpdate();
        Decision executed = h.accepted(update);

        assertThat(tipping.correlationId()).isEqualTo(first.correlationId());
        assertThat(update.proposal().correlationId()).isEqualTo(first.correlationId());
        assertThat(update.proposal().causedBy()).isEqualTo(tipping.id());
        assertThat(executed.correlationId()).isEqualTo(first.correlationId());
        assertThat(executed.causationId()).isEqualTo(tipping.id());
        assertThat(executed.inputSignals()).contains(first.id(), tipping.id());
    }

    @Test
    void afterASustainedWaitTheCauseIsTheLatestBadSignal() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").when(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ofSeconds(15), 1)).build());
        h.allWell("o1");
        EventEnvelope<?> first = h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.advance(Duration.ofSeconds(5));
        h.health(WEST, "o1", HealthStatus.UNKNOWN);
        h.advance(Duration.ofSeconds(5));
        EventEnvelope<?> again = h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.advance(Duration.ofSeconds(10));

        Decision executed = h.failover();

        assertThat(executed.causationId()).isEqualTo(again.id());
        assertThat(executed.correlationId()).isEqualTo(again.correlationId());
        assertThat(executed.inputSignals()).contains(again.id()).doesNotContain(first.id());
    }

    @Test
    void blockedAndDryRunDecisionsCarryTheIncidentToo() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("rehearse").mode(Mode.DRY_RUN))
                .policy(policy("evacuate").cooldown(Duration.ofHours(1)))
                .build());
        h.allWell("o1");
        h.engine.freeze("alice", "drill");
        EventEnvelope<?> failure = h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        h.tick();

        assertThat(h.announced).extracting(Decision::outcome).containsExactly(DecisionOutcome.DRY_RUN, DecisionOutcome.BLOCKED);
        assertThat(h.announced).allSatisfy(d -> {
            assertThat(d.correlationId()).isEqualTo(failure.correlationId());
            assertThat(d.causationId()).isEqualTo(failure.id());
            assertThat(d.actor()).isEqualTo(FailoverEngine.AUTOMATION);
            assertThat(d.policyVersion()).isEqualTo(h.document.version());
        });
    }
}
