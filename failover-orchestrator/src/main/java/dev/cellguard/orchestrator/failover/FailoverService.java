package dev.cellguard.orchestrator.failover;

import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventType;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.RoutingControlChanged;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.orchestrator.config.OrchestratorConfig;
import dev.cellguard.orchestrator.policy.CellRoute;
import dev.cellguard.orchestrator.policy.Decision;
import dev.cellguard.orchestrator.policy.FailoverEngine;
import dev.cellguard.orchestrator.policy.PlannedUpdate;
import dev.cellguard.orchestrator.policy.PolicyDocument;
import dev.cellguard.orchestrator.policy.PolicyLoader;
import dev.cellguard.orchestrator.routing.RoutingControlClient;
import dev.cellguard.orchestrator.routing.RoutingUpdateException;
import dev.cellguard.support.lifecycle.ServiceIdentity;
import dev.cellguard.support.sqs.EventPublisher;
import dev.cellguard.support.sqs.SqsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the {@link FailoverEngine}: every signal and every tick, on one thread, in order. Reads the
 * routing controls from ARC (at start, when stale, and right before every update, so an update made
 * meanwhile by another orchestrator is seen), sends the engine's updates through the
 * endpoint-rotating client, and announces every decision and routing change on the audit queue.
 * Acting needs only SQS signals and ARC: nothing here depends on PostgreSQL.
 */
@ApplicationScoped
public class FailoverService {

    private final FailoverEngine engine;
    private final RoutingControlClient arc;
    private final EventPublisher publisher;
    private final ServiceIdentity identity;
    private final OrchestratorConfig config;
    private final List<String> auditQueue;
    private final Clock clock;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "failover-loop");
        t.setDaemon(true);
        return t;
    });
    private final RoutingUpdates routing;

    @Inject
    public FailoverService(OrchestratorConfig config, RoutingControlClient arc, EventPublisher publisher,
            ServiceIdentity identity, SqsConfig sqs) {
        this.config = config;
        this.arc = arc;
        this.publisher = publisher;
        this.identity = identity;
        this.clock = Clock.systemUTC();
        this.auditQueue = List.of(sqs.queues().audit());
        PolicyDocument policy = new PolicyLoader().load(config.policyFile());
        this.engine = new FailoverEngine(policy, clock.instant(), config.retryAfterFailure());
        this.routing = new RoutingUpdates(engine, arc, clock);
        Log.infof("Failover policy %s (%s): %d cell(s), %d polic(ies), %d safety rule(s); acting after %d s of grace",
                policy.source(), policy.version(), policy.cells().size(), policy.policies().size(), policy.safetyRules().size(),
                policy.startupGrace().toSeconds());
    }

    void start(@Observes StartupEvent event) {
        loop.scheduleWithFixedDelay(this::tick, 0, config.evaluationInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        loop.shutdownNow();
    }

    /** Records a signal and evaluates; completes once the signal is recorded. */
    public CompletableFuture<Void> onSignal(EventEnvelope<?> signal) {
        return CompletableFuture.runAsync(() -> {
            if (engine.record(signal)) {
                Log.debugf("Signal %s (%s) recorded", signal.id(), signal.type());
                evaluate();
            }
        }, loop);
    }

    // ---- operator actions: each runs on the loop thread; decisions are announced, updates sent ----

    /**
     * Approves a pending request. Completes with the decisions made (APPROVED, then EXECUTED,
     * BLOCKED or FAILED); fails with {@link java.util.NoSuchElementException} for an unknown request.
     */
    public CompletableFuture<List<Decision>> approve(UUID requestId, String actor, String reason) {
        return operate(() -> run(engine.approve(requestId, actor, reason, clock.instant())));
    }

    /** Rejects a pending request; fails with {@link java.util.NoSuchElementException} for an unknown one. */
    public CompletableFuture<Decision> reject(UUID requestId, String actor, String reason) {
        return operate(() -> {
            Decision rejected = engine.reject(requestId, actor, reason, clock.instant());
            announce(rejected);
            return rejected;
        });
    }

    /**
     * Routes all traffic to one cell now, as an operator asks. Safety rules apply unless listed in
     * {@code overrides}. Completes with the decisions made (EXECUTED, BLOCKED or FAILED).
     */
    public CompletableFuture<List<Decision>> manualFailover(String targetCell, String reason, List<String> overrides,
            String actor) {
        return operate(() -> {
            if (engine.routing().isEmpty() && !refreshRouting()) {
                throw new IllegalStateException("the routing controls cannot be read from ARC");
            }
            return run(engine.manual(targetCell, reason, overrides, actor, clock.instant()));
        });
    }

    /** Stops automated actions (operators can still act) until {@link #unfreeze}. */
    public CompletableFuture<Boolean> freeze(String actor, String reason) {
        return operate(() -> {
            engine.freeze(actor, reason);
            Log.warnf("Automation frozen by %s: %s", actor, reason);
            return true;
        });
    }

    public CompletableFuture<Boolean> unfreeze(String actor) {
        return operate(() -> {
            engine.unfreeze();
            Log.warnf("Automation unfrozen by %s", actor);
            return false;
        });
    }

    /** The most recent decisions, newest first, and the requests awaiting approval. */
    public CompletableFuture<List<Decision>> decisions() {
        return operate(engine::decisions);
    }

    private <T> CompletableFuture<T> operate(Supplier<T> action) {
        return CompletableFuture.supplyAsync(action, loop);
    }

    /** Announces a result's decisions and sends its update; returns every decision made. */
    private List<Decision> run(FailoverEngine.Result result) {
        List<Decision> made = new ArrayList<>(result.decisions());
        result.decisions().forEach(this::announce);
        result.update().ifPresent(update -> {
            send(update);
            engine.decisions().stream().filter(d -> d.id().equals(update.decisionId())).findFirst().ifPresent(made::add);
        });
        return made;
    }

    private void tick() {
        try {
            if (routing.stale(config.routingRefreshInterval())) {
                refreshRouting();
            }
            evaluate();
        } catch (RuntimeException e) {
            Log.errorf(e, "Failover evaluation failed");
        }
    }

    private void evaluate() {
        FailoverEngine.Result result = engine.evaluate(clock.instant());
        apply(result);
    }

    /** Announces the decisions and sends the update, if any. Runs on the loop thread. */
    private void apply(FailoverEngine.Result result) {
        run(result);
    }

    private void send(PlannedUpdate update) {
        Log.infof("Routing update: %s", update.proposal().reason());
        RoutingUpdates.Sent sent = routing.send(update);
        EventEnvelope<FailoverDecision> decision = announce(sent.decision());
        sent.accepted().ifPresent(outcome -> {
            if (sent.changed()) {
                publisher.publish(EventEnvelope.create(new RoutingControlChanged(sent.changes(), outcome.endpoint().region(),
                                outcome.endpoint().url().toString(), outcome.attempts(), outcome.latencyMs(), update.overrides(),
                                sent.decision().id().toString()), identity.source(), identity.recoveryGroup(), null, decision,
                        clock.instant()), auditQueue);
            }
            Log.infof("Routing updated through %s in %d ms (%d attempt(s))", outcome.endpoint().region(), outcome.latencyMs(),
                    outcome.attempts());
        });
    }

    private boolean refreshRouting() {
        try {
            routing.refresh();
            return true;
        } catch (RoutingUpdateException e) {
            Log.warnf("Cannot read routing control states from ARC: %s", e.getMessage());
            return false;
        }
    }

    EventEnvelope<FailoverDecision> announce(Decision d) {
        Log.infof("Decision %s %s (%s): %s", d.id(), d.outcome(), d.policy(), d.reason());
        EventEnvelope<FailoverDecision> event = new EventEnvelope<>(d.id(), EventType.FAILOVER_DECISION.wireName(),
                EventType.FAILOVER_DECISION.version(), d.at().truncatedTo(ChronoUnit.MILLIS),
                identity.source(), identity.recoveryGroup(), null, d.correlationId(), d.causationId(),
                new FailoverDecision(d.policy(), d.policyVersion(), d.outcome(), d.reason(), d.blockingRule(), d.fromCells(),
                        d.toCells(), d.desiredStates(), d.inputSignals().stream().map(UUID::toString).toList(), d.actor()));
        publisher.publish(event, auditQueue);
        return event;
    }

    /** A snapshot of what the orchestrator knows, for the operator API. */
    public CompletableFuture<Map<String, Object>> snapshot() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            Map<String, RoutingState> states = engine.routing().orElse(Map.of());
            for (CellRoute cell : engine.document().cells()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("priority", cell.priority());
                view.put("routingControlArn", cell.routingControlArn());
                view.put("routingState", states.get(cell.routingControlArn()));
                view.put("health", engine.signals().agreedHealth(cell.cell()));
                view.put("readiness", engine.signals().agreedReadiness(cell.cell()));
                view.put("drift", engine.signals().driftingSets(cell.cell()));
                view.put("observers", engine.signals().observers(cell.cell()));
                view.put("signals", engine.signals().signalsAbout(cell.cell()));
                cells.put(cell.cell(), view);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("recoveryGroup", engine.document().recoveryGroup());
            state.put("policyVersion", engine.document().version());
            state.put("automationFrozen", engine.frozen());
            state.put("cells", cells);
            state.put("pendingApprovals", engine.pendingApprovals());
            return state;
        }, loop);
    }
}
