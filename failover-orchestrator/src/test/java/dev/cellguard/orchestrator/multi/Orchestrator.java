package dev.cellguard.orchestrator.multi;

import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.failover.RoutingUpdates;
import dev.cellguard.orchestrator.policy.CellRoute;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.policy.Failback;
import dev.cellguard.orchestrator.policy.FailoverEngine;
import dev.cellguard.orchestrator.policy.PlannedUpdate;
import dev.cellguard.orchestrator.policy.Policy;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.Requirements;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One orchestrator as {@code FailoverService} runs it, without the framework: its own
 * {@link FailoverEngine}, the endpoint-rotating client to the shared ARC, routing read at start,
 * when stale and right before every update, and every outcome reported back to the engine. Not
 * thread-safe, like the service's single loop thread.
 */
final class Orchestrator {

    /**
     * An update an orchestrator sent, what ARC held right before it, whether it changed anything, and
     * what the deciding engine knew of the target.
     */
    record Sent(String by, PlannedUpdate update, Decision outcome, Instant at, Map<String, RoutingState> before, boolean changed,
                List<String> targetUnmet) {
    }

    static final Duration ROUTING_REFRESH = Duration.ofSeconds(5);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    final String name;
    final FailoverEngine engine;
    final List<Decision> decisions = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    private final RoutingUpdates routing;
    private final Clock clock;
    private Consumer<Sent> journal = sent -> { };

    Orchestrator(String name, PolicyDocument document, RoutingControlClient arc, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.engine = new FailoverEngine(document, clock.instant(), RETRY_AFTER_FAILURE);
        this.routing = new RoutingUpdates(engine, arc, clock);
        routing.refresh();
    }

    /** A signal arrives: recorded, and if it was new, evaluated and acted on at once. */
    void deliver(EventEnvelope<?> signal) {
        if (engine.record(signal)) {
            act(plan());
        }
    }

    /** Also tells the journal about every update sent, in the order they are sent. */
    Orchestrator journalTo(Consumer<Sent> value) {
        journal = value;
        return this;
    }

    /** The periodic evaluation: routing re-read when stale, then evaluated and acted on. */
    void tick() {
        refreshIfStale();
        act(plan());
    }

    void refreshIfStale() {
        if (routing.stale(ROUTING_REFRESH)) {
            routing.refresh();
        }
    }

    /** Evaluates without sending, for tests that interleave two orchestrators between deciding and acting. */
    Optional<PlannedUpdate> plan() {
        FailoverEngine.Result result = engine.evaluate(clock.instant());
        decisions.addAll(result.decisions());
        return result.update();
    }

    void act(Optional<PlannedUpdate> update) {
        update.ifPresent(this::send);
    }

    /** An operator approves a pending request through this orchestrator. */
    void approve(UUID request, String actor) {
        FailoverEngine.Result result = engine.approve(request, actor, "approved in a test", clock.instant());
        decisions.addAll(result.decisions());
        result.update().ifPresent(this::send);
    }

    /** Sends an update as the service does ({@link RoutingUpdates}), and keeps what became of it. */
    void send(PlannedUpdate update) {
        List<String> unmet = targetUnmet(update);
        RoutingUpdates.Sent outcome = routing.send(update);
        decisions.add(outcome.decision());
        if (!outcome.before().isEmpty()) {
            record(new Sent(name, update, outcome.decision(), clock.instant(), outcome.before(), outcome.changed(), unmet));
        }
    }

    private void record(Sent update) {
        sent.add(update);
        journal.accept(update);
    }

    /** What the target lacks, in this engine's view, against what the deciding policy requires (empty for an operator's placement). */
    private List<String> targetUnmet(PlannedUpdate update) {
        String policy = update.proposal().policy();
        Optional<Requirements> required = Failback.POLICY_NAME.equals(policy) ? Optional.of(Requirements.STRICT)
                : engine.document().policies().stream().filter(p -> p.name().equals(policy)).findFirst().map(Policy::require);
        CellRoute target = engine.document().cell(update.proposal().target()).orElseThrow();
        return required.map(r -> engine.unmet(target, r)).orElse(List.of());
    }

    List<Sent> executed() {
        return sent.stream().filter(s -> s.outcome().outcome() == DecisionOutcome.EXECUTED).toList();
    }

    List<String> activeCells() {
        return engine.active().stream().map(CellRoute::cell).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
