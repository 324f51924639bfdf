package dev.cellguard.orchestrator.policy;

import static dev.cellguard.orchestrator.policy.PolicyFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.Readiness;
import dev.cellguard.contracts.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FailoverEngine} on an explicit clock, with the routing controls it starts from (the
 * primary On, every other cell Off) and every decision it has announced so far.
 */
final class EngineHarness {

    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    final FailoverEngine engine;
    final PolicyDocument document;
    final List<Decision> announced = new ArrayList<>();
    private Instant now;

    EngineHarness(PolicyDocument document) {
        this(document, T0);
    }

    EngineHarness(PolicyDocument document, Instant startedAt) {
        this(document, startedAt, document.primary().cell());
    }

    /** An engine that starts with traffic on the given cell (as read from ARC at its start). */
    EngineHarness(PolicyDocument document, Instant startedAt, String trafficOn) {
        this.document = document;
        this.now = startedAt;
        this.engine = new FailoverEngine(document, startedAt, RETRY_AFTER_FAILURE);
        placeTrafficOn(trafficOn);
    }

    Instant now() {
        return now;
    }

    EngineHarness at(Instant instant) {
        now = instant;
        return this;
    }

    EngineHarness advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /**
     * What the engine reads from ARC: the given cell On, every other Off. A placement other than the
     * engine's own view is a change made elsewhere (another orchestrator or an operator).
     */
    void placeTrafficOn(String cell) {
        Map<String, RoutingState> states = new LinkedHashMap<>();
        document.cells().forEach(c -> states.put(c.routingControlArn(), c.cell().equals(cell) ? RoutingState.ON : RoutingState.OFF));
        engine.routingObserved(states);
    }

    boolean record(EventEnvelope<?> signal) {
        return engine.record(signal);
    }

    EventEnvelope<?> health(String cell, String observer, HealthStatus status) {
        EventEnvelope<?> signal = PolicyFixtures.health(cell, observer, status, now);
        engine.record(signal);
        return signal;
    }

    EventEnvelope<?> readiness(String cell, String observer, Readiness status) {
        EventEnvelope<?> signal = PolicyFixtures.readiness(cell, observer, status, now);
        engine.record(signal);
        return signal;
    }

    /** Every observer says every cell is HEALTHY and READY, now. */
    EngineHarness allWell(String... observers) {
        for (String observer : observers) {
            for (CellRoute cell : document.cells()) {
                health(cell.cell(), observer, HealthStatus.HEALTHY);
                readiness(cell.cell(), observer, Readiness.READY);
            }
        }
        return this;
    }

    /** Evaluates now; the decisions are added to {@link #announced}. */
    FailoverEngine.Result tick() {
        FailoverEngine.Result result = engine.evaluate(now);
        announced.addAll(result.decisions());
        return result;
    }

    /** Evaluates now and expects an update. */
    PlannedUpdate tickExpectingUpdate() {
        FailoverEngine.Result result = tick();
        assertThat(result.update()).as("an update at %s; decisions %s", now, result.decisions()).isPresent();
        return result.update().orElseThrow();
    }

    /** Evaluates now and expects neither an update nor a decision. */
    void tickExpectingNothing() {
        FailoverEngine.Result result = tick();
        assertThat(result.update()).as("no update at %s", now).isEmpty();
        assertThat(result.decisions()).as("no decision at %s", now).isEmpty();
    }

    /** ARC accepted the update. */
    Decision accepted(PlannedUpdate update) {
        Decision executed = engine.executed(update, "accepted by us-west-2 after 1 attempt(s) in 3 ms", now);
        announced.add(executed);
        return executed;
    }

    /** An operator moves traffic through this engine (not automation: no cooldown, no window). */
    Decision operatorMovesTrafficTo(String cell) {
        return accepted(engine.manual(cell, "operator", List.of(), "operator", now).update().orElseThrow());
    }

    /** Evaluates now, expects an update and reports it accepted. */
    Decision failover() {
        return accepted(tickExpectingUpdate());
    }

    List<String> activeCells() {
        return engine.active().stream().map(CellRoute::cell).toList();
    }
}
