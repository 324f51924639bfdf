package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.AP;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.AP_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST_ARN;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftDetected;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftResolved;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.snapshot;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.threeCells;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the target must be. us-west-2 takes traffic and turns UNHEALTHY (observer o1, no delay);
 * each row sets up eu-west-1 and says whether traffic moves there or the failover is BLOCKED, and why.
 */
class TargetRequirementsTest {

    private static final Requirements STRICT = Requirements.STRICT;
    private static final Requirements READINESS_ANY = new Requirements(false, true, true);
    private static final Requirements HEALTH_ANY = new Requirements(true, false, true);
    private static final Requirements DRIFT_ANY = new Requirements(true, true, false);

    static Stream<Arguments> targets() {
        return Stream.of(
                row("a HEALTHY, READY, drift-free target qualifies", STRICT, h -> well(h, "o1"), null),
                // readiness
                row("targetReadiness READY refuses a NOT_READY target", STRICT,
                        h -> { well(h, "o1"); h.readiness(EU, "o1", Readiness.NOT_READY); }, "readiness is NOT_READY"),
                row("targetReadiness READY refuses a target no observer judged", STRICT,
                        h -> h.health(EU, "o1", HealthStatus.HEALTHY), "readiness is UNKNOWN"),
                row("targetReadiness READY refuses NOT_AUTHORIZED", STRICT,
                        h -> { well(h, "o1"); h.readiness(EU, "o1", Readiness.NOT_AUTHORIZED); }, "readiness is NOT_AUTHORIZED"),
                row("targetReadiness READY needs every observer: one NOT_READY is enough to refuse", STRICT,
                        h -> { well(h, "o1"); well(h, "o2"); h.readiness(EU, "o2", Readiness.NOT_READY); }, "readiness is NOT_READY"),
                row("targetReadiness ANY accepts a NOT_READY target", READINESS_ANY,
                        h -> { well(h, "o1"); h.readiness(EU, "o1", Readiness.NOT_READY); }, null),
                row("targetReadiness ANY accepts a target no observer judged", READINESS_ANY,
                        h -> h.health(EU, "o1", HealthStatus.HEALTHY), null),
                // health
                row("targetHealth HEALTHY refuses an UNHEALTHY target", STRICT,
                        h -> { well(h, "o1"); h.health(EU, "o1", HealthStatus.UNHEALTHY); }, "health is UNHEALTHY"),
                row("targetHealth HEALTHY refuses a target nobody probed", STRICT,
                        h -> h.readiness(EU, "o1", Readiness.READY), "health is UNKNOWN"),
                row("targetHealth HEALTHY refuses when observers disagree", STRICT,
                        h -> { well(h, "o1"); well(h, "o2"); h.health(EU, "o2", HealthStatus.UNHEALTHY); }, "health is UNKNOWN"),
                row("targetHealth HEALTHY refuses an UNKNOWN probe", STRICT,
                        h -> { well(h, "o1"); h.health(EU, "o1", HealthStatus.UNKNOWN); }, "health is UNKNOWN"),
                row("targetHealth ANY accepts an UNHEALTHY target", HEALTH_ANY,
                        h -> { well(h, "o1"); h.health(EU, "o1", HealthStatus.UNHEALTHY); }, null),
                // drift
                row("targetDrift none refuses a target in a drifting resource set", STRICT,
                        h -> { well(h, "o1"); h.record(driftDetected("o1", "orders-app-version", h.now(), WEST, EU)); },
                        "drifts in [orders-app-version]"),
                row("targetDrift none accepts the target once the drift is resolved", STRICT,
                        h -> {
                            well(h, "o1");
                            h.record(driftDetected("o1", "orders-app-version", h.now(), WEST, EU));
                            h.record(driftResolved("o1", "orders-app-version", h.now().plusMillis(1)));
                        }, null),
                row("targetDrift none: one observer's drift is enough to refuse", STRICT,
                        h -> {
                            well(h, "o1");
                            h.record(driftDetected("o1", "orders-app-version", h.now(), WEST, EU));
                            h.record(driftDetected("o2", "orders-db", h.now(), WEST, EU));
                            h.record(driftResolved("o1", "orders-app-version", h.now().plusMillis(1)));
                        }, "drifts in [orders-db]"),
                row("targetDrift none refuses a target a snapshot says drifts", STRICT,
                        h -> h.record(snapshot("o1", h.now(), HealthStatus.HEALTHY, Readiness.READY, "orders-app-version", true, EU)),
                        "drifts in [orders-app-version]"),
                row("targetDrift none accepts the target once a later snapshot says the set agrees", STRICT,
                        h -> {
                            h.record(snapshot("o1", h.now(), HealthStatus.HEALTHY, Readiness.READY, "orders-app-version", true, EU));
                            h.record(snapshot("o1", h.now().plusSeconds(1), HealthStatus.HEALTHY, Readiness.READY,
                                    "orders-app-version", false, EU));
                        }, null),
                row("targetDrift any accepts a drifting target", DRIFT_ANY,
                        h -> { well(h, "o1"); h.record(driftDetected("o1", "orders-app-version", h.now(), WEST, EU)); }, null),
                row("a snapshot's health and readiness qualify the target", STRICT,
                        h -> h.record(snapshot("o1", h.now(), HealthStatus.HEALTHY, Readiness.READY, "orders-app-version", false, EU)),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theTargetQualifiesOnlyWhenThePolicyAllows(Requirements require, Consumer<EngineHarness> target, String refusal) {
        EngineHarness h = new EngineHarness(twoCells().policy(policy("evacuate").require(require)).build());
        target.accept(h);
        h.advance(Duration.ofSeconds(1));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        FailoverEngine.Result result = h.tick();

        if (refusal == null) {
            assertThat(result.decisions()).isEmpty();
            assertThat(result.update()).hasValueSatisfying(u -> assertThat(u.proposal().target()).isEqualTo(EU));
        } else {
            assertThat(result.update()).isEmpty();
            assertThat(result.decisions()).singleElement().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
                assertThat(d.reason()).contains("no cell can take its traffic").contains(EU + " " + refusal);
                assertThat(d.toCells()).isEmpty();
                assertThat(d.fromCells()).containsExactly(WEST);
                assertThat(d.blockingRule()).isNull();
            });
        }
    }

    @Test
    void theTargetIsTheFirstQualifyingCellByPriority() {
        EngineHarness h = new EngineHarness(threeCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.readiness(EU, "o1", Readiness.NOT_READY);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        PlannedUpdate update = h.tickExpectingUpdate();

        assertThat(update.proposal().target()).isEqualTo(AP);
        assertThat(update.proposal().desired()).containsExactly(
                Map.entry(WEST_ARN, RoutingState.OFF),
                Map.entry(EU_ARN, RoutingState.OFF),
                Map.entry(AP_ARN, RoutingState.ON));
    }

    @Test
    void driftBetweenOtherCellsDoesNotDisqualifyTheTarget() {
        EngineHarness h = new EngineHarness(threeCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.record(driftDetected("o1", "orders-db", h.now(), WEST, AP));
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tickExpectingUpdate().proposal().target()).isEqualTo(EU);
    }

    @Test
    void whenNoCellQualifiesEveryCandidateIsExplained() {
        EngineHarness h = new EngineHarness(threeCells().policy(policy("evacuate")).build());
        h.allWell("o1");
        h.readiness(EU, "o1", Readiness.NOT_READY);
        h.health(AP, "o1", HealthStatus.UNHEALTHY);
        h.health(WEST, "o1", HealthStatus.UNHEALTHY);

        assertThat(h.tick().decisions()).singleElement().satisfies(d -> assertThat(d.reason())
                .contains(EU + " readiness is NOT_READY").contains(AP + " health is UNHEALTHY"));
    }

    private static void well(EngineHarness h, String observer) {
        h.health(EU, observer, HealthStatus.HEALTHY);
        h.readiness(EU, observer, Readiness.READY);
    }

    private static Arguments row(String name, Requirements require, Consumer<EngineHarness> target, String refusal) {
        return Arguments.of(Named.of(name, require), target, refusal);
    }
}
