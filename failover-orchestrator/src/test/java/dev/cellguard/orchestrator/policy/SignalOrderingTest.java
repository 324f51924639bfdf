package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.EU;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.T0;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.WEST;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftDetected;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.driftResolved;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.health;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.policy;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.readiness;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.resent;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.snapshot;
import static dev.cellguard.orchestrator.policy.PolicyFixtures.twoCells;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duplicated and reordered signals: a signal is counted once (by event id), and one older than
 * what an observer already said about a cell never overwrites it.
 */
class SignalOrderingTest {

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /**
     * Each row is a delivery order of signals (as the queue hands them over), whether each one is
     * recorded, and whether, at 60 s, the engine fails us-west-2 over (policy: UNHEALTHY for 15 s, one
     * observer; eu-west-1 HEALTHY and READY unless a row says otherwise).
     */
    static Stream<Arguments> deliveries() {
        EventEnvelope<?> down = health(WEST, "o1", HealthStatus.UNHEALTHY, at(10));
        EventEnvelope<?> up = health(WEST, "o1", HealthStatus.HEALTHY, at(20));
        EventEnvelope<?> downAgain = health(WEST, "o1", HealthStatus.UNHEALTHY, at(50));
        EventEnvelope<?> euNotReady = readiness(EU, "o1", Readiness.NOT_READY, at(5));
        EventEnvelope<?> euReady = readiness(EU, "o1", Readiness.READY, at(8));
        EventEnvelope<?> drift = driftDetected("o1", "orders-app-version", at(5), WEST, EU);
        EventEnvelope<?> resolved = driftResolved("o1", "orders-app-version", at(8));
        return Stream.of(
                row("in order, the failure is acted on", List.of(down), List.of(true), true),
                row("a redelivered signal is recorded once", List.of(down, down, down), List.of(true, false, false), true),
                row("a redelivered failure after the recovery does not bring it back",
                        List.of(down, up, down), List.of(true, true, false), false),
                row("a late failure older than the recovery is ignored", List.of(up, down), List.of(true, false), false),
                row("the same words resent under a new id are ignored when older than what is known",
                        List.of(down, up, resent(down)), List.of(true, true, false), false),
                row("a late recovery older than a newer failure is ignored: the failure lasts",
                        List.of(down, downAgain, up), List.of(true, true, false), true),
                row("recovery, then a new failure: time counts from the new failure",
                        List.of(down, up, downAgain), List.of(true, true, true), false),
                row("another observer's older word still counts for that observer",
                        List.of(up, health(WEST, "o2", HealthStatus.UNHEALTHY, at(10))), List.of(true, true), true),
                row("a late NOT_READY of the target older than its READY is ignored",
                        List.of(euReady, euNotReady, down), List.of(true, false, true), true),
                row("the target's newest NOT_READY holds the failover",
                        List.of(euReady, readiness(EU, "o1", Readiness.NOT_READY, at(9)), down), List.of(true, true, true), false),
                row("a late drift detection older than its resolution is ignored",
                        List.of(resolved, drift, down), List.of(true, false, true), true),
                row("drift detected then resolved, in order, leaves no drift",
                        List.of(drift, resolved, down), List.of(true, true, true), true),
                row("drift resolved then detected, in order, holds the failover",
                        List.of(driftResolved("o1", "orders-app-version", at(4)), drift, down), List.of(true, true, true), false),
                row("a late snapshot older than the failure does not undo it",
                        List.of(snapshot("o1", at(30), HealthStatus.UNHEALTHY, Readiness.READY, "orders-app-version", false, WEST),
                                snapshot("o1", at(5), HealthStatus.HEALTHY, Readiness.READY, "orders-app-version", false, WEST)),
                        List.of(true, false), true),
                row("signals about a cell the policy does not route are not recorded",
                        List.of(health("mars-1", "o1", HealthStatus.UNHEALTHY, at(10))), List.of(false), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void duplicatedAndReorderedSignalsNeverOverwriteNewerWords(String name, List<EventEnvelope<?>> delivered,
            List<Boolean> recorded, boolean failsOver) {
        EngineHarness h = new EngineHarness(twoCells()
                .policy(policy("evacuate").when(Trigger.Condition.HEALTH_UNHEALTHY, Duration.ofSeconds(15), 1)).build());
        h.health(EU, "o1", HealthStatus.HEALTHY);
        h.readiness(EU, "o1", Readiness.READY);

        List<Boolean> outcomes = delivered.stream().map(h::record).toList();

        assertThat(outcomes).isEqualTo(recorded);
        h.at(at(60));
        FailoverEngine.Result result = h.tick();
        assertThat(result.update().isPresent()).as("fails over").isEqualTo(failsOver);
    }

    @Test
    void aSignalIsRememberedByIdEvenWhenItWasStale() {
        SignalBook book = new SignalBook(List.of(WEST, EU));
        EventEnvelope<?> late = health(WEST, "o1", HealthStatus.UNHEALTHY, at(1));
        book.record(health(WEST, "o1", HealthStatus.HEALTHY, at(2)));

        assertThat(book.record(late)).isFalse();
        assertThat(book.record(late)).isFalse();
        assertThat(book.agreedHealth(WEST)).isEqualTo(HealthStatus.HEALTHY);
        assertThat(book.observersSustaining(WEST, Trigger.Condition.HEALTH_UNHEALTHY, Duration.ZERO, at(3))).isZero();
    }

    @Test
    void eachObserverIsKeptApart() {
        SignalBook book = new SignalBook(List.of(WEST, EU));
        book.record(health(WEST, "o1", HealthStatus.UNHEALTHY, at(0)));
        book.record(health(WEST, "o2", HealthStatus.UNHEALTHY, at(10)));
        book.record(health(WEST, "o3", HealthStatus.HEALTHY, at(10)));

        Function<Long, Integer> sustaining = s -> book.observersSustaining(WEST, Trigger.Condition.HEALTH_UNHEALTHY,
                Duration.ofSeconds(15), at(s));

        assertThat(sustaining.apply(14L)).isZero();
        assertThat(sustaining.apply(15L)).isEqualTo(1);
        assertThat(sustaining.apply(25L)).isEqualTo(2);
        assertThat(book.agreedHealth(WEST)).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(book.observers(WEST)).containsOnlyKeys("o1", "o2", "o3");
    }

    private static Arguments row(String name, List<EventEnvelope<?>> delivered, List<Boolean> recorded, boolean failsOver) {
        return Arguments.of(name, delivered, recorded, failsOver);
    }
}
