package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.T0;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.HealthStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds automation back: a policy's cooldown and hourly window, a global freeze, the start-up grace. */
class AutomationHoldsTest {

    /**
     * us-west-2 stays UNHEALTHY; at each attempt (seconds after the start) an operator has moved
     * traffic back onto it through this orchestrator, and the engine either fails over again ({@code act}) or
     * announces a BLOCKED decision whose reason ends with the given words.
     */
    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("cooldown: no second failover until it has passed", Duration.ofMinutes(10), 4,
                        "0 act; 300 hold cooling down until 2026-03-02T10:10:00Z; 599 hold cooling down until 2026-03-02T10:10:00Z; "
                                + "600 act; 1199 hold cooling down until 2026-03-02T10:20:00Z; 1200 act"),
                Arguments.of("hourly window: at most maxFailoversPerHour in any hour", Duration.ofMinutes(1), 2,
                        "0 act; 600 act; 1200 hold already 2 failover(s) in the last hour (at most 2); "
                                + "3600 hold already 2 failover(s) in the last hour (at most 2); 3601 act; "
                                + "3700 hold already 2 failover(s) in the last hour (at most 2); 4201 act"),
                Arguments.of("a window of one with no cooldown", Duration.ZERO, 1,
                        "0 act; 1 hold already 1 failover(s) in the last hour (at most 1); 3601 act"),
                Arguments.of("the cooldown is reported before the window", Duration.ofHours(2), 1,
                        "0 act; 3601 hold cooling down until 2026-03-02T12:00:00Z; 7200 act"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void aPolicyMovesTrafficNoMoreOftenThanItsCooldownAndWindowAllow(String name, Duration cooldown, int perHour,
            String attempts) {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").cooldown(cooldown).maxFailoversPerHour(perHour)).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        for (String attempt : attempts.split(";")) {
            String[] words = attempt.trim().split(" ", 3);
            h.at(T0.plusSeconds(Long.parseLong(words[0])));
            h.operatorMovesTrafficTo(WEST);
            if (words[1].equals("act")) {
                assertThat(h.failover().outcome()).as("at %s s", words[0]).isEqualTo(DecisionOutcome.EXECUTED);
                assertThat(h.activeCells()).containsExactly(EU);
            } else {
                FailoverEngine.Result result = h.tick();
                assertThat(result.update()).as("at %s s", words[0]).isEmpty();
                Decision latestBlock = h.announced.stream().filter(d -> d.outcome() == DecisionOutcome.BLOCKED)
                        .reduce((first, second) -> second).orElseThrow();
                assertThat(latestBlock).satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
                    assertThat(d.reason()).as("at %s s", words[0]).endsWith("; " + words[2]);
                    assertThat(d.toCells()).containsExactly(EU);
                });
            }
        }
    }

    @Test
    void aHoldIsAnnouncedOncePerSituation() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").cooldown(Duration.ofMinutes(10))).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.failover();
        h.operatorMovesTrafficTo(WEST);

        for (int i = 0; i < 9; i++) {
            h.advance(Duration.ofSeconds(30));
            h.tick();
        }

        assertThat(h.announced).extracting(Decision::outcome)
                .containsExactly(DecisionOutcome.EXECUTED, DecisionOutcome.EXECUTED, DecisionOutcome.BLOCKED);
    }

    @Test
    void aChangeMadeElsewhereHoldsEachPolicyForItsCooldown() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").cooldown(Duration.ofMinutes(10))).build(), T0, EU);
        h.allWell("o1");
        h.tick();
        h.advance(Duration.ofMinutes(1));
        h.placeTrafficOn(WEST);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result held = h.tick();

        assertThat(held.update()).isEmpty();
        assertThat(held.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.reason()).endsWith("; routing changed elsewhere (seen 2026-03-02T10:01:00Z): cooling down until 2026-03-02T10:11:00Z");
        });
        h.advance(Duration.ofMinutes(10).minusSeconds(1));
        h.tickExpectingNothing();
        h.advance(Duration.ofSeconds(1));
        assertThat(h.failover().outcome()).isEqualTo(DecisionOutcome.EXECUTED);
    }

    @Test
    void aChangeMadeElsewhereHoldsAnAutomaticFailbackForTheLongestCooldown() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").cooldown(Duration.ofMinutes(10)))
                .policy(policy("evacuate-not-ready").when(Trigger.Condition.READINESS_NOT_READY, Duration.ZERO, 1)
                        .cooldown(Duration.ofMinutes(20)))
                .failback(Mode.AUTO, Duration.ofMinutes(1)).build());
        h.allWell("o1");
        h.tick();
        h.placeTrafficOn(EU);
        h.tick();
        h.advance(Duration.ofMinutes(1));

        assertThat(h.tick().decisions()).singleElement().satisfies(d ->
                assertThat(d.reason()).endsWith("cooling down until 2026-03-02T10:20:00Z"));
        h.at(T0.plus(Duration.ofMinutes(20)));
        assertThat(h.tickExpectingUpdate().proposal().policy()).isEqualTo(Failback.POLICY_NAME);
    }

    @Test
    void theEnginesOwnChangesAreNotChangesMadeElsewhere() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").cooldown(Duration.ZERO).maxFailoversPerHour(10))
                .failback(Mode.AUTO, Duration.ofMinutes(1)).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.failover();
        h.placeTrafficOn(EU);
        h.advance(Duration.ofSeconds(1));
        h.health(WEST, "o1", HealthStatus.HEALTHY);
        h.tick();
        h.advance(Duration.ofMinutes(1));

        assertThat(h.tickExpectingUpdate().proposal().policy()).isEqualTo(Failback.POLICY_NAME);
    }

    @Test
    void operatorActionsDoNotCountAgainstTheCooldownOrTheWindow() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").cooldown(Duration.ofHours(1)).maxFailoversPerHour(1)).build());
        h.allWell("o1");
        h.accepted(h.engine.manual(EU, "drill", List.of(), "alice", h.now()).update().orElseThrow());
        h.advance(Duration.ofMinutes(1));
        h.accepted(h.engine.manual(WEST, "drill over", List.of(), "alice", h.now()).update().orElseThrow());
        h.advance(Duration.ofMinutes(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.failover().actor()).isEqualTo(FailoverEngine.AUTOMATION);
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void aFreezeHoldsAutomationUntilUnfrozen() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.engine.freeze("alice", "incident review");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        for (int i = 0; i < 5; i++) {
            assertThat(h.tick().update()).isEmpty();
            h.advance(Duration.ofMinutes(1));
        }

        assertThat(h.engine.frozen()).isTrue();
        assertThat(h.announced).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.reason()).endsWith("; automation is frozen (by alice: incident review)");
        });
        h.engine.unfreeze();
        assertThat(h.engine.frozen()).isFalse();
        assertThat(h.failover().outcome()).isEqualTo(DecisionOutcome.EXECUTED);
    }

    @Test
    void aFreezeDoesNotStopAnOperator() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.engine.freeze("alice", "incident review");

        FailoverEngine.Result manual = h.engine.manual(EU, "moving by hand", List.of(), "bob", h.now());

        assertThat(manual.decisions()).isEmpty();
        assertThat(h.accepted(manual.update().orElseThrow()).actor()).isEqualTo("bob");
        assertThat(h.activeCells()).containsExactly(EU);
    }

    @Test
    void aSecondFreezeIsAnnouncedAgainAfterAnUnfreeze() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.engine.freeze("alice", "incident review");
        h.tick();

        h.engine.unfreeze();
        h.engine.freeze("alice", "incident review");
        h.advance(Duration.ofSeconds(1));
        h.tick();

        assertThat(h.announced).extracting(Decision::outcome).containsExactly(DecisionOutcome.BLOCKED, DecisionOutcome.BLOCKED);
    }

    @Test
    void dryRunIsReportedWhicheverHoldApplies() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("rehearse").mode(Mode.DRY_RUN))
                .startupGrace(Duration.ofMinutes(5)).build());
        h.allWell("o1");
        h.engine.freeze("alice", "incident review");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tick().decisions()).extracting(Decision::outcome).containsExactly(DecisionOutcome.DRY_RUN);
    }

    @Test
    void afterAStartNothingIsDoneDuringTheGracePeriodButSignalsStillCount() {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").when(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ofSeconds(20), 1))
                .startupGrace(Duration.ofSeconds(30)).build());
        h.allWell("o1");
        h.advance(Duration.ofSeconds(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);
        h.advance(Duration.ofSeconds(20));

        FailoverEngine.Result held = h.tick();

        assertThat(held.update()).isEmpty();
        assertThat(held.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
            assertThat(d.reason()).endsWith("; start-up grace period until 2026-03-02T10:00:30Z");
        });
        h.advance(Duration.ofSeconds(8));
        h.tickExpectingNothing();
        h.advance(Duration.ofSeconds(1));
        assertThat(h.failover().outcome()).isEqualTo(DecisionOutcome.EXECUTED);
        assertThat(h.now()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void noApprovalIsRequestedDuringTheGracePeriod() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").mode(Mode.APPROVAL))
                .startupGrace(Duration.ofSeconds(30)).build());
        h.allWell("o1");
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tick().decisions()).extracting(Decision::outcome).containsExactly(DecisionOutcome.BLOCKED);
        h.advance(Duration.ofSeconds(30));
        assertThat(h.tick().decisions()).extracting(Decision::outcome).containsExactly(DecisionOutcome.AWAITING_APPROVAL);
    }

    @Test
    void theGracePeriodDoesNotStopAnOperator() {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate")).startupGrace(Duration.ofMinutes(5)).build());
        h.allWell("o1");

        assertThat(h.engine.manual(EU, "now", List.of(), "alice", h.now()).update()).isPresent();
    }
}
